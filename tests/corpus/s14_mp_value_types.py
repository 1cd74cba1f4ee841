# Value: typecodes, defaults, get_lock, lock=False; a child's writes are seen by the parent.
from multiprocessing import Process, Value


def change(i, d, b):
    i.value = -7
    d.value = d.value * 2
    b.value = 1


if __name__ == "__main__":
    i = Value("i", 5)
    d = Value("d", 1.25)
    b = Value("b")
    print(i.value, d.value, b.value, Value("l").value, Value("d").value)
    p = Process(target=change, args=(i, d, b))
    p.start()
    p.join()
    print(i.value, d.value, b.value)
    with i.get_lock():
        i.value += 10
    print(i.value)
    lk = i.get_lock()
    print("get_lock acquire", lk.acquire(), lk.acquire(False))
    lk.release()
    raw = Value("i", 3, lock=False)
    raw.value += 1
    print("raw", raw.value, hasattr(raw, "get_lock"), hasattr(i, "get_lock"))
    f = Value("i", 0)
    f.value = 3.9 if False else 3
    print(f.value)
    try:
        f.value = "x"
    except TypeError as e:
        print("TypeError")
