# The spawn start method: each child is a fresh interpreter that runs the program's top level
# again as __mp_main__, then calls its target with arguments that were pickled.
import multiprocessing as mp

print("top level runs in", __name__)
setting = "as imported"


def work(n, q):
    print(f"child {n}: __name__={__name__} setting={setting!r}")
    print("child name:", mp.current_process().name, "parent:", mp.parent_process().name)
    q.put(n * n)


if __name__ == "__main__":
    print(mp.get_start_method(allow_none=True))
    mp.set_start_method("spawn")
    print(mp.get_start_method(), mp.get_all_start_methods())
    setting = "changed by the parent after import"
    q = mp.Queue()
    for n in (2, 3):
        p = mp.Process(target=work, args=(n, q))
        p.start()
        print("got", q.get())
        p.join()
        print(p.name, "exitcode", p.exitcode)
    try:
        mp.set_start_method("fork")
    except RuntimeError as e:
        print("RuntimeError:", e)
    mp.set_start_method("fork", force=True)
    print(mp.get_start_method())
