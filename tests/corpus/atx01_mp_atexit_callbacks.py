# atexit: callbacks run last registered first at the program's end, with their arguments; a
# decorator form; unregister; a callback that raises is reported and the others still run. A
# spawned child runs its own callbacks at its end (it ends as an interpreter does); a forked or a
# forkserver child ends with os._exit and runs none, not even those it inherited.
import atexit, multiprocessing

def bye(who, n=0):
    print("atexit:", who, n, "in", multiprocessing.current_process().name, flush=True)

def boom():
    1/0

def child():
    atexit.register(bye, "registered in the child")
    print("child runs in", multiprocessing.current_process().name, flush=True)

@atexit.register
def decorated():
    print("atexit: decorated", flush=True)

if __name__ == "__main__":
    atexit.register(bye, "first", n=1)
    print(atexit.register(bye, "second") is bye)
    atexit.register(boom)
    atexit.register(print, "a builtin")
    atexit.unregister(print)
    for method in ("fork", "spawn", "forkserver"):
        p = multiprocessing.get_context(method).Process(target=child)
        p.start()
        p.join()
    print("main ends")
