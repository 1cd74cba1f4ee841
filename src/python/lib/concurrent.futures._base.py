"""The Future and the waiting functions shared by every executor (CPython's concurrent.futures._base).

CPython's futures are finished by the executor's manager thread while the program waits on a
condition variable. A forkyard process runs one thread, so a Future made by an executor keeps that
executor as its driver: whoever waits on the future (result, exception, wait, as_completed) asks
the driver to do the manager's work (hand calls to the workers, collect their results, notice a
dead worker) until the future is done or the time is up. A Future made by hand has no driver:
waiting on it can only let the time pass.
"""

import sys
import time
import _futures

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

# The states a waiter sees as done: a cancelled future counts once its executor has noticed.
_DONE_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)


class Error(Exception):
    """Base class for all future-related exceptions."""


class CancelledError(Error):
    """The Future was cancelled."""


# Since Python 3.11 this is the builtin TimeoutError.
TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""


class BrokenExecutor(RuntimeError):
    """An executor has become non-functional after a severe failure."""


# Each future gets a number when it becomes done, so as_completed yields in completion order.
_done_counter = [0]


def _write_error(message, exc):
    sys.stderr.write(message + '\n' + _futures.format_exception(exc))


class Future(object):
    """The result of a call that runs elsewhere, available later."""

    def __init__(self):
        self._state = PENDING
        self._result = None
        self._exception = None
        self._done_callbacks = []
        self._done_order = None
        self._driver = None

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as e:
                _write_error('exception calling callback for %r' % (self,), e)

    def __repr__(self):
        cls = self.__class__.__name__
        state = _STATE_TO_DESCRIPTION_MAP[self._state]
        if self._state == FINISHED:
            if self._exception:
                return '<%s at %s state=%s raised %s>' % (
                    cls, hex(id(self)), state, self._exception.__class__.__name__)
            return '<%s at %s state=%s returned %s>' % (
                cls, hex(id(self)), state, self._result.__class__.__name__)
        return '<%s at %s state=%s>' % (cls, hex(id(self)), state)

    def cancel(self):
        """Cancel the future if it has not started; return whether it is cancelled."""
        if self._state in [RUNNING, FINISHED]:
            return False
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
            return True
        self._state = CANCELLED
        self._invoke_callbacks()
        return True

    def cancelled(self):
        """Whether the future was cancelled."""
        return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]

    def running(self):
        """Whether the call is running (or handed to a worker) and cannot be cancelled."""
        return self._state == RUNNING

    def done(self):
        """Whether the future was cancelled or has finished."""
        return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

    def __get_result(self):
        if self._exception:
            raise self._exception
        return self._result

    def add_done_callback(self, fn):
        """Call fn(future) when the future is done (at once if it already is)."""
        if self._state not in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
            self._done_callbacks.append(fn)
            return
        try:
            fn(self)
        except Exception as e:
            _write_error('exception calling callback for %r' % (self,), e)

    def _wait_done(self, timeout):
        """Let the driver work until this future is done or the timeout passes."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._state not in _DONE_STATES:
            if not _step([self], deadline):
                return

    def result(self, timeout=None):
        """The call's return value, waiting up to timeout seconds; re-raises its exception."""
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
            raise CancelledError()
        if self._state == FINISHED:
            return self.__get_result()
        self._wait_done(timeout)
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
            raise CancelledError()
        if self._state == FINISHED:
            return self.__get_result()
        raise TimeoutError()

    def exception(self, timeout=None):
        """The exception the call raised (None if it returned), waiting up to timeout seconds."""
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
            raise CancelledError()
        if self._state == FINISHED:
            return self._exception
        self._wait_done(timeout)
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
            raise CancelledError()
        if self._state == FINISHED:
            return self._exception
        raise TimeoutError()

    def set_running_or_notify_cancel(self):
        """For executors: mark the future running, or return False if it was cancelled."""
        if self._state == CANCELLED:
            self._state = CANCELLED_AND_NOTIFIED
            self._mark_done()
            return False
        if self._state == PENDING:
            self._state = RUNNING
            return True
        sys.stderr.write('Future %s in unexpected state: %s\n' % (id(self), self._state))
        raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        """For executors: the call returned result."""
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
            raise InvalidStateError('{}: {!r}'.format(self._state, self))
        self._result = result
        self._state = FINISHED
        self._mark_done()
        self._invoke_callbacks()

    def set_exception(self, exception):
        """For executors: the call raised exception."""
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
            raise InvalidStateError('{}: {!r}'.format(self._state, self))
        self._exception = exception
        self._state = FINISHED
        self._mark_done()
        self._invoke_callbacks()

    def _mark_done(self):
        _done_counter[0] += 1
        self._done_order = _done_counter[0]


