# `multiprocessing.process` comes with `import multiprocessing` alone, as in CPython (the package
# imports its context, which imports process): BaseProcess and the functions about processes.
import multiprocessing as mp


def child():
    print("child:", type(mp.process.current_process()).__name__, mp.process.parent_process().name)
    print("child: a BaseProcess:", isinstance(mp.current_process(), mp.process.BaseProcess))


if __name__ == "__main__":
    mp.set_start_method("spawn")
    print(mp.process.BaseProcess, mp.process.BaseProcess.__module__)
    print("same current_process:", mp.process.current_process() is mp.current_process())
    print("parent_process:", mp.process.parent_process())
    print("active_children:", mp.process.active_children())
    p = mp.Process(target=child)
    p.start()
    p.join()
    print("exitcode", p.exitcode)
