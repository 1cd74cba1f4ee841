# add_done_callback: called with the future once it is done; at once if it already is.
import concurrent.futures
import time


def triple(x):
    return 3 * x


def report(f):
    print(f"callback: {f.result()}\n", end="")


def broken(f):
    raise ValueError("callback failed")


if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as ex:
        f = ex.submit(triple, 5)
        f.add_done_callback(report)
        time.sleep(0.3)
        print("result:", f.result())
        print("adding to a done future:")
        f.add_done_callback(report)
        f.add_done_callback(lambda fut: print("lambda sees", repr(fut.exception())))
        f.add_done_callback(broken)
        print("after the failing callback")
        g = concurrent.futures.Future()
        g.add_done_callback(report)
        g.add_done_callback(lambda fut: print("second callback, done:", fut.done()))
        print("setting the result")
        g.set_result("by hand")
