"""The server of a manager (`multiprocessing.managers`): the loop of the server process and the
objects it keeps for the proxies (CPython keeps threading's and queue's own classes).

CPython's server runs a thread per connection, so a request that waits (`acquire` on a held Lock,
`get` on an empty Queue) waits in its own thread. A forkyard process runs one thread, so the server
here is one loop over its connections: a request that cannot finish now is parked, with its
deadline, and tried again when a request changes the object it waits on; a parked request whose
deadline passes gets the answer a timeout gives (False, queue.Empty...). The client sees the same
thing as in CPython: its call returns when the server answers.
"""

import os
import sys
import time
import _connection
import _manager
import queue as _queue_module
from collections import deque
from queue import Empty, Full

class _Blocked(object):
    """What a server-side method returns when it cannot finish now.

    `retry()` is tried again after each request the server serves on one of the objects in `on`
    (the objects whose change may let it finish; None: any request): it returns the answer, or
    _BLOCKED. After `timeout` seconds (None: never), `expire()` gives the answer instead (it may
    itself return a _Blocked, to wait on without a deadline, as a Condition's wait that timed out
    still waits for its lock)."""

    def __init__(self, timeout, retry, expire=None, on=None):
        self.timeout = timeout
        self.retry = retry
        self.expire = expire
        self.on = on


# What a parked request waiting on a Pool's work names as its object: no request changes it (the
# workers do), so the server looks again every _POOL_POLL lesson seconds while one waits.
_POOL = object()
_POOL_POLL = 0.01


_BLOCKED = object()

# The connection whose request the server is serving: who owns an RLock, who waits on a Condition.
_client = None

# In a server process: its Server.
_serving = None


def _key_of(address):
    """The run's name of a manager's address (a path, or a port whatever host spells it: a
    client's ('localhost', 50000) reaches the server at ('0.0.0.0', 50000))."""
    from multiprocessing.connection import _key, address_type
    return _key(address_type(address), address)


def _serving_here(address):
    """Whether this process is the server at `address` (not a Pool worker it forked, which
    inherits `_serving` but is a client like any other)."""
    return (_serving is not None and _serving.pid == os.getpid()
            and _serving.key == _key_of(address))


def _referent(obj):
    """In the server, the object a proxy of this server refers to (else `obj` itself)."""
    token = getattr(obj, '_token', None)
    if token is not None and _serving_here(token.address):
        return _serving.id_to_obj[token.id][0]
    return obj


def _timeout_of(timeout):
    if timeout is None:
        return None
    return max(timeout, 0)


def _changed_by(obj):
    """The objects a request on `obj` may change: the object, and a Condition's lock too."""
    if isinstance(obj, _Condition):
        return (obj, obj._lock)
    if isinstance(obj, _StdQueue):
        return (obj._q,)
    return (obj,)


def _acquire_lock(lock, try_, blocking, timeout):
    """Lock.acquire and RLock.acquire as threading's: CPython's checks of the arguments (the same
    for both), then take it now with try_, or say no, or wait for it (a _Blocked request)."""
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be positive")
    got = try_()
    if got is not _BLOCKED:
        return got
    if not blocking:
        return False
    return _Blocked(None if timeout == -1 else timeout, try_, lambda: False, (lock,))


class _Lock(object):
    """threading.Lock, as the server keeps it."""

    def __init__(self):
        self._locked = False

    def _try(self):
        if self._locked:
            return _BLOCKED
        self._locked = True
        return True

    def acquire(self, blocking=True, timeout=-1):
        return _acquire_lock(self, self._try, blocking, timeout)

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    def locked(self):
        return self._locked

    def __repr__(self):
        return '<%s _thread.lock object at %#x>' % (
            'locked' if self._locked else 'unlocked', id(self))


