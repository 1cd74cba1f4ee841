# Connection.send_bytes takes any bytes-like object (bytes, bytearray, memoryview) with an offset
# and size in bytes; recv_bytes_into writes a message into a bytearray or a writable memoryview,
# and a message that does not fit comes back inside BufferTooShort.
import multiprocessing as mp
from multiprocessing.connection import BufferTooShort


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def child(conn):
    conn.send_bytes(bytearray(b"from the child"))
    conn.send_bytes(memoryview(b"0123456789")[2:6])
    conn.close()


if __name__ == "__main__":
    r, w = mp.Pipe(duplex=False)
    w.send_bytes(bytearray(b"abcdef"), 2)
    w.send_bytes(memoryview(b"abcdef"), 1, 3)
    w.send_bytes(memoryview(bytearray(b"xyz"))[1:])
    print(r.recv_bytes(), r.recv_bytes(), r.recv_bytes())
    attempt("str", lambda: w.send_bytes("text"))
    attempt("list", lambda: w.send_bytes([1, 2]))
    attempt("offset past the end", lambda: w.send_bytes(bytearray(3), 4))

    buf = bytearray(8)
    w.send_bytes(b"hello")
    attempt("into bytearray", lambda: r.recv_bytes_into(buf))
    w.send_bytes(b"hi")
    attempt("into at offset 6", lambda: r.recv_bytes_into(buf, 6))
    print(buf)
    view = memoryview(buf)
    w.send_bytes(b"HE")
    attempt("into a memoryview", lambda: r.recv_bytes_into(view))
    print(buf)
    view.release()
    attempt("negative offset", lambda: r.recv_bytes_into(buf, -1))
    attempt("offset too large", lambda: r.recv_bytes_into(buf, 9))
    attempt("into a list", lambda: r.recv_bytes_into([0, 0]))
    print("nothing read:", r.poll())

    w.send_bytes(b"far too long")
    try:
        r.recv_bytes_into(bytearray(4))
    except BufferTooShort as e:
        print("BufferTooShort", e.args[0], isinstance(e, mp.ProcessError))
    print("message consumed:", r.poll())
    print(mp.BufferTooShort is BufferTooShort, BufferTooShort.__module__)

    a, b = mp.Pipe()
    p = mp.Process(target=child, args=(b,))
    p.start()
    b.close()
    print(a.recv_bytes())
    out = bytearray(6)
    print(a.recv_bytes_into(out, 1), out)
    attempt("after the child closed", lambda: a.recv_bytes_into(out))
    p.join()
    print("exitcode", p.exitcode)
