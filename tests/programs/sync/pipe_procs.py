import multiprocessing as mp
import time

def child(conn):
    for i in range(3):
        conn.send(i)
    conn.send_bytes(b"x" * 200000)
    conn.close()

r, w = mp.Pipe(duplex=False)
p = mp.Process(target=child, args=(w,))
p.start()
w.close()          # the parent closes its copy: EOF once the child's is closed too
got = []
while True:
    try:
        got.append(r.recv())
    except EOFError:
        break
    except Exception as e:
        got.append(type(e).__name__)
        break
print(got[:3])
p.join()

r, w = mp.Pipe(duplex=False)
p = mp.Process(target=child, args=(w,))
p.start()
print([r.recv() for _ in range(3)], len(r.recv_bytes()))
p.join()
# the parent still holds w: no EOF, poll says nothing to read
print(r.poll(0.2))

def echo(conn):
    while True:
        m = conn.recv()
        if m is None:
            break
        conn.send(m * 2)

a, b = mp.Pipe()
p = mp.Process(target=echo, args=(b,))
p.start()
for m in [1, "ab", [3]]:
    a.send(m)
    print(a.recv())
a.send(None)
p.join()
print(p.exitcode)

def sender(conn):
    conn.send("late")

a, b = mp.Pipe()
p = mp.Process(target=sender, args=(b,))
p.start()
t0 = time.time()
print(a.poll(5), a.recv())
p.join()
