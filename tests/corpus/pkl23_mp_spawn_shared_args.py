# Under spawn, the Process object (target and args) is pickled as one message: arguments that
# share an object still share it in the child, a cycle arrives whole, and a lambda target fails
# in the parent at start().
import multiprocessing as mp


class Box:
    def __init__(self, label):
        self.label = label
        self.me = self


def child(a, b, box, cyc):
    print("child: a is b:", a is b, "box.me is box:", box.me is box, "cycle:", cyc[0] is cyc)


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    shared = [1, 2, 3]
    cyc = []
    cyc.append(cyc)
    p = ctx.Process(target=child, args=(shared, shared, Box("b"), cyc))
    p.start()
    p.join()
    print("exitcode", p.exitcode)
    q = ctx.Process(target=lambda: None)
    try:
        q.start()
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
