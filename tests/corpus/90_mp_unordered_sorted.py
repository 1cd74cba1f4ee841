# forkyard-compare: sorted
# Children that print at the same moment: the order of their lines is not fixed,
# so the test compares the sorted lines. Each line is printed with one write (newline included):
# print("x") writes "x" and "\n" separately, and two children printing at the same moment
# under `python3 -u` could otherwise interleave as "x" "y" "\n" "\n". For the same reason main
# prints only before the children start and after they ended.
from multiprocessing import Process


def square(n):
    print(f"{n} squared is {n * n}\n", end="")


if __name__ == "__main__":
    ps = [Process(target=square, args=(n,)) for n in range(5)]
    print("main: starting", len(ps))
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("main: all done", [p.exitcode for p in ps])
