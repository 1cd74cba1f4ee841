# A late Barrier's action is pickled when a forkserver child's start() pickles the Barrier: a lambda
# and a nested function fail there with pickle's errors, as CPython's; a functools.partial of a
# module-level function and a builtin cross; a Barrier without an action crosses too, and one
# broken by abort() is broken in the child.
import functools
import multiprocessing as mp
import time


def say(word):
    print('action says', word, flush=True)


def child(b):
    try:
        print('child index', b.wait(timeout=5), flush=True)
    except Exception as e:
        print('child', type(e).__name__, b.broken, flush=True)


def make_local():
    def local():
        pass
    return local


def run(ctx, b, label):
    p = ctx.Process(target=child, args=(b,))
    try:
        p.start()
    except Exception as e:
        print(label, type(e).__name__, without_address(str(e)))
        return
    i = None
    if b.parties == 2:
        # Arrive last, once the child waits: the action runs here.
        while b.n_waiting != 1:
            time.sleep(0.01)
        i = b.wait()
    p.join()
    print(label, 'main index', i, 'exit', p.exitcode)


def without_address(msg):
    # The function's address differs between runs: keep the words around it.
    if ' at 0x' not in msg:
        return msg
    return msg[:msg.index(' at 0x')] + msg[msg.index('>', msg.index(' at 0x')):]


if __name__ == '__main__':
    ctx = mp.get_context('forkserver')
    warm = ctx.Process(target=print, args=('server warm',))
    warm.start()
    warm.join()
    run(ctx, ctx.Barrier(2, action=lambda: None), 'lambda')
    run(ctx, ctx.Barrier(2, action=make_local()), 'local')
    run(ctx, ctx.Barrier(2, action=functools.partial(say, 'hi')), 'partial')
    run(ctx, ctx.Barrier(2, action=print), 'builtin')
    run(ctx, ctx.Barrier(2), 'none')
    broken = ctx.Barrier(3)
    broken.abort()
    run(ctx, broken, 'aborted')
