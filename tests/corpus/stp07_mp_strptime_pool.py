# Parsing log lines with strptime in Pool workers (a forked child inherits the parent's regex
# cache, a worker builds its own): the parsed datetimes come back through the pool, and a line
# that does not parse comes back as the ValueError CPython raises.
import multiprocessing
from datetime import datetime

LINES = [
    "2024-05-06 07:08:09 start",
    "2024-05-06 07:09:10 load",
    "06/05/2024 07:10 bad",
    "2024-05-06 07:11:12 stop",
]

def parse(line):
    stamp = line.rsplit(" ", 1)[0]
    try:
        return datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S")
    except ValueError as e:
        return str(e)

if __name__ == "__main__":
    datetime.strptime("2024", "%Y")
    with multiprocessing.Pool(2) as pool:
        for r in pool.map(parse, LINES):
            print(repr(r))
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=lambda: q.put(datetime.strptime("1 Jan 2000", "%d %b %Y")))
    p.start()
    print(q.get())
    p.join()
    print(p.exitcode)
