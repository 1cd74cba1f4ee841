# A Condition made after the fork server started (after the first start()) passed to a later
# forkserver child: the child waits on it, the parent notifies under the same lock.
import multiprocessing as mp


def first():
    pass


def waiter(cond, state):
    with cond:
        state.value = 1
        cond.notify()
        print("child waiting")
        ok = cond.wait_for(lambda: state.value == 2, timeout=5)
        print("child woke:", ok, state.value)
        state.value = 3
        cond.notify()


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    p = ctx.Process(target=first)
    p.start()
    p.join()
    cond = ctx.Condition()
    state = ctx.Value("i", 0, lock=False)
    c = ctx.Process(target=waiter, args=(cond, state))
    with cond:
        c.start()
        print("parent sees child ready:", cond.wait_for(lambda: state.value == 1, timeout=5))
        state.value = 2
        cond.notify_all()
        print("parent sees child done:", cond.wait_for(lambda: state.value == 3, timeout=5))
    c.join()
    print("exitcode", c.exitcode)
