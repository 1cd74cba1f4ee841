# os: the process's own identity and the platform's separators.
import multiprocessing as mp
import os


def child(q):
    q.put((os.getppid() == PARENT, os.getpid() != PARENT))


if __name__ == "__main__":
    PARENT = os.getpid()
    print(isinstance(os.getpid(), int), os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
    print(os.sep, repr(os.linesep), os.name, isinstance(os.cpu_count(), int) and os.cpu_count() >= 1)
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    print(q.get())
    p.join()
    print(p.exitcode)
