import multiprocessing
import os

print(f"the file's top level runs, as {__name__}, in pid {os.getpid()}")
ctx = multiprocessing.get_context("fork")
greeting = "set by the top level"


def worker():
    me = multiprocessing.current_process().name
    print(f"{me} runs worker() with greeting = {greeting!r}")


# ctx.Process(target=worker).start()

if __name__ == "__main__":
    greeting = "changed by main under the guard"
    for i in range(2):
        p = ctx.Process(target=worker)
        p.start()
        p.join()
        print(p.name, "exitcode", p.exitcode)
    print("done")
