# A child that raises after putting: the parent still gets what was put, and sees exitcode 1.
from multiprocessing import Process, Queue


def work(q):
    q.put("partial")
    raise RuntimeError("worker failed")


if __name__ == "__main__":
    q = Queue()
    p = Process(target=work, args=(q,))
    p.start()
    print(q.get())
    p.join()
    print("exitcode", p.exitcode)
