# Under spawn the initializer is pickled (a lambda fails in the parent, as CPython's), and imap,
# imap_unordered, apply and starmap with builtins work as under fork.
import multiprocessing as mp

def sq(x):
    return x * x

if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    try:
        ctx.Pool(1, initializer=lambda: None)
    except Exception as e:
        print(type(e).__name__, str(e).split(': ', 1)[1])
    with ctx.Pool(2) as p:
        print(list(p.imap(sq, range(5))))
        print(sorted(p.imap_unordered(sq, range(5), chunksize=2)))
        print(p.apply(divmod, (7, 2)), p.starmap(pow, [(2, 3), (3, 2)]))
