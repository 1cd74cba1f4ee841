# Manager: dict, list, Namespace, Value, Array proxies in the main process: their reprs, str() is the
# referent's repr, results are copies (keys() comes back as a list), the server is SyncManager-1.
import multiprocessing as mp


if __name__ == "__main__":
    m = mp.Manager()
    print("server", m._process.name, m._process.is_alive(), len(mp.active_children()))
    d = m.dict({"a": 1}, b=2)
    print(repr(d))
    print(str(d), len(d), "a" in d, "z" in d)
    d["c"] = [3]
    print(d["c"], d.get("zz", "default"), d.keys(), d.values(), d.items())
    print(sorted(d), type(d.copy()).__name__, d.pop("b"), d.setdefault("e", 5))
    d.update({"f": 6})
    del d["a"]
    print(d, d.popitem())
    l = m.list(range(5))
    print(repr(l))
    print(l, l[1], l[-1], l[1:3], type(l[1:3]).__name__, len(l))
    l.append(9)
    l.extend([7, 8])
    l[0] = 10
    del l[1]
    l.sort()
    print(l, l.index(9), l.count(7), l.pop(), 3 in l)
    l += [1]
    print(l, l + [0], type(l + [0]).__name__)
    ns = m.Namespace(x=1, _hidden=2)
    ns.y = "why"
    print(repr(ns))
    print(ns, ns.x, ns.y)
    del ns.x
    print(ns)
    v = m.Value("i", 7)
    print(repr(v))
    print(v, v.value, v.get())
    v.value += 1
    v.set(v.get() * 2)
    print(v.value)
    a = m.Array("i", [1, 2, 3])
    print(repr(a))
    print(a, len(a), a[0], a[-1])
    a[1] = 20
    print(a, a[0:2])
    print(m.Array("d", []), m.Array("d", [1, 2]))
    print("iterate", [k for k in m.dict(x=1, y=2)])
    m.shutdown()
    print("after shutdown", m._process.exitcode, len(mp.active_children()))
