# A Process object before start, after join and after close(), as CPython's properties check it:
# a closed object refuses pid, ident, exitcode, is_alive, join, start, terminate and sentinel, its
# repr loses the pid; daemon reads back as it was given; args and kwargs go through tuple() and
# dict(), so None is refused (after the process number was taken).
import multiprocessing as mp
import os


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def work(a, b=0):
    print("child got", a, b)


if __name__ == "__main__":
    p = mp.Process(target=work, args=[1], kwargs=[("b", 2)])
    print(p.name, p.pid, p.exitcode, p.is_alive())
    p.daemon = 1
    print("daemon", repr(p.daemon))
    p.daemon = ""
    print("daemon", repr(p.daemon))
    p.start()
    p.join()
    print("exitcode", p.exitcode, "pid is int", isinstance(p.pid, int))
    r = repr(p)
    print("pid in repr", "pid=" in r, r.endswith("stopped exitcode=0>"))
    p.close()
    r = repr(p)
    print("after close: pid in repr", "pid=" in r, r.endswith("closed>"))
    print("name", p.name, "daemon", repr(p.daemon))
    attempt("pid", lambda: p.pid)
    attempt("ident", lambda: p.ident)
    attempt("exitcode", lambda: p.exitcode)
    attempt("is_alive", lambda: p.is_alive())
    attempt("join", lambda: p.join())
    attempt("start", lambda: p.start())
    attempt("terminate", lambda: p.terminate())
    attempt("sentinel", lambda: p.sentinel)
    attempt("close again", lambda: p.close())

    attempt("args=None", lambda: mp.Process(target=work, args=None))
    attempt("kwargs=None", lambda: mp.Process(target=work, kwargs=None))
    attempt("kwargs=5", lambda: mp.Process(target=work, kwargs=5))
    q = mp.Process(target=work, args=("x",), name="")
    print("empty name gives", q.name)
    q.start()
    q.join()
    d = mp.Process(target=work, args=(3,), daemon=0)
    print("daemon=0", repr(d.daemon), d.name)

    me = mp.current_process()
    print(me.name, me.pid == os.getpid(), me.exitcode)
    attempt("close the main process", lambda: me.close())
    attempt("its pid is ours", lambda: me.pid == os.getpid())
    print(repr(me))
