# A function defined only under the guard: the spawned worker cannot unpickle the task and dies;
# CPython's pool waits for that task forever, so the program asks with a timeout.
import multiprocessing as mp

if __name__ == '__main__':
    def hidden(x):
        return x + 1

    with mp.get_context('spawn').Pool(1) as p:
        r = p.apply_async(hidden, (1,))
        try:
            r.get(timeout=1)
        except mp.TimeoutError:
            print("no result: the worker could not find hidden")
