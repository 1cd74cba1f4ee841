# get_context gives a context whose Process starts children its own way; the default context's
# start method is fixed by the first use.
import multiprocessing as mp


def hello(tag):
    print("hello from", mp.current_process().name, tag, __name__)


if __name__ == "__main__":
    spawn = mp.get_context("spawn")
    fork = mp.get_context("fork")
    print(type(spawn).__name__, type(fork).__name__, mp.get_start_method(allow_none=True))
    print(spawn.get_start_method(), fork.get_start_method())
    print(spawn.Process.__name__, fork.Process.__name__)
    print(mp.get_context("spawn") is spawn)
    p = spawn.Process(target=hello, args=("spawned",))
    print(p.name)
    p.start()
    p.join()
    p = fork.Process(target=hello, args=("forked",))
    print(p.name)
    p.start()
    p.join()
    q = spawn.Queue()
    lock = spawn.Lock()
    print(type(q).__name__, type(lock).__name__)
    for bad in ("bogus", 3):
        try:
            mp.get_context(bad)
        except ValueError as e:
            print("ValueError:", e)
    print(mp.get_start_method(allow_none=True))
    p = mp.Process(target=hello, args=("default",))
    p.start()
    p.join()
    print(mp.get_start_method(allow_none=True))
    try:
        mp.set_start_method("spawn")
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        mp.set_start_method("threads", force=True)
    except ValueError as e:
        print("ValueError:", e)
    print(type(mp.get_context()).__name__, mp.get_context() is fork)
    mp.set_start_method(None, force=True)
    print(mp.get_start_method(allow_none=True))
    mp.set_start_method("spawn", force=True)
    print(type(mp.get_context()).__name__, mp.get_context() is spawn)
