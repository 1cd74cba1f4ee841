# Arguments given to methods that take none: the errors CPython 3.11 gives (Python methods by qualified name,
# SemLock.release as a C method).
import multiprocessing as mp
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
if __name__ == "__main__":
    e = mp.Event(); q = mp.JoinableQueue(); l = mp.Lock(); s = mp.Semaphore(); r, w = mp.Pipe(); c = mp.Condition(); b = mp.Barrier(2); sq = mp.SimpleQueue(); v = mp.Value("i")
    show(lambda: e.set(1)); show(lambda: e.clear(1)); show(lambda: e.is_set(1)); show(lambda: e.set(x=1))
    show(lambda: q.qsize(1)); show(lambda: q.empty(1)); show(lambda: q.full(1)); show(lambda: q.get_nowait(1)); show(lambda: q.task_done(1)); show(lambda: q.join(1)); show(lambda: q.join_thread(1)); show(lambda: q.cancel_join_thread(1))
    show(lambda: sq.empty(1)); show(lambda: sq.get(1)); show(lambda: sq.close(1))
    show(lambda: l.release(1)); show(lambda: s.get_value(1)); show(lambda: l.__enter__(1))
    show(lambda: r.recv(1)); show(lambda: r.fileno(1)); show(lambda: c.notify_all(1)); show(lambda: b.reset(1)); show(lambda: b.abort(1))
    show(lambda: v.get_lock(1)); show(lambda: v.get_obj(1))
    show(lambda: q.close(1)); show(lambda: r.close(1))