class _RLock(object):
    """threading.RLock: owned by the connection (the process) that acquired it."""

    def __init__(self):
        self._owner = None
        self._count = 0

    def _try(self):
        if self._owner is None or self._owner == _client:
            self._owner = _client
            self._count += 1
            return True
        return _BLOCKED

    def acquire(self, blocking=True, timeout=-1):
        return _acquire_lock(self, self._try, blocking, timeout)

    def release(self):
        if self._owner != _client or self._count == 0:
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1
        if self._count == 0:
            self._owner = None

    def _is_owned(self):
        return self._owner == _client and self._count > 0

    def _release_save(self):
        saved = (self._owner, self._count)
        self._owner = None
        self._count = 0
        return saved

    def _acquire_restore(self, saved):
        if self._owner is not None and self._owner != saved[0]:
            return False
        self._owner, self._count = saved
        return True

    def __repr__(self):
        return '<%s _thread.RLock object owner=%d count=%d at %#x>' % (
            'locked' if self._count else 'unlocked', self._owner or 0, self._count, id(self))


class _Semaphore(object):
    """threading.Semaphore."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._value = value

    def _try(self):
        if self._value == 0:
            return _BLOCKED
        self._value -= 1
        return True

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        got = self._try()
        if got is not _BLOCKED:
            return got
        if not blocking:
            return False
        return _Blocked(_timeout_of(timeout), self._try, lambda: False, (self,))

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        self._value += n

    def __repr__(self):
        return '<threading.Semaphore at %#x: value=%d>' % (id(self), self._value)


class _BoundedSemaphore(_Semaphore):
    """threading.BoundedSemaphore."""

    def __init__(self, value=1):
        _Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        if self._value + n > self._initial_value:
            raise ValueError('Semaphore released too many times')
        self._value += n

    def __repr__(self):
        return '<threading.BoundedSemaphore at %#x: value=%d/%d>' % (
            id(self), self._value, self._initial_value)


class _Event(object):
    """threading.Event."""

    def __init__(self):
        self._flag = False

    def is_set(self):
        return self._flag

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def _try(self):
        return True if self._flag else _BLOCKED

    def wait(self, timeout=None):
        if self._flag:
            return True
        return _Blocked(_timeout_of(timeout), self._try, lambda: self._flag, (self,))

    def __repr__(self):
        return '<threading.Event at %#x: %s>' % (id(self), 'set' if self._flag else 'unset')


class _Waiter(object):
    """One wait() on a Condition: notified or not yet."""

    def __init__(self):
        self.notified = False


class _Condition(object):
    """threading.Condition over a server-side lock (an RLock unless one is given)."""

    def __init__(self, lock=None):
        self._lock = _RLock() if lock is None else _referent(lock)
        if not isinstance(self._lock, (_Lock, _RLock)):
            raise TypeError('Condition() takes a Lock or an RLock of the same manager')
        self._waiters = []

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        return self._lock.release()

    def _owned(self):
        if isinstance(self._lock, _RLock):
            return self._lock._is_owned()
        return self._lock._locked

    def _take_lock(self, saved):
        if isinstance(self._lock, _RLock):
            return True if self._lock._acquire_restore(saved) else _BLOCKED
        return self._lock._try()

    def wait(self, timeout=None):
        if not self._owned():
            raise RuntimeError('cannot wait on un-acquired lock')
        if isinstance(self._lock, _RLock):
            owner, count = self._lock._release_save()
            saved = (_client, count)
        else:
            self._lock.release()
            saved = None
        waiter = _Waiter()
        self._waiters.append(waiter)

        def retry():
            if not waiter.notified:
                return _BLOCKED
            return self._take_lock(saved)

        def expire():
            # Timed out: no longer a waiter, but the lock must be taken back before returning.
            # By identity: two waiters are never the same one, whatever they hold.
            self._waiters = [w for w in self._waiters if w is not waiter]
            got = self._take_lock(saved)
            if got is not _BLOCKED:
                return waiter.notified
            return _Blocked(
                None, lambda: waiter.notified if self._take_lock(saved) is True else _BLOCKED,
                on=(self._lock,))

        return _Blocked(_timeout_of(timeout), retry, expire, (self, self._lock))

    def notify(self, n=1):
        if not self._owned():
            raise RuntimeError('cannot notify on un-acquired lock')
        for waiter in self._waiters[:n]:
            waiter.notified = True
        del self._waiters[:n]

    def notify_all(self):
        self.notify(len(self._waiters))

    def __repr__(self):
        return '<Condition(%r, %d)>' % (self._lock, len(self._waiters))


class _Barrier(object):
    """threading.Barrier: `parties` callers of wait() meet; the last one runs `action` and lets all
    of them go, each with its own index (0 for the first to arrive)."""

    def __init__(self, parties, action=None, timeout=None):
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._count = 0
        self._generation = 0
        # Generations whose waiters were let down by abort() or reset().
        self._failed = set()
        self._broken = False

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count

    @property
    def broken(self):
        return self._broken

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        if self._broken:
            raise _manager.BrokenBarrierError
        index = self._count
        generation = self._generation
        self._count += 1
        if self._count == self._parties:
            try:
                if self._action is not None:
                    self._action()
            except BaseException:
                self.abort()
                raise
            self._count = 0
            self._generation += 1
            return index

        def retry():
            if generation in self._failed:
                raise _manager.BrokenBarrierError
            if self._generation != generation:
                return index
            return _BLOCKED

        def expire():
            self.abort()
            raise _manager.BrokenBarrierError
        return _Blocked(_timeout_of(timeout), retry, expire, (self,))

    def abort(self):
        self._broken = True
        self._fail_waiters()

    def reset(self):
        self._fail_waiters()
        self._broken = False

    def _fail_waiters(self):
        if self._count:
            self._failed.add(self._generation)
            self._generation += 1
        self._count = 0

    def __repr__(self):
        if self._broken:
            return '<threading.Barrier at %#x: broken>' % id(self)
        return '<threading.Barrier at %#x: waiters=%d/%d>' % (id(self), self._count, self._parties)


class _Queue(object):
    """queue.Queue, as the server keeps it (also what JoinableQueue makes, as in CPython)."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._items = deque()
        self._unfinished = 0

    def qsize(self):
        return len(self._items)

    def empty(self):
        return not self._items

    def full(self):
        return 0 < self.maxsize <= len(self._items)

    def _try_put(self, item):
        if self.full():
            return _BLOCKED
        self._items.append(item)
        self._unfinished += 1
        return None

    def _try_get(self):
        if not self._items:
            return _BLOCKED
        return self._items.popleft()

    def put(self, item, block=True, timeout=None):
        if block and timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        got = self._try_put(item)
        if got is not _BLOCKED:
            return got
        if not block:
            raise Full

        def expire():
            raise Full
        return _Blocked(timeout, lambda: self._try_put(item), expire, (self,))

    def get(self, block=True, timeout=None):
        if block and timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        got = self._try_get()
        if got is not _BLOCKED:
            return got
        if not block:
            raise Empty

        def expire():
            raise Empty
        return _Blocked(timeout, self._try_get, expire, (self,))

    def __repr__(self):
        return '<queue.Queue object at %#x>' % id(self)

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def task_done(self):
        if self._unfinished <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished -= 1

    def join(self):
        if self._unfinished == 0:
            return None
        return _Blocked(None, lambda: None if self._unfinished == 0 else _BLOCKED, on=(self,))



