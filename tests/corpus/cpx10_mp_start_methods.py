# Complex numbers through spawn and forkserver children: a Pool's arguments and results, a Queue.
import multiprocessing as mp

def work(z):
    return z * 1j, type(z).__name__

if __name__ == "__main__":
    for method in ["spawn", "forkserver"]:
        ctx = mp.get_context(method)
        with ctx.Pool(1) as pool:
            print(method, pool.map(work, [1 + 2j, 3, complex("nan+1j")]))
        q = ctx.Queue()
        p = ctx.Process(target=q.put, args=(2.5j,))
        p.start()
        print(method, q.get())
        p.join()
