# Subclassing Process: override run(), pass a name to super().__init__(), or keep target.
from multiprocessing import Process, current_process


class Worker(Process):
    def __init__(self, jobs):
        super().__init__()
        self.jobs = jobs

    def run(self):
        total = 0
        for j in self.jobs:
            total += j
        print(f"{self.name} summed {self.jobs} to {total}")


class Named(Process):
    def __init__(self, label):
        super().__init__(name=f"named-{label}")

    def run(self):
        print("I am", self.name, "and current_process says", current_process().name)


class Plain(Process):
    pass


if __name__ == "__main__":
    w = Worker([1, 2, 3])
    n = Named("x")
    pl = Plain(target=print, args=("plain subclass", "with a target"))
    print(w.name, n.name, pl.name, isinstance(w, Process))
    for p in [w, n, pl]:
        p.start()
        p.join()
    print([p.exitcode for p in [w, n, pl]], w.jobs)
