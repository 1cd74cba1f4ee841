# Manager: proxies passed to Process children (as arguments) reach the same server: a dict, a list,
# a Namespace and a Value updated under a manager Lock by several children, joined before reading.
import multiprocessing as mp


def work(i, d, l, ns, counter, lock):
    d[i] = i * i
    l.append(i)
    with lock:
        counter.value += 1
        ns.total = ns.total + i


if __name__ == "__main__":
    with mp.Manager() as m:
        d = m.dict()
        l = m.list()
        ns = m.Namespace(total=0)
        counter = m.Value("i", 0)
        lock = m.Lock()
        ps = [mp.Process(target=work, args=(i, d, l, ns, counter, lock)) for i in range(4)]
        print([p.name for p in ps])
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()), sorted(l), ns.total, counter.value)
        print([p.exitcode for p in ps])
    print("server exitcode", m._process.exitcode)
