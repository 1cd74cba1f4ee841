# Three producers, one consumer: every item arrives once; per producer, in order.
from multiprocessing import Process, Queue


def produce(q, tag):
    for i in range(20):
        q.put((tag, i))
    q.put((tag, None))


if __name__ == "__main__":
    q = Queue()
    ps = [Process(target=produce, args=(q, t)) for t in "abc"]
    for p in ps:
        p.start()
    done = 0
    seen = {"a": [], "b": [], "c": []}
    while done < 3:
        tag, i = q.get()
        if i is None:
            done += 1
        else:
            seen[tag].append(i)
    for p in ps:
        p.join()
    for t in "abc":
        print(t, len(seen[t]), seen[t] == list(range(20)))
    print("exitcodes", [p.exitcode for p in ps])
