# One message keeps its shared references (pickle's memo): a list holding the same object twice
# arrives holding one object twice, in another process too. Two messages are two copies.
import multiprocessing as mp


def child(q, conn):
    pair = q.get()
    print("child: pair[0] is pair[1]:", pair[0] is pair[1])
    pair[0].append("added by child")
    print("child: pair[1] is now", pair[1])
    d = q.get()
    print("child: d['a'] is d['b']:", d["a"] is d["b"], "d['c'] is d['a']:", d["c"] is d["a"])
    conn.send([pair, pair[0]])


if __name__ == "__main__":
    q = mp.Queue()
    a, b = mp.Pipe()
    shared = [1, 2]
    p = mp.Process(target=child, args=(q, b))
    p.start()
    q.put([shared, shared])
    box = {"n": 1}
    q.put({"a": box, "b": box, "c": {"n": 1}})
    back = a.recv()
    print("parent: back[1] is back[0][0]:", back[1] is back[0][0])
    print("parent: back[0][0] is back[0][1]:", back[0][0] is back[0][1])
    print("parent: shared is unchanged:", shared)
    p.join()
    a.send(shared)
    a.send(shared)
    first = b.recv()
    second = b.recv()
    print("two messages, two copies:", first is second, first == second)
    t = (shared, shared)
    a.send(t)
    u = b.recv()
    print("tuple:", u, u[0] is u[1])
