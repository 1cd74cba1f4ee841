# Manager: a JoinableQueue whose join() waits in the main until a child called task_done() for every
# item, and a bounded Queue whose put() waits in the server until the consumer makes room.
import multiprocessing as mp
import queue


def worker(jq, results):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        results.append(item * item)
        jq.task_done()


def consumer(bq, started, got):
    started.set()
    for _ in range(3):
        got.append(bq.get())


if __name__ == "__main__":
    with mp.Manager() as m:
        jq = m.JoinableQueue()
        results = m.list()
        w = mp.Process(target=worker, args=(jq, results))
        w.start()
        for i in range(4):
            jq.put(i)
        jq.put(None)
        print("join returns", jq.join())
        print("results", sorted(results))
        w.join()
        bq = m.Queue(maxsize=1)
        bq.put("a")
        try:
            bq.put("x", timeout=0.1)
        except queue.Full:
            print("full, put timed out")
        started, got = m.Event(), m.list()
        c = mp.Process(target=consumer, args=(bq, started, got))
        c.start()
        started.wait()
        bq.put("b")
        bq.put("c")
        c.join()
        print("consumer got", list(got), bq.qsize(), bq.empty())
