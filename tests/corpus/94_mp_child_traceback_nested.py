# Tracebacks of children list their own frames; a Process subclass's run() frame shows too.
from multiprocessing import Process


def lookup(table, key):
    return table[key]


def fetch(keys):
    table = {"a": 1}
    for k in keys:
        print("fetched", k, lookup(table, k))


class Checker(Process):
    def run(self):
        self.check(-1)

    def check(self, value):
        if value < 0:
            raise ValueError(f"negative value {value}")


if __name__ == "__main__":
    p = Process(target=fetch, args=(["a", "b"],), name="fetcher")
    p.start()
    p.join()
    c = Checker()
    c.start()
    c.join()
    print(p.name, p.exitcode, c.name, c.exitcode)
