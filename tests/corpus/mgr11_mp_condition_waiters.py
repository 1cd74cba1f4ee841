# Manager: a Condition held by the server. The child waits first, then the main waits with a timeout:
# the main's timed-out wait leaves the child's place among the waiters, so notify_all wakes the child.
import multiprocessing as mp
import time
def waiter(cond, box, woke):
    with cond:
        while not box.get("ready"):
            cond.wait()
        woke.set()
if __name__ == '__main__':
    with mp.Manager() as m:
        cond = m.Condition(); box = m.dict(); woke = m.Event()
        w = mp.Process(target=waiter, args=(cond, box, woke)); w.start()
        while '<Condition' in str(cond) and str(cond).endswith(' 0)>'):
            time.sleep(0.01)
        print(str(cond)[-4:])
        with cond:
            print("wait timeout", cond.wait(0.1))
        with cond:
            box["ready"] = True
            cond.notify_all()
        print("woke", woke.wait(10))
        w.join()
