# Pools made one after another in the forkserver context: the server forks the workers of each
# (the later pools are made after the server started).
import multiprocessing as mp


def triple(x):
    return (x * 3, mp.current_process().name.rsplit('-', 1)[0])


if __name__ == '__main__':
    ctx = mp.get_context('forkserver')
    for i in range(3):
        with ctx.Pool(2, maxtasksperchild=1 if i == 2 else None) as p:
            print(i, p.map(triple, range(4)))
            if i < 2:
                print(sorted(w.name for w in p._pool))
