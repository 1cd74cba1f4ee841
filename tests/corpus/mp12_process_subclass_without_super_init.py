# A Process subclass whose __init__ does not call super().__init__(): each method fails on the
# first attribute of BaseProcess it reads, as CPython's does ('_closed', '_popen' in close,
# '_target' in Process.run); the program's own run still runs when called by hand.
import multiprocessing as mp


class Worker(mp.Process):
    def __init__(self, n):
        self.n = n

    def run(self):
        print("run", self.n)


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


if __name__ == "__main__":
    w = Worker(3)
    attempt("start", lambda: w.start())
    attempt("join", lambda: w.join())
    attempt("is_alive", lambda: w.is_alive())
    attempt("terminate", lambda: w.terminate())
    attempt("kill", lambda: w.kill())
    attempt("close", lambda: w.close())
    attempt("run by hand", lambda: w.run())
    attempt("Process.run", lambda: mp.Process.run(w))
