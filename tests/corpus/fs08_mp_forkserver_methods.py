# The start methods as a program asks for them: get_all_start_methods(), the forkserver context
# and its Process class, set_start_method('forkserver') and what it changes,
# set_forkserver_preload's check.
import multiprocessing as mp


def hello(tag):
    print("hello", tag, mp.current_process().name, mp.get_start_method())


if __name__ == "__main__":
    print(mp.get_all_start_methods())
    print(mp.get_start_method(allow_none=True))
    ctx = mp.get_context("forkserver")
    print(type(ctx).__name__, ctx.get_start_method(), ctx.Process.__name__)
    print(mp.get_start_method(allow_none=True))
    p = ctx.Process(target=hello, args=("ctx",))
    p.start()
    p.join()
    print("default now", mp.get_start_method())
    mp.set_start_method("forkserver", force=True)
    print(mp.get_start_method(), type(mp.get_context()).__name__, mp.get_context() is ctx)
    p = mp.Process(target=hello, args=("default",))
    print(type(p).__name__, p.name)
    p.start()
    p.join()
    for names in (["os", "time"], "abc", [1]):
        try:
            print("preload", names, mp.set_forkserver_preload(names))
        except TypeError as e:
            print("TypeError:", e)
    print(ctx.set_forkserver_preload(["time"]))
