# A task runs in a daemonic worker: it may not start processes of its own.
import multiprocessing


def spawn(x):
    p = multiprocessing.Process(target=print, args=(x,))
    p.start()
    p.join()
    return x


def info(x):
    me = multiprocessing.current_process()
    return me.daemon, me.name.startswith("ForkPoolWorker-"), multiprocessing.active_children()


if __name__ == "__main__":
    with multiprocessing.Pool(1) as pool:
        print(pool.apply(info, (0,)))
        try:
            pool.apply(spawn, (1,))
        except AssertionError as e:
            print("AssertionError:", e)
    print("done")
