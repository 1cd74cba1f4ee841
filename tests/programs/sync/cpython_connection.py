# Checks ported from CPython's Lib/test/_test_multiprocessing.py: _TestConnection and _TestPoll.
import multiprocessing as mp
import time

TIMEOUT1 = 0.1
SENTINEL = b''

def almost(elapsed, expected):
    return abs(elapsed - expected) < 0.1

def timed(f, *args):
    t0 = time.monotonic()
    r = f(*args)
    return r, time.monotonic() - t0

def echo(conn):
    # CPython's test iterates iter(conn.recv_bytes, SENTINEL)
    while True:
        msg = conn.recv_bytes()
        if msg == SENTINEL:
            break
        conn.send_bytes(msg)
    conn.close()

def raises(exc, f, *args):
    try:
        f(*args)
    except exc:
        return True
    return False

# test_connection
conn, child_conn = mp.Pipe()
p = mp.Process(target=echo, args=(child_conn,), daemon=True)
p.start()
seq = [1, 2.25, None]
msg = b'hello world'
assert type(conn.fileno()) is int
assert conn.send(seq) is None
assert conn.recv() == seq
assert conn.send_bytes(msg) is None
assert conn.recv_bytes() == msg
r, dt = timed(conn.poll)
assert r is False and almost(dt, 0)
r, dt = timed(conn.poll, -1)
assert r is False and almost(dt, 0)
r, dt = timed(conn.poll, TIMEOUT1)
assert r is False and almost(dt, TIMEOUT1)
conn.send_bytes(b'x')
time.sleep(.1)
r, dt = timed(conn.poll, TIMEOUT1)
assert r is True and almost(dt, 0)
assert conn.recv_bytes() == b'x'
really_big_msg = b'X' * (1024 * 1024 * 16)
conn.send_bytes(really_big_msg)
assert conn.recv_bytes() == really_big_msg
conn.send_bytes(SENTINEL)
child_conn.close()
assert conn.readable is True and conn.writable is True
assert raises(EOFError, conn.recv)
assert raises(EOFError, conn.recv_bytes)
p.join()
print("ok test_connection")

# test_duplex_false
reader, writer = mp.Pipe(duplex=False)
assert writer.send(1) is None
assert reader.recv() == 1
assert (reader.readable, reader.writable, writer.readable, writer.writable) == (True, False, False, True)
assert raises(OSError, reader.send, 2)
assert raises(OSError, writer.recv)
assert raises(OSError, writer.poll)
print("ok test_duplex_false")

# test_spawn_close
conn, child_conn = mp.Pipe()
p = mp.Process(target=echo, args=(child_conn,), daemon=True)
p.start()
child_conn.close()
conn.send_bytes(b'hello')
assert conn.recv_bytes() == b'hello'
conn.send_bytes(SENTINEL)
conn.close()
p.join()
print("ok test_spawn_close")

# test_sendbytes
msg = b'abcdefghijklmnopqrstuvwxyz'
a, b = mp.Pipe()
a.send_bytes(msg)
assert b.recv_bytes() == msg
a.send_bytes(msg, 5)
assert b.recv_bytes() == msg[5:]
a.send_bytes(msg, 7, 8)
assert b.recv_bytes() == msg[7:7 + 8]
a.send_bytes(msg, 26)
assert b.recv_bytes() == b''
a.send_bytes(msg, 26, 0)
assert b.recv_bytes() == b''
for args in [(27,), (22, 5), (26, 1), (-1,), (4, -1)]:
    assert raises(ValueError, a.send_bytes, msg, *args), args
print("ok test_sendbytes")

# test_context
a, b = mp.Pipe()
with a, b:
    a.send(1729)
    assert b.recv() == 1729
    assert not a.closed and not b.closed
assert a.closed and b.closed
assert raises(OSError, a.recv) and raises(OSError, b.recv)
print("ok test_context")

# _TestPoll.test_empty_string
a, b = mp.Pipe()
assert a.poll() is False
b.send_bytes(b'')
assert a.poll() is True
assert a.poll() is True
print("ok test_empty_string")

# _TestPoll.test_strings
def child_strings(conn, strings):
    for s in strings:
        time.sleep(0.1)
        conn.send_bytes(s)
    conn.close()

strings = (b'hello', b'', b'a', b'b', b'', b'bye', b'', b'lop')
a, b = mp.Pipe()
p = mp.Process(target=child_strings, args=(b, strings))
p.start()
for s in strings:
    for i in range(200):
        if a.poll(0.01):
            break
    assert a.recv_bytes() == s
p.join()
print("ok test_strings")

# _TestPoll.test_boundaries
def child_boundaries(r):
    r.poll(5)

r, w = mp.Pipe(False)
p = mp.Process(target=child_boundaries, args=(r,))
p.start()
time.sleep(0.5)
L = [b"first", b"second"]
for obj in L:
    w.send_bytes(obj)
w.close()
p.join()
assert r.recv_bytes() in L
print("ok test_boundaries")

# _TestPoll.test_dont_merge
def child_dont_merge(b):
    b.send_bytes(b'a')
    b.send_bytes(b'b')
    b.send_bytes(b'cd')

a, b = mp.Pipe()
assert a.poll(0.0) is False
assert a.poll(0.1) is False
p = mp.Process(target=child_dont_merge, args=(b,))
p.start()
assert a.recv_bytes() == b'a'
assert a.poll(1.0) is True and a.poll(1.0) is True
assert a.recv_bytes() == b'b'
assert a.poll(1.0) is True and a.poll(1.0) is True and a.poll(0.0) is True
assert a.recv_bytes() == b'cd'
p.join()
print("ok test_dont_merge")
