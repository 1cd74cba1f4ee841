# The primitives' argument errors beyond unknown keywords (s44): too many positionals, missing and
# repeated arguments, a method without parameters given one, in CPython 3.11's words.
import multiprocessing as mp


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


if __name__ == "__main__":
    q = mp.Queue()
    e = mp.Event()
    c = mp.Condition()
    b = mp.Barrier(1)
    r, w = mp.Pipe()
    show(lambda: mp.Lock(1))
    show(lambda: mp.Semaphore(1, 2))
    show(lambda: mp.Event(1))
    show(lambda: mp.Lock().acquire(1, 2, 3))
    show(lambda: mp.Lock().release(1))
    show(lambda: e.wait(1, 2))
    show(lambda: e.is_set(1))
    show(lambda: c.wait_for())
    show(lambda: mp.Barrier())
    show(lambda: b.reset(1))
    show(lambda: q.put())
    show(lambda: q.put(1, obj=2))
    show(lambda: q.get(True, 1, 2))
    show(lambda: q.get_nowait(1))
    show(lambda: q.put_nowait(1, 2))
    show(lambda: mp.SimpleQueue(1))
    show(lambda: mp.Queue(1, 2))
    show(lambda: mp.Pipe(1, 2))
    show(lambda: w.send())
    show(lambda: w.send_bytes())
    show(lambda: r.poll(1, 2))
    show(lambda: mp.Value())
    show(lambda: mp.Array("i"))
    show(lambda: mp.RawArray("i"))
    show(lambda: mp.get_context(1, 2))
    show(lambda: mp.get_all_start_methods(1))
    show(lambda: mp.Process(None, None, None, (), {}, 1, 2))
    with mp.Pool(1) as p:
        show(lambda: p.map(len))
        show(lambda: p.apply())
        show(lambda: p.imap(len, [], x=1))
        show(lambda: p.apply_async(len, (), {}, None, None, 1))
        show(lambda: p.map_async(len, []).get(1, 2))
    q.close()
    q.join_thread()
