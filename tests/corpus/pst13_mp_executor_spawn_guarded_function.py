# A spawned executor worker cannot find a function defined only under the guard: it dies in
# call_queue.get(), and the executor is broken.
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

if __name__ == '__main__':
    def hidden(x):
        return x

    with ProcessPoolExecutor(1, mp_context=mp.get_context('spawn')) as ex:
        f = ex.submit(hidden, 1)
        try:
            print(f.result(timeout=3))
        except Exception as e:
            print(type(e).__name__, e)
