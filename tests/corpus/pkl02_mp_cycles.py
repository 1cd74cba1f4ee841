# Cycles cross whole: a list that contains itself, a dict that contains itself, a tuple reached
# again through a list inside it. Their reprs show the cycle as CPython does ([...], {...}).
import multiprocessing as mp


def child(conn):
    for _ in range(3):
        obj = conn.recv()
        print(type(obj).__name__, obj)
    lst, dct, tup = obj
    print("lst[-1] is lst:", lst[-1] is lst)
    print("dct['me'] is dct:", dct["me"] is dct)
    print("tup[0][0] is tup:", tup[0][0] is tup)
    print("shared across the three:", lst[0] is dct["first"])


if __name__ == "__main__":
    a, b = mp.Pipe()
    p = mp.Process(target=child, args=(b,))
    p.start()
    lst = [{"k": 1}]
    lst.append(lst)
    dct = {"first": lst[0]}
    dct["me"] = dct
    tup = ([],)
    tup[0].append(tup)
    a.send(lst)
    a.send(dct)
    a.send((lst, dct, tup))
    p.join()
    print("exitcode", p.exitcode)
