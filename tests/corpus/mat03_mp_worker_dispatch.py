# A worker process dispatches the messages it takes from a Queue with a match statement (the
# common shape of a worker loop), and a Pool task matches on its argument; the answers come back
# in order.
import multiprocessing
from dataclasses import dataclass

@dataclass
class Job:
    name: str
    size: int

def worker(inbox, outbox):
    while True:
        match inbox.get():
            case None:
                outbox.put("worker: stop")
                break
            case ("add", a, b):
                outbox.put(f"add -> {a + b}")
            case {"cmd": "echo", "text": text}:
                outbox.put(f"echo -> {text}")
            case Job(name=name, size=size) if size > 10:
                outbox.put(f"big job {name}")
            case Job(name):
                outbox.put(f"small job {name}")
            case other:
                outbox.put(f"unknown {other!r}")

def classify(v):
    match v:
        case int(n) if n % 2 == 0:
            return "even"
        case int():
            return "odd"
        case [*items]:
            return f"{len(items)} items"
        case _:
            return "other"

if __name__ == "__main__":
    inbox, outbox = multiprocessing.Queue(), multiprocessing.Queue()
    p = multiprocessing.Process(target=worker, args=(inbox, outbox))
    p.start()
    for m in [("add", 2, 3), {"cmd": "echo", "text": "hi"}, Job("a", 50), Job("b", 1), 3.5, None]:
        inbox.put(m)
    while (answer := outbox.get()) != "worker: stop":
        print(answer)
    p.join()
    with multiprocessing.Pool(2) as pool:
        print(pool.map(classify, [1, 2, [1, 2], "s", (3,)]))
