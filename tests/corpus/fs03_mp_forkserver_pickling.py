# The target and arguments of a forkserver child are pickled in the parent, as under spawn: a
# lambda fails there; a function defined only under the guard is not found when the child imports
# the program; a subclass of Process travels with its attributes.
import multiprocessing as mp


class Greeter(mp.Process):
    def __init__(self, greeting):
        super().__init__()
        self.greeting = greeting

    def run(self):
        print(self.greeting, "from", self.name)


def show(*args, **kwargs):
    print("args", args, "kwargs", sorted(kwargs.items()))


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    p = ctx.Process(target=lambda: None)
    try:
        p.start()
    except Exception as e:
        # The message names the lambda's address, which differs between runs.
        print(type(e).__name__, str(e).split(" at ")[0], "...", str(e).split(">: ")[1])

    def local_target():
        print("not reached")

    p = ctx.Process(target=local_target)
    p.start()
    p.join()
    print("guard-only function: exitcode", p.exitcode)

    p = ctx.Process(target=show, args=(1, "two", [3.0], {"four": (4,)}), kwargs={"b": 2, "a": None})
    p.start()
    p.join()
    mp.set_start_method("forkserver", force=True)
    g = Greeter("hello")
    g.start()
    g.join()
    print(type(g).__name__, g.name, g.exitcode)
