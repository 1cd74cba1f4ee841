# A forkserver child sees the program as its own import makes it, not as the parent changed it:
# globals set under the guard, before or after the server started, are not there.
import multiprocessing as mp

setting = "as imported"
counter = [0]


def show(tag):
    counter[0] += 1
    print(tag, "sees", setting, counter)


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    setting = "changed before the first start"
    counter.append("main")
    p = ctx.Process(target=show, args=("first",))
    p.start()
    p.join()
    setting = "changed after the server started"
    p = ctx.Process(target=show, args=("second",))
    p.start()
    p.join()
    print("main sees", setting, counter)