class _StdQueue(object):
    """A `queue.Queue` the program's own callable hands to the server (the docs' remote manager
    serves one): its waits parked as _Queue's are, on the queue itself, so every proxy of it
    (each `get_queue()` call makes one) sees the same items."""

    def __init__(self, q):
        self._q = q

    def _try(self, method, *args):
        try:
            return method(*args)
        except (Empty, Full):
            return _BLOCKED

    def get(self, block=True, timeout=None):
        if block and timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        got = self._try(self._q.get_nowait)
        if got is not _BLOCKED or not block:
            return self._q.get_nowait() if got is _BLOCKED else got

        def expire():
            raise Empty
        return _Blocked(timeout, lambda: self._try(self._q.get_nowait), expire, (self._q,))

    def put(self, item, block=True, timeout=None):
        if block and timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        got = self._try(self._q.put_nowait, item)
        if got is not _BLOCKED or not block:
            return self._q.put_nowait(item) if got is _BLOCKED else got

        def expire():
            raise Full
        return _Blocked(timeout, lambda: self._try(self._q.put_nowait, item), expire,
                        (self._q,))

    def get_nowait(self):
        return self._q.get_nowait()

    def put_nowait(self, item):
        return self._q.put_nowait(item)

    def qsize(self):
        return self._q.qsize()

    def empty(self):
        return self._q.empty()

    def full(self):
        return self._q.full()

    def task_done(self):
        return self._q.task_done()

    def join(self):
        if self._q.unfinished_tasks == 0:
            return None
        return _Blocked(None, lambda: None if self._q.unfinished_tasks == 0 else _BLOCKED,
                        on=(self._q,))

    def __repr__(self):
        return repr(self._q)


