# A Barrier made after the fork server started, passed to a forkserver child: handed over as the
# other late primitives are, its action pickled by reference and found again in the child, which
# runs it when it is the last to arrive; parties, n_waiting and a second round shared both ways.
import multiprocessing as mp
import time


def announce():
    print('action in', mp.current_process().name, __name__, flush=True)


def child(b):
    # Arrive last, so the action runs here: wait until the main is waiting.
    while b.n_waiting != 1:
        time.sleep(0.01)
    print('child arrives', b.parties, b.n_waiting, flush=True)
    print('child index', b.wait(), flush=True)
    b.wait()


if __name__ == '__main__':
    ctx = mp.get_context('forkserver')
    warm = ctx.Process(target=print, args=('server warm',))
    warm.start()
    warm.join()
    b = ctx.Barrier(2, action=announce)
    p = ctx.Process(target=child, args=(b,))
    p.start()
    i = b.wait()
    # The child arrives first in the second round (it printed its index before): the action
    # runs here.
    while b.n_waiting != 1:
        time.sleep(0.01)
    print('main index', i, b.broken, flush=True)
    b.wait()
    p.join()
    print('exit', p.exitcode, b.n_waiting)
