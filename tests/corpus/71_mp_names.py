# Default names count every Process object made, started or not; subclasses use their class name.
import multiprocessing as mp


def noop():
    pass


class MyProc(mp.Process):
    def run(self):
        print("running", self.name)


if __name__ == "__main__":
    a = mp.Process(target=noop)
    b = mp.Process(target=noop)
    unused = mp.Process(target=noop)
    c = MyProc()
    d = mp.Process(target=noop, name="custom")
    e = mp.Process(target=noop)
    print(a.name, b.name, unused.name, c.name, d.name, e.name)
    b.name = "renamed"
    print(b.name)
    for p in [a, b, c, d, e]:
        p.start()
        p.join()
    print([p.exitcode for p in [a, b, c, d, e]])
    print(mp.Process(target=noop).name, MyProc().name)
