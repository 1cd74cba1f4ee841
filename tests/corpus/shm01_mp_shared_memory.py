"""SharedMemory: create, attach by name in the same and in other processes (Process args, a Queue,
a Pool task), buf shared at once, close, unlink, and CPython's errors."""
from multiprocessing import shared_memory
import multiprocessing as mp

def child(name, q):
    s = shared_memory.SharedMemory(name)
    q.put((s.size, bytes(s.buf[:4])))
    s.buf[1] = 99
    s.close()

def in_pool(shm):
    shm.buf[3] = 33
    return (shm.size, shm.buf[0], shm.buf[3])


def child2(shm):
    shm.buf[2] = 77
    print("child2 sees", shm.name == NAME, shm.size)

if __name__ == "__main__":
    s = shared_memory.SharedMemory(create=True, size=10)
    NAME = s.name
    print(len(s.name), s.name[:4], s.size)
    s.buf[0] = 5
    t = shared_memory.SharedMemory(s.name)
    print(t.buf[0], t.size, bytes(t.buf[:3]))
    print(repr(s) == f"SharedMemory({s.name!r}, size=10)")
    q = mp.Queue()
    p = mp.Process(target=child, args=(s.name, q))
    p.start(); print(q.get()); p.join()
    print(s.buf[1])
    p = mp.Process(target=child2, args=(s,))
    p.start(); p.join()
    print(s.buf[2], bytes(s.buf))
    q.put(s)
    got = q.get()
    print("through a Queue:", got.name == s.name, got.size, got.buf[2], got is s)
    got.close()
    with mp.Pool(1) as pool:
        print("in a Pool worker:", pool.apply(in_pool, (s,)))
    print(s.buf[3])
    t.close()
    s.close()
    s.unlink()
    try:
        shared_memory.SharedMemory(NAME)
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, str(e).replace(NAME, "NAME"))
    try:
        s.unlink()
    except FileNotFoundError as e:
        print("again", e.errno)
    for args in [dict(), dict(create=True), dict(create=True, size=-1), dict(name="x", size=-2)]:
        try:
            shared_memory.SharedMemory(**args)
        except Exception as e:
            print(type(e).__name__, e)
    a = shared_memory.SharedMemory("shm01_block", create=True, size=3)
    try:
        shared_memory.SharedMemory("shm01_block", create=True, size=3)
    except FileExistsError as e:
        print(type(e).__name__, e)
    a.close(); a.unlink()
    try:
        a.buf[0]
    except Exception as e:
        print(type(e).__name__, e)
    print(a.buf)
