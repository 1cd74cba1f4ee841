# A UnicodeDecodeError raised in a child and sent through a Queue arrives with its attributes
# (rebuilt from its five args, as CPython unpickles it); one raised uncaught in a child is
# printed under the Process header.
import multiprocessing as mp


def work(q):
    try:
        b'ab\xffcd'.decode('ascii')
    except UnicodeDecodeError as e:
        q.put(e)
    'snowman \u2603'.encode('latin-1')


if __name__ == '__main__':
    q = mp.Queue()
    p = mp.Process(target=work, args=(q,))
    p.start()
    e = q.get()
    p.join()
    print(type(e).__name__, e.encoding, e.object, e.start, e.end, e.reason)
    print(e)
    print('exit', p.exitcode)
