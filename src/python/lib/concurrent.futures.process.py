"""ProcessPoolExecutor: calls run in real worker processes (CPython's concurrent.futures.process).

As in CPython, the workers are `multiprocessing` processes (ForkProcess-N with the fork start
method), all started at the first submit() (on demand, one per submit, with spawn), each running a
loop that takes call items from a call queue and puts result items on a result queue. Both pickle
as they are put, as CPython's SimpleQueue does, so a call or a result that cannot travel fails its
own future; the result queue is a pipe with a write lock, since the parent waits on it with a
timeout (a SimpleQueue's get() has none).

CPython's parent runs an "executor manager thread" that moves submitted calls into the call queue,
collects results and notices a worker that died. A forkyard process runs one thread, so the parent
does that work itself whenever it calls into the executor or waits on one of its futures (submit,
result, exception, wait, as_completed, map's iterator, shutdown), and at the program's end. A done
callback therefore runs at the parent's next such call rather than the instant its result arrives.
"""

import os
import time
import multiprocessing
import _futures
from queue import Empty
from concurrent.futures import _base

# Calls handed to the call queue beyond one per worker, so a worker finds its next call at once.
EXTRA_QUEUED_CALLS = 1

_BROKEN = ('A child process terminated abruptly, the process pool is not usable anymore')


class _RemoteTraceback(Exception):
    """The worker's traceback, as the cause of the exception result() re-raises."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class BrokenProcessPool(_base.BrokenExecutor):
    """A worker process ended abruptly while the executor still needed it."""


def _process_chunk(fn, chunk):
    """A map() chunk, run in a worker: the results of fn on each tuple of arguments."""
    return [fn(*args) for args in chunk]


class _ResultQueue(object):
    """Workers put result items, the parent gets them, waiting with a timeout if it likes."""

    def __init__(self, ctx):
        self._reader, self._writer = ctx.Pipe(duplex=False)
        self._wlock = ctx.Lock()

    def put(self, obj):
        with self._wlock:
            self._writer.send(obj)

    def get(self, timeout=None):
        """The next item; raises Empty after timeout seconds without one."""
        if timeout is not None and not self._reader.poll(timeout):
            raise Empty
        return self._reader.recv()

    def get_nowait(self):
        return self.get(0)


def _send(result_queue, work_id, ok, value, exit_pid):
    if ok:
        message = (work_id, True, value, None, exit_pid)
    else:
        message = (work_id, False, value, _futures.format_exception(value), exit_pid)
    try:
        result_queue.put(message)
    except BaseException as e:
        # The result could not travel (not picklable): its pickling error does instead.
        result_queue.put((work_id, False, e, _futures.format_exception(e), exit_pid))


def _process_worker(call_queue, taken, result_queue, initializer, initargs, max_tasks):
    """A worker's loop: run call items until the sentinel None (or max_tasks calls)."""
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as e:
            _base._write_error('Exception in initializer:', e)
            # The parent sees this worker end and breaks the pool, as CPython's does.
            return
    num_tasks = 0
    exit_pid = None
    while True:
        call_item = call_queue.get()
        with taken.get_lock():
            taken.value += 1
        if call_item is None:
            # Tell the parent this worker is leaving.
            result_queue.put(os.getpid())
            return
        if max_tasks is not None:
            num_tasks += 1
            if num_tasks >= max_tasks:
                exit_pid = os.getpid()
        work_id, fn, args, kwargs = call_item
        try:
            r = fn(*args, **kwargs)
        except BaseException as e:
            _send(result_queue, work_id, False, e, exit_pid)
        else:
            _send(result_queue, work_id, True, r, exit_pid)
        if exit_pid is not None:
            return


