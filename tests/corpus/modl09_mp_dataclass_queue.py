from dataclasses import dataclass, field, FrozenInstanceError
from multiprocessing import Process, Queue, Pipe, Pool


@dataclass
class Job:
    id: int
    words: list = field(default_factory=list)


@dataclass(frozen=True)
class Result:
    id: int
    count: int


def worker(inbox, outbox):
    job = inbox.get()
    outbox.put(Result(job.id, len(job.words)))


def count(job):
    return Result(job.id, sum(len(w) for w in job.words))


if __name__ == "__main__":
    inbox, outbox = Queue(), Queue()
    p = Process(target=worker, args=(inbox, outbox))
    p.start()
    inbox.put(Job(1, ["a", "bb", "ccc"]))
    r = outbox.get()
    p.join()
    print(r, r == Result(1, 3), type(r).__name__)
    try:
        r.count = 0
    except FrozenInstanceError as e:
        print("FrozenInstanceError:", e)
    a, b = Pipe()
    a.send(Job(2, ["x"]))
    print(b.recv())
    a.send(FrozenInstanceError("sent"))
    e = b.recv()
    print(type(e).__name__, e, isinstance(e, AttributeError))
    with Pool(2) as pool:
        print(pool.map(count, [Job(i, ["ab"] * i) for i in range(4)]))
