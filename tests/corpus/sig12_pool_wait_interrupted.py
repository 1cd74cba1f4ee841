# Ctrl-C while the main waits on a Pool: a child sends the main SIGINT while it is (most likely)
# inside AsyncResult.get, Pool.apply, Pool.map, imap and starmap; each wait ends with
# KeyboardInterrupt, the pool is still usable afterwards, and `with` terminates it at the end.
import multiprocessing, os, signal, time

def poke(ppid):
    time.sleep(0.3)
    os.kill(ppid, signal.SIGINT)

def slow(x):
    time.sleep(2)
    return x

def square(x):
    return x * x

if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        waits = [
            ("AsyncResult.get", lambda: pool.apply_async(slow, (1,)).get()),
            ("Pool.apply", lambda: pool.apply(slow, (1,))),
            ("Pool.map", lambda: pool.map(slow, [1, 2])),
            ("Pool.imap", lambda: list(pool.imap(slow, [1, 2]))),
            ("Pool.starmap", lambda: pool.starmap(slow, [(1,)])),
        ]
        for name, wait in waits:
            p = multiprocessing.Process(target=poke, args=(os.getpid(),))
            p.start()
            try:
                print(name, "returned", wait())
            except KeyboardInterrupt:
                print(name, "-> KeyboardInterrupt")
            p.join()
        print("the pool still works:", pool.map(square, range(5)))
    print("done")
