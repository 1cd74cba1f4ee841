# Queues made after the fork server started (after the first start()) passed to later forkserver
# children: items flow both ways, a JoinableQueue's join() waits for the child's task_done(),
# a bounded Queue blocks the child until the parent takes an item.
import multiprocessing as mp


def first():
    pass


def echo(inbox, outbox):
    while True:
        item = inbox.get()
        if item is None:
            break
        outbox.put(("echo", item))


def worker(jobs):
    while True:
        job = jobs.get()
        print("child did", job)
        jobs.task_done()
        if job == "last":
            break


def fill(q, simple):
    for i in range(3):
        q.put(i)
    simple.put("filled")


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    p = ctx.Process(target=first)
    p.start()
    p.join()
    inbox, outbox = ctx.Queue(), ctx.Queue()
    e = ctx.Process(target=echo, args=(inbox, outbox))
    e.start()
    for item in [1, "two", (3, [4])]:
        inbox.put(item)
        print("parent got", outbox.get())
    inbox.put(None)
    e.join()
    print("echo exitcode", e.exitcode)
    jobs = ctx.JoinableQueue()
    w = ctx.Process(target=worker, args=(jobs,))
    w.start()
    jobs.put("first")
    jobs.put("last")
    jobs.join()
    print("all jobs done")
    w.join()
    q = ctx.Queue(maxsize=2)
    simple = ctx.SimpleQueue()
    f = ctx.Process(target=fill, args=(q, simple))
    f.start()
    print("full:", q.get(timeout=5), q.get(timeout=5), q.get(timeout=5))
    print("simple:", simple.get())
    f.join()
    print("fill exitcode", f.exitcode, "empty:", q.empty(), simple.empty())
