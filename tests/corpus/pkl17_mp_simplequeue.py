# SimpleQueue has no feeder thread: put() pickles in the caller, so an unpicklable item raises
# right there; shared references and cycles cross as with Queue.
import multiprocessing as mp


def child(q):
    item = q.get()
    print("child:", item[0] is item[1], item[2][-1] is item[2])


if __name__ == "__main__":
    q = mp.SimpleQueue()
    try:
        q.put(lambda: 0)
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
    try:
        q.put(mp.Lock())
    except RuntimeError as e:
        print("RuntimeError:", e)
    shared = {"k": [1]}
    cyc = [0]
    cyc.append(cyc)
    p = mp.Process(target=child, args=(q,))
    p.start()
    q.put((shared, shared, cyc))
    p.join()
    print("exitcode", p.exitcode)
