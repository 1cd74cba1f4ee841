# Sizes measured in a forked child and in Pool workers are the parent's figures: a list grown in
# the parent keeps its allocation in the child, and lists built in workers come back measured.
import multiprocessing
import sys

def measure(n):
    a = []
    for i in range(n):
        a.append(i)
    return n, sys.getsizeof(a), sys.getsizeof(list(range(n))), sys.getsizeof({i: i for i in range(n)})

grown = []
for i in range(17):
    grown.append(i)

def child(q):
    q.put((sys.getsizeof(grown), sys.getsizeof("child"), sys.getsizeof(set(grown))))

if __name__ == "__main__":
    print("parent", sys.getsizeof(grown))
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    print("child", q.get())
    p.join()
    with multiprocessing.Pool(2) as pool:
        for row in pool.map(measure, [0, 1, 5, 9, 17, 33]):
            print(row)
