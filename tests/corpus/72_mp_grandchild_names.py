# Each process numbers the children it creates: Process-2's children are Process-2:1, Process-2:2.
import time
from multiprocessing import Process, current_process, parent_process


def grandchild(tag):
    print(f"{tag}: I am {current_process().name}, my parent is {parent_process().name}")


def child(delay):
    time.sleep(delay)
    me = current_process().name
    print(f"{me}: my parent is {parent_process().name}")
    kids = [Process(target=grandchild, args=(f"{me} kid {i}",)) for i in range(2)]
    for k in kids:
        k.start()
        k.join()
    print(f"{me}: my kids were {[k.name for k in kids]}")


if __name__ == "__main__":
    print(current_process().name, parent_process())
    ps = [Process(target=child, args=(0.4 * i,)) for i in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("done", [p.name for p in ps], [p.exitcode for p in ps])
