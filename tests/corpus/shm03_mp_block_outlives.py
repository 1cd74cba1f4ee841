"""A block made after a child was forked is reached by name from that child; it outlives the close
of the process that made it, until unlink; a process still attached after unlink keeps its memory,
while a new attach fails."""
import multiprocessing as mp
from multiprocessing import shared_memory


def early(names, made, written, done):
    name = names.get()                 # the block did not exist when this child was forked
    s = shared_memory.SharedMemory(name)
    print("early child attached:", s.size, bytes(s.buf[:5]))
    s.buf[:5] = b"HELLO"
    written.set()
    done.wait()
    print("early child after unlink still reads:", bytes(s.buf[:5]))
    s.close()


def late(name, result):
    try:
        shared_memory.SharedMemory(name)
    except FileNotFoundError as e:
        result.put(type(e).__name__)


if __name__ == "__main__":
    # A first block before the fork: CPython's resource tracker starts with it and the child shares
    # it (a child forked before any block would start a tracker of its own, which warns at the end).
    first = shared_memory.SharedMemory(create=True, size=1)
    names = mp.Queue()
    made, written, done = mp.Event(), mp.Event(), mp.Event()
    p = mp.Process(target=early, args=(names, made, written, done))
    p.start()
    s = shared_memory.SharedMemory(create=True, size=64)
    s.buf[:5] = b"hello"
    name = s.name
    s.close()                           # the creator lets go; the block lives on
    names.put(name)
    written.wait()
    again = shared_memory.SharedMemory(name)
    print("main attached again:", bytes(again.buf[:5]), again.size)
    again.unlink()
    result = mp.Queue()
    q = mp.Process(target=late, args=(name, result))
    q.start()
    print("a late attach:", result.get())
    q.join()
    done.set()
    p.join()
    again.buf[0] = ord("J")
    print("main still has it:", bytes(again.buf[:5]))
    again.close()
    first.close()
    first.unlink()