class _Pool(object):
    """multiprocessing.Pool, as a manager's server keeps it (`m.Pool()`): its workers are the
    server's children (`ForkPoolWorker-1:1`...). CPython's server waits for a pool's results in
    the requesting client's own thread; this one loop must keep serving the others meanwhile (a
    task may itself call the manager), so every call that waits is made asynchronously and parked
    until its result is ready."""

    def __init__(self, *args, **kwds):
        import multiprocessing
        self._pool = multiprocessing.Pool(*args, **kwds)
        self._results = []

    def _async(self, result):
        self._results.append(result)
        return result

    def apply(self, func, args=(), kwds={}):
        return _wait_for(self._async(self._pool.apply_async(func, args, kwds)), None)

    def map(self, func, iterable, chunksize=None):
        return _wait_for(self._async(self._pool.map_async(func, iterable, chunksize)), None)

    def starmap(self, func, iterable, chunksize=None):
        return _wait_for(self._async(self._pool.starmap_async(func, iterable, chunksize)), None)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        return _AsyncResult(self._async(self._pool.apply_async(
            func, args, kwds, callback, error_callback)))

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return _AsyncResult(self._async(self._pool.map_async(
            func, iterable, chunksize, callback, error_callback)))

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return _AsyncResult(self._async(self._pool.starmap_async(
            func, iterable, chunksize, callback, error_callback)))

    def imap(self, func, iterable, chunksize=1):
        return _PoolIterator(self._pool.imap(func, iterable, chunksize))

    def imap_unordered(self, func, iterable, chunksize=1):
        return _PoolIterator(self._pool.imap_unordered(func, iterable, chunksize))

    def close(self):
        self._pool.close()

    def terminate(self):
        self._pool.terminate()

    def join(self):
        # The workers end once the tasks given to them are done: joined when every result is in.
        def retry():
            if not all(r.ready() for r in self._results):
                return _BLOCKED
            self._pool.join()
            return None
        got = retry()
        if got is not _BLOCKED:
            return got
        return _Blocked(None, retry, on=(_POOL,))

    def __repr__(self):
        return repr(self._pool)


def _wait_for(result, timeout):
    """The value of a Pool's AsyncResult now, or a parked wait for it."""
    def retry():
        return result.get() if result.ready() else _BLOCKED
    got = retry()
    if got is not _BLOCKED:
        return got

    def expire():
        import multiprocessing
        raise multiprocessing.TimeoutError
    return _Blocked(_timeout_of(timeout), retry, expire, (_POOL,))


class _AsyncResult(object):
    """A Pool's AsyncResult in the server; `get` and `wait` park instead of blocking the loop."""

    def __init__(self, result):
        self._result = result

    def get(self, timeout=None):
        return _wait_for(self._result, timeout)

    def wait(self, timeout=None):
        def retry():
            return None if self._result.ready() else _BLOCKED
        if retry() is not _BLOCKED:
            return None
        return _Blocked(_timeout_of(timeout), retry, lambda: None, (_POOL,))

    def ready(self):
        return self._result.ready()

    def successful(self):
        return self._result.successful()


