# A forkserver Pool: ForkServerPoolWorkers forked by the server, each importing __mp_main__.
import multiprocessing as mp
import os

print("top level runs in", __name__)


def where(x):
    return (x, os.getppid() != mp.parent_process().pid, mp.parent_process().name,
            mp.current_process().name.rsplit('-', 1)[0])


if __name__ == '__main__':
    ctx = mp.get_context('forkserver')
    p = ctx.Pool(2)
    names = sorted(w.name for w in p._pool)
    rows = p.map(where, range(3))
    p.close()
    p.join()
    for row in rows:
        print(row)
    print(names)
    print([w.exitcode for w in p._pool])
