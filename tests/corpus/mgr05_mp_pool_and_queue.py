# Manager: proxies cross Pool tasks, a multiprocessing.Queue and a Pipe as pickles and reconnect in the
# process that receives them; a manager Queue and Event order a producer and a consumer.
import multiprocessing as mp


def record(args):
    d, x = args
    d[x] = x * 10
    return x


def consumer(q, done, results):
    while True:
        item = q.get()
        if item is None:
            break
        results.append(item * 2)
    done.set()


def receiver(mq):
    d = mq.get()
    print("received", type(d).__name__, sorted(d.items()))
    d["from child"] = True


def pipe_end(conn):
    ns = conn.recv()
    ns.seen = "by the pipe's child"
    conn.send(ns)


if __name__ == "__main__":
    with mp.Manager() as m:
        d = m.dict()
        with mp.Pool(2) as pool:
            print(pool.map(record, [(d, x) for x in range(4)]))
        print(sorted(d.items()))
        q = m.Queue()
        done = m.Event()
        results = m.list()
        c = mp.Process(target=consumer, args=(q, done, results))
        c.start()
        for x in [1, 2, 3, None]:
            q.put(x)
        print("done", done.wait(10), list(results), q.qsize(), q.empty())
        c.join()
        mq = mp.Queue()
        r = mp.Process(target=receiver, args=(mq,))
        r.start()
        mq.put(d)
        r.join()
        print("from child" in d)
        ns = m.Namespace(seen=None)
        here, there = mp.Pipe()
        c2 = mp.Process(target=pipe_end, args=(there,))
        c2.start()
        here.send(ns)
        back = here.recv()
        c2.join()
        print(type(back).__name__, back.seen, ns.seen)
