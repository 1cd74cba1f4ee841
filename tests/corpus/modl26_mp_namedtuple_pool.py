from typing import NamedTuple, List
from multiprocessing import Pool, Queue, Process


class Reading(NamedTuple):
    sensor: str
    value: float


class Summary(NamedTuple):
    sensor: str
    total: float
    count: int


def summarize(readings: List[Reading]) -> Summary:
    return Summary(readings[0].sensor, sum(r.value for r in readings), len(readings))


def producer(q):
    q.put(Reading("t1", 20.5))
    q.put(None)


if __name__ == "__main__":
    groups = [[Reading("a", 1.0), Reading("a", 2.5)], [Reading("b", 4.0)]]
    with Pool(2) as pool:
        results = pool.map(summarize, groups)
    print(results)
    print([r.total / r.count for r in results], results[0] == ("a", 3.5, 2))
    q = Queue()
    p = Process(target=producer, args=(q,))
    p.start()
    for item in iter(q.get, None):
        print(item, item.sensor, item._asdict())
    p.join()
