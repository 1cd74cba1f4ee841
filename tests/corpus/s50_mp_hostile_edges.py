# multiprocessing at its edges: sizes too large, malformed messages, signals to processes this one
# did not start, odd exit arguments. Each ends in CPython's result or CPython's error.
import multiprocessing
import sys


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


def store(a, i):
    a[i] = 1


def exits_with(arg):
    sys.exit(arg)


def signals_itself(method):
    try:
        getattr(multiprocessing.current_process(), method)()
    except AttributeError as e:
        print("child", method, "AttributeError:", e)
    try:
        getattr(multiprocessing.parent_process(), method)()
    except AttributeError as e:
        print("parent stand-in", method, "AttributeError:", e)


if __name__ == "__main__":
    show("Array('q', 2**62)", lambda: multiprocessing.Array("q", 2**62, lock=False))
    show("RawArray('q', 2**62)", lambda: multiprocessing.RawArray("q", 2**62))
    show("RawArray('d', 2**60)", lambda: multiprocessing.RawArray("d", 2**60))
    show("RawValue('i', 7).value", lambda: multiprocessing.RawValue("i", 7).value)
    show("RawArray('i', [1, 2])[:]", lambda: multiprocessing.RawArray("i", [1, 2])[:])
    show("Array('q', -1)", lambda: multiprocessing.Array("q", -1))
    a = multiprocessing.Array("i", 4)
    show("a[2**61 - 1] = 1", lambda: store(a, 2**61 - 1))
    show("a[-2**61] = 1", lambda: store(a, -(2**61)))
    show("a[-5]", lambda: a[-5])
    show("a[::2**62]", lambda: a[:: 2**62])
    show("Semaphore(-1)", lambda: multiprocessing.Semaphore(-1))

    main = multiprocessing.current_process()
    show("main.kill()", lambda: main.kill())
    show("main.terminate()", lambda: main.terminate())
    for method in ["kill", "terminate"]:
        p = multiprocessing.Process(target=signals_itself, args=(method,))
        p.start()
        p.join()
        print("exitcode", p.exitcode)

    for arg in [(), (5,), None, 0]:
        p = multiprocessing.Process(target=exits_with, args=(arg,))
        p.start()
        p.join()
        print("sys.exit(%r) exitcode" % (arg,), p.exitcode)

    r, w = multiprocessing.Pipe(duplex=False)
    show("send_bytes offset past", lambda: w.send_bytes(b"abc", 4))
    show("send_bytes size past", lambda: w.send_bytes(b"abc", 1, 9223372036854775807))
    show("send_bytes negative size", lambda: w.send_bytes(b"abc", 0, -1))
    w.send_bytes(b"")
    show("recv() of b''", lambda: r.recv())
    w.send_bytes(b"\x01\x02")
    show("recv() of b'\\x01\\x02'", lambda: r.recv())
    w.send_bytes(b"xyz")
    show("recv_bytes(2) of 3 bytes", lambda: r.recv_bytes(2))
