from enum import Enum, IntEnum, Flag, auto
from dataclasses import dataclass
from multiprocessing import Process, Queue, Pipe, Pool


class State(Enum):
    IDLE = "idle"
    BUSY = "busy"
    DONE = "done"


class Level(IntEnum):
    LOW = 1
    HIGH = 2


class Perm(Flag):
    R = auto()
    W = auto()


@dataclass
class Task:
    name: str
    level: Level
    state: State = State.IDLE


def worker(q, task):
    task.state = State.DONE
    q.put(task)
    q.put(State.BUSY)


def classify(n):
    return Level.HIGH if n > 2 else Level.LOW


if __name__ == "__main__":
    q = Queue()
    p = Process(target=worker, args=(q, Task("wash", Level.HIGH)))
    p.start()
    t = q.get()
    s = q.get()
    p.join()
    print(t)
    print(t.state is State.DONE, s is State.BUSY, t.level == 2)
    a, b = Pipe()
    a.send([State.IDLE, Perm.R | Perm.W, Level.LOW])
    got = b.recv()
    print(got, got[0] is State.IDLE, got[1] == Perm.R | Perm.W)
    with Pool(2) as pool:
        levels = pool.map(classify, [1, 2, 3, 4])
    print(levels, [lv is Level.HIGH for lv in levels])
