# Exceptions are rebuilt by calling their class with e.args (BaseException.__reduce__), then their
# other attributes are restored. An exception whose __init__ takes more required arguments than it
# passes to super().__init__ cannot be rebuilt: the receiver's get/recv raises TypeError.
import multiprocessing as mp


class Simple(Exception):
    pass


class WithCode(Exception):
    def __init__(self, code, why):
        super().__init__(f"{code}: {why}")
        self.code = code


class AllArgs(Exception):
    def __init__(self, code, why):
        super().__init__(code, why)
        self.code = code


def child(q):
    q.put(Simple("plain", 1))
    q.put(WithCode(404, "not found"))
    q.put(AllArgs(500, "server"))
    e = KeyError("k")
    e.note = "extra attribute"
    q.put(e)


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    e = q.get()
    print(type(e).__name__, e.args)
    try:
        q.get()
    except TypeError as err:
        print("get raised TypeError:", err)
    e = q.get()
    print(type(e).__name__, e.args, e.code)
    e = q.get()
    print(type(e).__name__, repr(e), e.note)
    p.join()
    a, b = mp.Pipe()
    a.send(WithCode(1, "x"))
    try:
        b.recv()
    except TypeError as err:
        print("recv raised TypeError:", err)
    a.send(ValueError("after the failure"))
    print("the pipe still works:", repr(b.recv()))
