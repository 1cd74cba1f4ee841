# The forkserver start method: the first start() starts one server process, which forks every
# child. A child's os.getppid() is the server, its parent_process() the main; the server is not a
# Process (not in active_children()). In CPython 3.11 each child imports the program again as
# __mp_main__ (the server preloads __main__ in name only), so the top level prints once per child.
import multiprocessing as mp
import os

print("top level as", __name__)


def report(q, main_pid, done):
    parent = mp.parent_process()
    q.put(
        (
            mp.current_process().name,
            __name__,
            os.getppid(),
            os.getppid() == main_pid,
            parent.name,
            parent.pid == main_pid,
        )
    )
    done.wait()


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    q = ctx.Queue()
    dones = [ctx.Event(), ctx.Event()]
    servers = []
    for done in dones:
        p = ctx.Process(target=report, args=(q, os.getpid(), done))
        p.start()
        name, mod, ppid, ppid_is_main, parent, parent_is_main = q.get()
        print("started", p.name, isinstance(p.pid, int), p.pid != os.getpid())
        print("active", [c.name for c in mp.active_children()])
        servers.append(ppid)
        print(name, mod, ppid_is_main, parent, parent_is_main)
        done.set()
        p.join()
        print("joined", p.exitcode, p.is_alive(), mp.active_children())
    print("one server for both", servers[0] == servers[1], servers[0] != os.getpid())
    print(type(p).__name__, mp.current_process().name)