class ProcessPoolExecutor(_base.Executor):
    """An executor whose calls run in a pool of at most max_workers processes."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
        if mp_context is None:
            if max_tasks_per_child is not None:
                mp_context = multiprocessing.get_context("spawn")
            else:
                mp_context = multiprocessing.get_context()
        self._mp_context = mp_context
        self._safe_to_dynamically_spawn_children = (
            self._mp_context.get_start_method(allow_none=False) != "fork")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            elif self._mp_context.get_start_method(allow_none=False) == "fork":
                raise ValueError("max_tasks_per_child is incompatible with"
                                 " the 'fork' multiprocessing start method;"
                                 " supply a different mp_context.")
        self._max_tasks_per_child = max_tasks_per_child
        self._processes = {}
        self._shutdown_thread = False
        self._broken = False
        self._started = False
        self._owner = os.getpid()
        self._queue_count = 0
        # Submitted calls by work id, and the ids not yet handed to the call queue, in order.
        self._pending_work_items = {}
        self._work_ids = []
        # Call items put in the call queue and not yet answered.
        self._in_flight = 0
        # At most max_workers + EXTRA_QUEUED_CALLS items wait in it, not yet taken by a worker
        # (see _feed): CPython's call queue has that maxsize. The workers count what they take.
        self._call_queue = mp_context.SimpleQueue()
        self._queued = 0
        self._taken = mp_context.Value('q', 0)
        self._result_queue = _ResultQueue(mp_context)

    # ---- the manager's work, done by the parent itself ----------------------------------------

    def _start(self):
        if self._started:
            return
        self._started = True
        _futures.at_exit(self._at_exit)
        if not self._safe_to_dynamically_spawn_children:
            while len(self._processes) < self._max_workers:
                self._spawn_process()

    def _spawn_process(self):
        p = self._mp_context.Process(
            target=_process_worker,
            args=(self._call_queue, self._taken, self._result_queue, self._initializer,
                  self._initargs, self._max_tasks_per_child))
        p.start()
        self._processes[p.pid] = p

    def _adjust_process_count(self):
        # With spawn, one more worker per call waiting, up to max_workers.
        busy = self._in_flight + len(self._work_ids)
        while len(self._processes) < min(self._max_workers, busy):
            self._spawn_process()

    def _feed(self):
        """Hand waiting calls to the call queue while it has room; return whether any changed."""
        changed = False
        limit = self._max_workers + EXTRA_QUEUED_CALLS
        while self._work_ids and self._queued - self._taken.value < limit:
            work_id = self._work_ids.pop(0)
            future, fn, args, kwargs = self._pending_work_items[work_id]
            changed = True
            if not future.set_running_or_notify_cancel():
                del self._pending_work_items[work_id]
                continue
            try:
                self._call_queue.put((work_id, fn, args, kwargs))
            except BaseException as e:
                # The call cannot travel to a worker: its future gets the pickling error.
                del self._pending_work_items[work_id]
                e.__cause__ = _RemoteTraceback(
                    '\n"""\n{}"""'.format(_futures.format_exception(e)))
                future.set_exception(e)
                continue
            self._in_flight += 1
            self._queued += 1
        return changed

    def _take(self, item):
        """One result item from a worker."""
        if isinstance(item, int):
            # A worker acknowledged the sentinel and is ending.
            p = self._processes.pop(item, None)
            if p is not None:
                p.join()
            return
        work_id, ok, value, tb, exit_pid = item
        self._in_flight -= 1
        if exit_pid is not None:
            p = self._processes.pop(exit_pid, None)
            if p is not None:
                p.join()
        entry = self._pending_work_items.pop(work_id, None)
        if entry is not None:
            future = entry[0]
            if ok:
                future.set_result(value)
            else:
                value.__cause__ = _RemoteTraceback('\n"""\n{}"""'.format(tb))
                future.set_exception(value)
        if exit_pid is not None and not self._shutdown_thread:
            self._spawn_process()

    def _dead_worker(self):
        for p in self._processes.values():
            if p.exitcode is not None:
                return True
        return False

    def _terminate_broken(self):
        self._broken = _BROKEN
        bpe = BrokenProcessPool("A process in the process pool was terminated abruptly while "
                                "the future was running or pending.")
        for future, fn, args, kwargs in self._pending_work_items.values():
            try:
                future.set_exception(bpe)
            except _base.InvalidStateError:
                pass
        self._pending_work_items.clear()
        self._work_ids.clear()
        self._in_flight = 0
        for p in self._processes.values():
            p.terminate()
        for p in self._processes.values():
            p.join()
        self._processes.clear()

    def _poll(self):
        """The manager's work that needs no waiting: take what has arrived, feed the queue."""
        if self._broken or not self._started:
            return
        while True:
            try:
                item = self._result_queue.get_nowait()
            except Empty:
                break
            self._take(item)
        if self._dead_worker():
            self._terminate_broken()
            return
        self._feed()

    def _wait(self, deadline):
        """Wait for a result or a worker's end until deadline: 'result', 'ended' or None."""
        timeout = None
        if deadline is not None:
            timeout = deadline - time.monotonic()
            if timeout <= 0:
                return None
        return _futures.wait(self._result_queue._reader.fileno(), list(self._processes),
                             timeout)

    def _work(self, deadline):
        """Wait for one result (or a dead worker) until deadline; False when the time is up."""
        if self._broken:
            return False
        if self._feed():
            return True
        if not self._processes:
            if not self._pending_work_items:
                return False
            self._adjust_process_count()
        # A worker already reaped (active_children() reaps) has no pid left to wait on.
        why = 'ended' if self._dead_worker() else self._wait(deadline)
        if why is None:
            return False
        if why == 'ended':
            # A worker may put its last result just before it ends: take that first.
            try:
                item = self._result_queue.get_nowait()
            except Empty:
                self._terminate_broken()
                return True
        else:
            item = self._result_queue.get()
        self._take(item)
        self._feed()
        return True

    def _finish(self):
        """Run every pending call to its end, then let the workers go and join them."""
        if self._broken or not self._started:
            return
        while self._pending_work_items and not self._broken:
            self._work(None)
        if self._broken:
            return
        for _ in range(len(self._processes)):
            self._call_queue.put(None)
        while self._processes:
            for pid, p in list(self._processes.items()):
                if p.exitcode is not None:
                    del self._processes[pid]
            if self._processes and self._wait(None) == 'result':
                self._take(self._result_queue.get())

    def _at_exit(self):
        # A forked worker inherits this hook; only the executor's own process finishes it.
        if os.getpid() == self._owner:
            self._shutdown_thread = True
            self._finish()

    # ---- the executor's API --------------------------------------------------------------------

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs) in a worker; return its Future."""
        self._poll()
        if self._broken:
            raise BrokenProcessPool(self._broken)
        if self._shutdown_thread:
            raise RuntimeError('cannot schedule new futures after shutdown')
        f = _base.Future()
        f._driver = self
        work_id = self._queue_count
        self._queue_count += 1
        self._pending_work_items[work_id] = (f, fn, args, kwargs)
        self._work_ids.append(work_id)
        self._start()
        if self._safe_to_dynamically_spawn_children:
            self._adjust_process_count()
        self._feed()
        return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), in chunks of chunksize calls per worker task; in order."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        chunks = []
        chunk = []
        for args in zip(*iterables):
            chunk.append(args)
            if len(chunk) == chunksize:
                chunks.append(tuple(chunk))
                chunk = []
        if chunk:
            chunks.append(tuple(chunk))
        results = super().map(_process_chunk, [fn] * len(chunks), chunks, timeout=timeout)
        return _chain(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Stop taking calls; with wait, finish the pending ones and join the workers.

        cancel_futures cancels the calls no worker has been handed yet.
        """
        self._shutdown_thread = True
        if cancel_futures:
            # As CPython's manager: the calls no worker was handed are cancelled and forgotten.
            for work_id in self._work_ids:
                self._pending_work_items.pop(work_id)[0].cancel()
            self._work_ids.clear()
        if wait:
            self._finish()
        else:
            self._poll()


def _chain(results):
    for chunk in results:
        chunk.reverse()
        while chunk:
            yield chunk.pop()