def _step(fs, deadline):
    """Do one round of the drivers' work for the futures fs, waiting at most until deadline.

    Returns False when the deadline has passed (or nothing can ever finish them), True when
    something may have changed.
    """
    drivers = []
    for f in fs:
        d = f._driver
        if d is not None and f._state not in _DONE_STATES and d not in drivers:
            drivers.append(d)
    if not drivers:
        # Only a future made by hand is waiting, and nothing else runs in this process.
        if deadline is None:
            while True:
                time.sleep(3600)
        left = deadline - time.monotonic()
        if left > 0:
            time.sleep(left)
        return False
    if len(drivers) == 1:
        return drivers[0]._work(deadline)
    # Futures of several executors: give each a short turn.
    for d in drivers:
        turn = time.monotonic() + 0.01
        if deadline is not None and deadline < turn:
            turn = deadline
        if d._work(turn):
            return True
    return deadline is None or time.monotonic() < deadline


class DoneAndNotDoneFutures(tuple):
    """wait()'s result: the named pair (done, not_done), a namedtuple in CPython."""

    _fields = ('done', 'not_done')

    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    def _asdict(self):
        return {'done': self[0], 'not_done': self[1]}

    def _replace(self, **changes):
        result = DoneAndNotDoneFutures(changes.pop('done', self[0]),
                                       changes.pop('not_done', self[1]))
        if changes:
            raise ValueError(f'Got unexpected field names: {list(changes)!r}')
        return result

    @property
    def done(self):
        return self[0]

    @property
    def not_done(self):
        return self[1]

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % (self[0], self[1])


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures fs; return DoneAndNotDoneFutures(done, not_done).

    return_when is FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED; after timeout seconds the
    futures not done yet are returned as not_done.
    """
    fs = set(fs)
    deadline = None if timeout is None else time.monotonic() + timeout
    first = True
    while True:
        done = set(f for f in fs if f._state in _DONE_STATES)
        not_done = fs - done
        if return_when == FIRST_COMPLETED and done:
            return DoneAndNotDoneFutures(done, not_done)
        if return_when == FIRST_EXCEPTION and done:
            if any(f._state == FINISHED and f._exception is not None for f in done):
                return DoneAndNotDoneFutures(done, not_done)
        if not not_done:
            return DoneAndNotDoneFutures(done, not_done)
        if first and return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
            raise ValueError("Invalid return condition: %r" % return_when)
        first = False
        if not _step(list(not_done), deadline):
            done = set(f for f in fs if f._state in _DONE_STATES)
            return DoneAndNotDoneFutures(done, fs - done)


def as_completed(fs, timeout=None):
    """Yield the futures fs as they complete (finished or cancelled).

    Raises TimeoutError if some are still unfinished timeout seconds after the call.
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    fs = set(fs)
    total = len(fs)
    pending = []
    for f in fs:
        if f._state in _DONE_STATES:
            yield f
        else:
            pending.append(f)
    while pending:
        if deadline is not None and time.monotonic() >= deadline:
            raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
        if not _step(pending, deadline):
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
        finished = [f for f in pending if f._state in _DONE_STATES]
        finished.sort(key=lambda f: f._done_order)
        for f in finished:
            pending.remove(f)
        for f in finished:
            yield f


class Executor(object):
    """The base of executors: submit() a call, map() a function, shutdown() when done."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); return a Future for its result."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), the calls running in the executor; results in order."""
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield fs.pop().result()
                    else:
                        yield fs.pop().result(end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Free the executor's resources once the pending futures are done."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
