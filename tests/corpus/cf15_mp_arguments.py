# The executor's arguments and their errors, as CPython 3.11 checks them.
import concurrent.futures
import multiprocessing


def ident(x):
    return x


if __name__ == "__main__":
    for bad in (0, -2):
        try:
            concurrent.futures.ProcessPoolExecutor(max_workers=bad)
        except ValueError as e:
            print("ValueError:", e)
    fork = multiprocessing.get_context("fork")
    try:
        concurrent.futures.ProcessPoolExecutor(1, mp_context=fork, max_tasks_per_child=2)
    except ValueError as e:
        print("ValueError:", e)
    for bad in ("2", 0):
        try:
            concurrent.futures.ProcessPoolExecutor(1, max_tasks_per_child=bad)
        except (TypeError, ValueError) as e:
            print(type(e).__name__ + ":", e)
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=fork) as ex:
        print(ex.submit(ident, {"a": (1, 2.5, None)}).result())
        print(ex.submit(ident, x=[b"bytes", {3}]).result())
        print(ex.submit(len, "four").result(), ex.submit(sorted, "cab").result())