class _PoolIterator(object):
    """The iterator of imap/imap_unordered in the server: `__next__` parks until the next result."""

    def __init__(self, it):
        self._it = it

    def __next__(self):
        import multiprocessing

        def retry():
            try:
                # A moment, not 0: forkyard's pool takes in arrived results only while it waits.
                return self._it.next(timeout=0.001)
            except multiprocessing.TimeoutError:
                return _BLOCKED
        got = retry()
        if got is not _BLOCKED:
            return got
        return _Blocked(None, retry, on=(_POOL,))


_TYPECODES = 'bBuhHiIlLqQfd'


class _Array(object):
    """array.array of the manager's Array: a typed sequence that prints as array('i', [...])."""

    def __init__(self, typecode, sequence):
        if not isinstance(typecode, str) or len(typecode) != 1 or typecode not in _TYPECODES:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self._typecode = typecode
        self._items = [self._check(x) for x in sequence]

    def _check(self, x):
        if self._typecode in 'fd':
            if not isinstance(x, (int, float)):
                raise TypeError('must be real number, not %s' % type(x).__name__)
            return float(x)
        if self._typecode == 'u':
            return x
        if not isinstance(x, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)
        return x

    def __len__(self):
        return len(self._items)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return _Array(self._typecode, self._items[i])
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('array index out of range')

    def __setitem__(self, i, v):
        try:
            self._items[i] = self._check(v)
        except IndexError:
            raise IndexError('array assignment index out of range')

    def __repr__(self):
        if not self._items:
            return 'array(%r)' % self._typecode
        return 'array(%r, %r)' % (self._typecode, self._items)


def _public_methods(obj):
    """CPython's `public_methods(obj)`: the names an AutoProxy of `obj` exposes."""
    return [name for name in _all_methods(obj) if name[0] != '_']


def _all_methods(obj):
    """CPython's `all_methods(obj)`: the names of `obj`'s callable attributes."""
    temp = []
    for name in dir(obj):
        func = getattr(obj, name)
        if callable(func):
            temp.append(name)
    return temp


# ---- the loop ----------------------------------------------------------------------------------

