# Manager: an error the server raises, left uncaught, ends a child with the usual traceback (exit
# code 1) and the main too; what cannot be pickled fails in the caller before it reaches the server.
import multiprocessing as mp


def child(d):
    print("child asks for a missing key")
    d["missing"]


if __name__ == "__main__":
    with mp.Manager() as m:
        d = m.dict(a=1)
        p = mp.Process(target=child, args=(d,))
        p.start()
        p.join()
        print("child exitcode", p.exitcode)
        l = m.list()
        try:
            l.append(lambda: 0)
        except Exception as e:
            print(type(e).__name__, e)
        print("list still", l)
        ns = m.Namespace(x=1)
        print(ns.x)
        ns.undefined
