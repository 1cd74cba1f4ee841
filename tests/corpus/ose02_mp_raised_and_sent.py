# The OSErrors forkyard raises for failed calls are CPython's: the subclass for the errno, args
# (errno, strerror), the fields; and an OSError sent through a Queue keeps its filename.
import multiprocessing as mp
import errno
import signal


def child(q):
    q.put(FileNotFoundError(errno.ENOENT, "No such file or directory", "gone.txt"))
    q.put(OSError(errno.EPIPE, "Broken pipe"))


if __name__ == "__main__":
    a, b = mp.Pipe()
    b.close()
    try:
        a.send(1)
    except BrokenPipeError as e:
        print(type(e).__name__, e.args, e.errno == errno.EPIPE, e.strerror, e)
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    e = q.get()
    print(type(e).__name__, e.args, e.errno, e.filename, e)
    e = q.get()
    print(type(e).__name__, e.args, e.errno, e)
    p.join()
    try:
        signal.signal(signal.SIGKILL, signal.SIG_IGN)
    except OSError as e:
        print(type(e).__name__, e.args, e.errno, e)
    from multiprocessing.connection import Client
    try:
        Client("/tmp/forkyard-no-such-listener")
    except OSError as e:
        print(type(e).__name__, e.args, e.errno, e)
