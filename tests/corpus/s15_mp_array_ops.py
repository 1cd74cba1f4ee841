# Array: from a size or a sequence, indexing, slicing, len, slice assignment; a child's writes show.
from multiprocessing import Process, Array


def fill(a):
    for k in range(len(a)):
        a[k] = k * k
    a[-1] = 99


if __name__ == "__main__":
    a = Array("i", 5)
    print(a[:], len(a))
    p = Process(target=fill, args=(a,))
    p.start()
    p.join()
    print(a[:], a[1], a[-2], a[1:3], a[::2])
    a[0:2] = [7, 8]
    print(list(a), sum(a))
    d = Array("d", [0.5, 1.5, 2.5])
    print(d[:], len(d))
    with a.get_lock():
        a[0] += 1
    print(a[0])
    try:
        a[5] = 1
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(a[10])
    except IndexError as e:
        print("IndexError:", e)
    raw = Array("i", [1, 2, 3], lock=False)
    raw[1] = 20
    print(raw[:], len(raw))
