# Connection.send pickles in the caller, so what cannot be pickled raises right there, with the
# message CPython's pickle gives, and nothing is sent.
import multiprocessing as mp
import os


def numbers():
    yield 1


def make_local():
    def local():
        pass
    return local


def make_local_class():
    class Inner:
        pass
    return Inner


if __name__ == "__main__":
    a, b = mp.Pipe()
    things = [
        lambda: 1, make_local(), make_local_class(), make_local_class()(), numbers(), os,
        mp.Lock(), mp.RLock(), mp.Semaphore(2), mp.Event(), mp.Queue(), mp.Value("i", 0),
        [1, {"deep": [lambda: 2]}], mp.current_process(),
    ]
    for thing in things:
        try:
            a.send(thing)
            print("sent", type(thing).__name__)
        except Exception as e:
            print(f"{type(e).__module__}.{type(e).__name__}: {e}")
    print("nothing waiting:", b.poll())
