# ProcessPoolExecutor.submit: a Future per call, its result from a real worker process.
import concurrent.futures
import multiprocessing
import os


def square(x):
    return x * x


def whoami(tag):
    me = multiprocessing.current_process()
    return f"{tag} ran in {me.name}, a child: {os.getpid() != PARENT}"


PARENT = os.getpid()

if __name__ == "__main__":
    ex = concurrent.futures.ProcessPoolExecutor(max_workers=1)
    print("workers before submit:", len(multiprocessing.active_children()))
    fut = ex.submit(square, 7)
    print("workers after submit:", len(multiprocessing.active_children()))
    print("result:", fut.result())
    print("done:", fut.done(), "running:", fut.running(), "cancelled:", fut.cancelled())
    print(repr(fut))
    print(ex.submit(whoami, "second").result())
    print(ex.submit(pow, 2, 10).result())
    print(ex.submit(divmod, 17, 5).result())
    f = ex.submit(square, x=3)
    print(repr(f.exception()))
    ex.shutdown()
    print("workers after shutdown:", len(multiprocessing.active_children()))
