# Under spawn a Barrier is pickled with its action, as under forkserver: a module-level function
# is found again in the spawned child (which imports the program as __mp_main__) and runs there
# when the child arrives last; a lambda action fails in start().
import multiprocessing as mp
import time


def announce():
    print('action in', mp.current_process().name, __name__, flush=True)


def child(b):
    while b.n_waiting != 1:
        time.sleep(0.01)
    print('child index', b.wait(), flush=True)


def without_address(msg):
    # The function's address differs between runs: keep the words around it.
    if ' at 0x' not in msg:
        return msg
    return msg[:msg.index(' at 0x')] + msg[msg.index('>', msg.index(' at 0x')):]


if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    b = ctx.Barrier(2, action=announce)
    p = ctx.Process(target=child, args=(b,))
    p.start()
    i = b.wait()
    p.join()
    print('main index', i, 'exit', p.exitcode)
    q = ctx.Process(target=child, args=(ctx.Barrier(2, action=lambda: 0),))
    try:
        q.start()
    except Exception as e:
        print(type(e).__name__, without_address(str(e)))
