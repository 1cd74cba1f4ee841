# recv() unpickles the bytes that arrive, as CPython's does: a program's own
# send_bytes(pickle.dumps(x)) is read back by recv() (also across a fork), and a cut pickle fails
# with pickle's own error.
import multiprocessing as mp
import pickle


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def child(conn):
    conn.send_bytes(pickle.dumps(("from the child", [1, 2])))
    print("child got", pickle.loads(conn.recv_bytes()))
    conn.close()


if __name__ == "__main__":
    a, b = mp.Pipe()
    a.send_bytes(pickle.dumps({"x": [1, 2]}))
    attempt("pickle.dumps then recv", lambda: b.recv())
    for protocol in (2, 3, 5):
        a.send_bytes(pickle.dumps((protocol, 3.5, "text", b"raw"), protocol=protocol))
        attempt(f"protocol {protocol}", lambda: b.recv())
    for garbage in (b"\x80\x04K", b"\x80\x05\x95", b"\x80\x04\x95\x05"):
        a.send_bytes(garbage)
        attempt(f"recv of {garbage!r}", lambda: b.recv())
    p = mp.Process(target=child, args=(b,))
    p.start()
    print("parent got", a.recv())
    a.send_bytes(pickle.dumps(7))
    p.join()
