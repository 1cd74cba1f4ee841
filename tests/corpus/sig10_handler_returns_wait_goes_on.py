# A handler that returns lets an interrupted Lock.acquire, Condition.wait and a full Queue's put
# go on waiting (PEP 475): each gets what it waited for once the main gives it.
import multiprocessing, os, signal, sys, time

def waits(how, ready, handled, lock, cond, full):
    def on_usr1(signum, frame):
        print(how, "child: SIGUSR1 handled while waiting")
        handled.set()
    signal.signal(signal.SIGUSR1, on_usr1)
    ready.set()
    if how == "Lock.acquire":
        print(how, "child: got it:", lock.acquire(timeout=30))
    elif how == "Condition.wait":
        with cond:
            print(how, "child: notified:", cond.wait(30))
    else:
        full.put("second", timeout=30)
        print(how, "child: put done")

if __name__ == "__main__":
    lock = multiprocessing.Lock()
    cond = multiprocessing.Condition()
    full = multiprocessing.Queue(1)
    full.put("first")
    lock.acquire()
    for how in ("Lock.acquire", "Condition.wait", "Queue.put"):
        ready, handled = multiprocessing.Event(), multiprocessing.Event()
        p = multiprocessing.Process(target=waits, args=(how, ready, handled, lock, cond, full))
        p.start()
        ready.wait()
        time.sleep(0.2)
        os.kill(p.pid, signal.SIGUSR1)
        handled.wait()
        if how == "Lock.acquire":
            lock.release()
        elif how == "Condition.wait":
            with cond:
                cond.notify()
        else:
            got = full.get()
        p.join()
        print(how, "exitcode", p.exitcode)
    print("main got:", got)
    print("queue holds:", full.get())