class Server(object):
    """The loop of a manager's server process: connections, objects, parked requests."""

    def __init__(self, registry, registrar, address, authkey=None):
        self.registry = registry
        self.registrar = registrar
        self.address = address
        self.key = _key_of(address)
        self.authkey = authkey
        # Per connection: the challenge it was sent, until it answers it.
        self.challenges = {}
        self.id_to_obj = {}
        self.clients = {}
        self.parked = []
        self.stopping = False
        self.pid = os.getpid()

    def serve_forever(self):
        global _serving
        _serving = self
        try:
            self._loop()
        except KeyboardInterrupt:
            pass
        finally:
            # The address is free again once this server is gone (CPython's listener closes).
            _connection.unlisten(self.key, self.registrar)
        # CPython's serve_forever ends the process, whichever process called it.
        sys.exit(0)

    def _loop(self):
        while not self.stopping:
            # A connection with a parked request is not read until that request is answered:
            # CPython's thread for it is busy waiting, so its requests are served one at a time.
            busy = [p[0] for p in self.parked]
            fds = [fd for fd in self.clients if fd not in busy]
            ready = _manager.wait([self.registrar] + fds, self._next_timeout())
            for fd in ready:
                if fd == self.registrar:
                    self._accept()
                elif fd in self.clients:
                    changed = self._serve(fd)
                    # Only the requests waiting on what this one changed can finish now.
                    if self.parked and changed != ():
                        self._retry_parked(changed)
            if self.parked:
                self._retry_parked((_POOL,))
                self._expire_parked()

    def _accept(self):
        while True:
            fd = _manager.accept(self.registrar)
            if fd is None:
                return
            self.clients[fd] = '?'
            if self.authkey is not None:
                # CPython's deliver_challenge: the client proves it holds the authkey before its
                # first request is served.
                challenge = _connection.urandom(20)
                self.challenges[fd] = challenge
                try:
                    _manager.send(fd, ('#CHALLENGE', challenge))
                except OSError:
                    pass

    def _next_timeout(self):
        deadlines = [p[5] for p in self.parked if p[5] is not None]
        for p in self.parked:
            if p[6] is not None and _waits_on(p[6], (_POOL,)):
                deadlines.append(_now() + _POOL_POLL)
                break
        if not deadlines:
            return None
        return max(min(deadlines) - _now(), 0)

    def _serve(self, fd):
        """Serves one request of `fd`; returns the objects it may have changed (None: maybe
        any, () none), for the parked requests that wait on them."""
        global _client
        try:
            request = _manager.recv(fd)
        except (EOFError, OSError):
            # The client process ended (or closed): forget it and what it waited for.
            _manager.close(fd)
            del self.clients[fd]
            self.parked = [p for p in self.parked if p[0] != fd]
            return None
        if request[0] == '#HELLO':
            self.clients[fd] = request[1]
            challenge = self.challenges.pop(fd, None)
            if challenge is not None:
                if request[2] != _connection.hmac_md5(self.authkey, challenge):
                    # CPython's server thread fails in deliver_challenge ('digest received was
                    # wrong') and drops the connection; the client's answer_challenge raises.
                    self._reply(fd, '#FAILURE')
                    _manager.close(fd)
                    del self.clients[fd]
                    return ()
                self._reply(fd, '#WELCOME')
            return ()
        if fd in self.challenges:
            # A request before the handshake: not served, as CPython's would not be.
            _manager.close(fd)
            del self.clients[fd]
            del self.challenges[fd]
            return None
        ident, methodname, args, kwds = request
        _client = fd
        if ident is None:
            self._reply(fd, self._public(fd, methodname, args, kwds))
            return ()
        msg = self._call(fd, ident, methodname, args, kwds)
        entry = self.id_to_obj.get(ident)
        changed = None if entry is None else _changed_by(entry[0])
        if isinstance(msg, _Blocked):
            deadline = None if msg.timeout is None else _now() + msg.timeout
            self.parked.append([fd, ident, methodname, msg.retry, msg.expire, deadline, msg.on])
            return changed
        self._reply(fd, msg)
        return changed

    # The requests made of the server itself (CPython's `Server.public`, less those whose work
    # forkyard's connections do otherwise); a subclass adds its own, as SharedMemoryServer does.
    public = ['shutdown', 'create', 'dummy', 'number_of_objects']

    def _public(self, fd, methodname, args, kwds):
        try:
            if methodname == 'create':
                return ('#RETURN', self.create(*args, **kwds))
            if methodname not in self.public:
                raise ValueError('%r unrecognized' % methodname)
            return ('#RETURN', getattr(self, methodname)(fd, *args, **kwds))
        except Exception as e:
            return ('#ERROR', e)

    def shutdown(self, c):
        self.stopping = True

    def dummy(self, c):
        pass

    def number_of_objects(self, c):
        return len(self.id_to_obj)

    def create(self, typeid, ident, /, *args, **kwds):
        """A new object for the client that asked, kept under the id the client chose (and
        reports: the object appears where the program's line made it)."""
        callable, exposed, method_to_typeid, proxytype = self.registry[typeid]
        obj = callable(*args, **kwds)
        return self._keep(typeid, obj, exposed, method_to_typeid, ident)

    def _keep(self, typeid, obj, exposed, method_to_typeid, ident=None):
        if isinstance(obj, _queue_module.Queue) and not isinstance(obj, _StdQueue):
            obj = _StdQueue(obj)
        if exposed is None:
            exposed = _public_methods(obj)
        if ident is None:
            # An object the server made itself (the iterator of a dict): its own id and report.
            ident = _manager.created(typeid)
        self.id_to_obj[ident] = (obj, tuple(exposed), method_to_typeid)
        return ident, tuple(exposed)

    def _call(self, fd, ident, methodname, args, kwds):
        try:
            obj, exposed, gettypeid = self.id_to_obj[ident]
            _manager.op(ident, 'served', '%s for %s' % (methodname, self.clients.get(fd, '?')))
            if methodname == '#GETVALUE':
                return ('#RETURN', obj)
            if methodname in ('__str__', '__repr__') and methodname not in exposed:
                return ('#RETURN', str(obj) if methodname == '__str__' else repr(obj))
            if methodname not in exposed:
                raise AttributeError('method %r of %r object is not in exposed=%r' %
                                     (methodname, type(obj), exposed))
            if methodname == '__getattribute__':
                res = getattr(obj, *args)
            elif methodname == '__setattr__':
                res = setattr(obj, *args)
            elif methodname == '__delattr__':
                res = delattr(obj, *args)
            else:
                res = getattr(obj, methodname)(*args, **kwds)
        except Exception as e:
            return ('#ERROR', e)
        if isinstance(res, _Blocked):
            return res
        if type(res).__name__ in ('dict_keys', 'dict_values', 'dict_items'):
            # CPython's client gets these views as lists.
            res = list(res)
        typeid = gettypeid and gettypeid.get(methodname, None)
        if typeid:
            rident, rexposed = self._keep(typeid, res, self.registry[typeid][1], None)
            return ('#PROXY', (rexposed, typeid, rident))
        return ('#RETURN', res)

    def _reply(self, fd, msg):
        try:
            _manager.send(fd, msg)
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as e:
            try:
                _manager.send(fd, ('#UNSERIALIZABLE', '%s: %s\n' % (type(e).__name__, e)))
            except OSError:
                pass

    def _answer(self, parked, attempt):
        global _client
        _client = parked[0]
        try:
            res = attempt()
        except Exception as e:
            return ('#ERROR', e)
        if res is _BLOCKED or isinstance(res, _Blocked):
            return res
        return ('#RETURN', res)

    def _retry_parked(self, changed=None):
        """Answers the parked requests that can finish now, of those waiting on an object in
        `changed` (None: all). One that finishes changes its own objects in turn (a get frees a
        place for a put), so the round repeats with them until nothing moves."""
        progress = True
        while progress:
            progress = False
            for p in list(self.parked):
                on = p[6]
                if changed is not None and on is not None and not _waits_on(on, changed):
                    continue
                msg = self._answer(p, p[3])
                if msg is _BLOCKED:
                    continue
                self.parked.remove(p)
                progress = True
                if changed is not None:
                    changed = None if on is None else changed + tuple(on)
                if isinstance(msg, _Blocked):
                    self.parked.append([p[0], p[1], p[2], msg.retry, msg.expire, None, msg.on])
                    continue
                _manager.op(p[1], 'served', '%s for %s' % (p[2], self.clients.get(p[0], '?')))
                self._reply(p[0], msg)

    def _expire_parked(self):
        now = _now()
        expired = False
        for p in list(self.parked):
            if p[5] is None or p[5] > now:
                continue
            self.parked.remove(p)
            expired = True
            msg = self._answer(p, p[4])
            if isinstance(msg, _Blocked):
                self.parked.append([p[0], p[1], p[2], msg.retry, msg.expire, None, msg.on])
                continue
            _manager.op(p[1], 'served', '%s for %s' % (p[2], self.clients.get(p[0], '?')))
            self._reply(p[0], msg)
        if expired:
            # What a timeout gives back (a Barrier broken, a Condition's waiter gone) may let
            # others finish: all of them are tried.
            self._retry_parked()


def _waits_on(on, changed):
    """Whether one of the objects a parked request waits `on` is among those `changed`. Plain
    loops: this runs for every parked request after every request served, and a generator
    expression costs a coroutine of its own in forkyard."""
    for o in on:
        for c in changed:
            if o is c:
                return True
    return False


def _now():
    return time.monotonic()
