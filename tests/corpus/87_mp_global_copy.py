# A child works on a copy of the parent's memory: its changes never reach the parent.
from multiprocessing import Process

counter = 0
items = ["a"]
settings = {"mode": "fast"}


def mutate():
    global counter
    counter += 100
    items.append("child")
    settings["mode"] = "changed by child"
    print("child sees", counter, items, settings)


if __name__ == "__main__":
    counter = 1
    p = Process(target=mutate)
    p.start()
    p.join()
    print("parent sees", counter, items, settings)
    items.append("parent")
    counter = 2
    q = Process(target=mutate)
    q.start()
    q.join()
    print("parent sees", counter, items, settings)
