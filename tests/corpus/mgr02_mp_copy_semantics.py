# Manager: what the proxy hands back is a copy: changing a list inside a proxied dict changes nothing
# until it is stored again; a proxy stored in a proxy is shared for real.
import multiprocessing as mp


if __name__ == "__main__":
    with mp.Manager() as m:
        d = m.dict()
        d["k"] = []
        d["k"].append(1)
        print("append through d['k']:", d)
        inner = d["k"]
        inner.append(1)
        print("appended to the copy:", d, inner)
        d["k"] = inner
        print("stored again:", d)
        l = m.list([[0]])
        l[0].append(1)
        print("list in a list:", l)
        shared = m.list()
        d["shared"] = shared
        d["shared"].append("x")
        print("proxy in a dict:", shared, type(d["shared"]).__name__)
        ns = m.Namespace(items=[])
        ns.items.append(1)
        print("namespace attribute:", ns.items)
        got = d.copy()
        got["new"] = 1
        print("copy() is a plain dict:", type(got).__name__, "new" in d)
