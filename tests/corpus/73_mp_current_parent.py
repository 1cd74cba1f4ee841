# current_process() and parent_process() in the main process and in a child.
import os
import multiprocessing as mp


def show():
    me = mp.current_process()
    parent = mp.parent_process()
    print("child name:", me.name, "daemon:", me.daemon)
    print("parent name:", parent.name)
    print("parent pid is getppid():", parent.pid == os.getppid())
    print("my pid is getpid():", me.pid == os.getpid())


if __name__ == "__main__":
    main = mp.current_process()
    print(main.name, mp.parent_process(), main.pid == os.getpid(), main.daemon)
    p = mp.Process(target=show)
    p.start()
    p.join()
    print("ident is pid:", p.ident == p.pid)
    print("cpu_count at least 1:", mp.cpu_count() >= 1)
