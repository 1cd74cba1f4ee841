"""Managers: shared objects that live in a server process (CPython's multiprocessing.managers).

As in CPython, `SyncManager().start()` (what `multiprocessing.Manager()` does) forks a server
process, named `SyncManager-N` from the same counter as `Process-N`, that owns every object the
manager makes: `m.dict()` creates a dict in the server and gives back a proxy, whose methods send
the call to the server and return a copy of the result. Proxies pickle (through a Queue, a Pipe, a
Pool task) as their token, and a proxy rebuilt in another process connects to the server itself.

CPython's server runs a thread per connection, so a request that waits (`acquire` on a held Lock,
`get` on an empty Queue) waits in its own thread. A forkyard process runs one thread, so the server
here is one loop over its connections: a request that cannot finish now is parked, with its
deadline, and tried again after each request that may have changed things; a parked request whose
deadline passes gets the answer a timeout gives (False, queue.Empty...). The client sees the same
thing as in CPython: its call returns when the server answers.

The connections: see the native `_manager` (src/python/modules/managers.rs) for why the server is
reached through a socket pair every process forked after the manager inherits.
"""

import os
import signal
import time
import _manager
import multiprocessing
from collections import deque
from queue import Empty, Full

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Token']


class Token(object):
    """Identifies a shared object: its type's name, its manager's address, its id."""

    def __init__(self, typeid, address, id):
        (self.typeid, self.address, self.id) = (typeid, address, id)

    def __getstate__(self):
        return (self.typeid, self.address, self.id)

    def __setstate__(self, state):
        (self.typeid, self.address, self.id) = state

    def __repr__(self):
        return '%s(typeid=%r, address=%r, id=%r)' % \
               (self.__class__.__name__, self.typeid, self.address, self.id)


class RemoteError(Exception):
    def __str__(self):
        return ('\n' + '-' * 75 + '\n' + str(self.args[0]) + '-' * 75)


def convert_to_error(kind, result):
    if kind == '#ERROR':
        return result
    elif kind in ('#TRACEBACK', '#UNSERIALIZABLE'):
        if kind == '#UNSERIALIZABLE':
            return RemoteError('Unserializable message: %s\n' % result)
        return RemoteError(result)
    return ValueError('Unrecognized message type {!r}'.format(kind))


# ---- connections -------------------------------------------------------------------------------

# Per process: manager address -> (pid, fd) of this process's connection to that server. A forked
# child finds its parent's entry and makes its own (its parent's replies are not its own).
_connections = {}


def _registrar(address):
    """The registrar fd of the manager at `address`, checked to be that very socket here."""
    server_pid, fd, inode = address
    if _manager.inode(fd) != inode:
        raise ConnectionRefusedError(
            111, 'Connection refused: this process cannot reach the manager\'s server (forkyard '
            'connects only processes started after the manager; start the Manager first)')
    return fd


def _connection(address):
    pid = os.getpid()
    known = _connections.get(address)
    if known is not None and known[0] == pid:
        return known[1]
    fd = _manager.connect(_registrar(address))
    _connections[address] = (pid, fd)
    _manager.send(fd, ('#HELLO', multiprocessing.current_process().name))
    return fd


def dispatch(address, id, methodname, args=(), kwds={}, server='manager'):
    """Sends one request to the server at `address` and returns its result (or raises its error);
    a wait for it shows as blocked on `server` (the server process's name)."""
    fd = _connection(address)
    kind, result = _manager.call(fd, (id, methodname, args, kwds), server, methodname)
    if kind == '#RETURN':
        return result
    raise convert_to_error(kind, result)


# ---- the objects the server keeps (CPython registers threading's and queue's classes) ----------

class _Blocked(object):
    """What a server-side method returns when it cannot finish now.

    `retry()` is tried again after each request the server serves: it returns the answer, or
    _BLOCKED. After `timeout` seconds (None: never), `expire()` gives the answer instead (it may
    itself return a _Blocked, to wait on without a deadline, as a Condition's wait that timed out
    still waits for its lock)."""

    def __init__(self, timeout, retry, expire=None):
        self.timeout = timeout
        self.retry = retry
        self.expire = expire


_BLOCKED = object()

# The connection whose request the server is serving: who owns an RLock, who waits on a Condition.
_client = None

# In a server process: its Server.
_serving = None


def _referent(obj):
    """In the server, the object a proxy of this server refers to (else `obj` itself)."""
    if isinstance(obj, BaseProxy) and _serving is not None and \
            _serving.address == obj._token.address:
        return _serving.id_to_obj[obj._id][0]
    return obj


def _timeout_of(timeout):
    if timeout is None:
        return None
    return max(timeout, 0)


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
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        got = self._try()
        if got is not _BLOCKED:
            return got
        if not blocking:
            return False
        return _Blocked(None if timeout == -1 else timeout, self._try, lambda: False)

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
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        got = self._try()
        if got is not _BLOCKED:
            return got
        if not blocking:
            return False
        return _Blocked(None if timeout == -1 else timeout, self._try, lambda: False)

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
        return _Blocked(_timeout_of(timeout), self._try, lambda: False)

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
        return _Blocked(_timeout_of(timeout), self._try, lambda: self._flag)

    def __repr__(self):
        return '<threading.Event at %#x: %s>' % (id(self), 'set' if self._flag else 'unset')


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
        waiter = [False]
        self._waiters.append(waiter)

        def retry():
            if not waiter[0]:
                return _BLOCKED
            return self._take_lock(saved)

        def expire():
            # Timed out: no longer a waiter, but the lock must be taken back before returning.
            if waiter in self._waiters:
                self._waiters.remove(waiter)
            got = self._take_lock(saved)
            if got is not _BLOCKED:
                return waiter[0]
            return _Blocked(None, lambda: waiter[0] if self._take_lock(saved) is True else _BLOCKED)

        return _Blocked(_timeout_of(timeout), retry, expire)

    def notify(self, n=1):
        if not self._owned():
            raise RuntimeError('cannot notify on un-acquired lock')
        for waiter in self._waiters[:n]:
            waiter[0] = True
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
        return _Blocked(_timeout_of(timeout), retry, expire)

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
        return _Blocked(timeout, lambda: self._try_put(item), expire)

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
        return _Blocked(timeout, self._try_get, expire)

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
        return _Blocked(None, lambda: None if self._unfinished == 0 else _BLOCKED)


class Namespace(object):
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        temp = []
        for name, value in list(self.__dict__.items()):
            if not name.startswith('_'):
                temp.append('%s=%r' % (name, value))
        temp.sort()
        return '%s(%s)' % (self.__class__.__name__, ', '.join(temp))


class Value(object):
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return '%s(%r, %r)' % (type(self).__name__, self._typecode, self._value)

    value = property(get, set)


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


def Array(typecode, sequence, lock=True):
    return _Array(typecode, sequence)


def _public_methods(obj):
    names = []
    for name in dir(obj):
        if name[0] != '_' and callable(getattr(obj, name)):
            names.append(name)
    return names


# ---- the server --------------------------------------------------------------------------------

class Server(object):
    """The loop of a manager's server process: connections, objects, parked requests."""

    def __init__(self, registry, registrar, address):
        self.registry = registry
        self.registrar = registrar
        self.address = address
        self.id_to_obj = {}
        self.clients = {}
        self.parked = []
        self.stopping = False

    def serve_forever(self):
        while not self.stopping:
            ready = _manager.wait([self.registrar] + list(self.clients), self._next_timeout())
            for fd in ready:
                if fd == self.registrar:
                    self._accept()
                elif fd in self.clients:
                    self._serve(fd)
            self._retry_parked()
            self._expire_parked()

    def _accept(self):
        while True:
            fd = _manager.accept(self.registrar)
            if fd is None:
                return
            self.clients[fd] = '?'

    def _next_timeout(self):
        deadlines = [p[5] for p in self.parked if p[5] is not None]
        if not deadlines:
            return None
        return max(min(deadlines) - _now(), 0)

    def _serve(self, fd):
        global _client
        try:
            request = _manager.recv(fd)
        except (EOFError, OSError):
            # The client process ended (or closed): forget it and what it waited for.
            _manager.close(fd)
            del self.clients[fd]
            self.parked = [p for p in self.parked if p[0] != fd]
            return
        if request[0] == '#HELLO':
            self.clients[fd] = request[1]
            return
        ident, methodname, args, kwds = request
        _client = fd
        if ident is None:
            self._reply(fd, self._public(fd, methodname, args, kwds))
            return
        msg = self._call(fd, ident, methodname, args, kwds)
        if isinstance(msg, _Blocked):
            deadline = None if msg.timeout is None else _now() + msg.timeout
            self.parked.append([fd, ident, methodname, msg.retry, msg.expire, deadline])
            return
        self._reply(fd, msg)

    def _public(self, fd, methodname, args, kwds):
        try:
            if methodname == 'create':
                return ('#RETURN', self.create(*args, **kwds))
            if methodname == 'shutdown':
                self.stopping = True
                return ('#RETURN', None)
            if methodname == 'dummy':
                return ('#RETURN', None)
            if methodname == 'number_of_objects':
                return ('#RETURN', len(self.id_to_obj))
            raise ValueError('%r unrecognized' % methodname)
        except Exception as e:
            return ('#ERROR', e)

    def create(self, typeid, /, *args, **kwds):
        callable, exposed, method_to_typeid, proxytype = self.registry[typeid]
        obj = callable(*args, **kwds)
        return self._keep(typeid, obj, exposed, method_to_typeid)

    def _keep(self, typeid, obj, exposed, method_to_typeid):
        if exposed is None:
            exposed = _public_methods(obj)
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
            proxytype = self.registry[typeid][3]
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

    def _retry_parked(self):
        progress = True
        while progress:
            progress = False
            for p in list(self.parked):
                msg = self._answer(p, p[3])
                if msg is _BLOCKED:
                    continue
                self.parked.remove(p)
                progress = True
                if isinstance(msg, _Blocked):
                    self.parked.append([p[0], p[1], p[2], msg.retry, msg.expire, None])
                    continue
                _manager.op(p[1], 'served', '%s for %s' % (p[2], self.clients.get(p[0], '?')))
                self._reply(p[0], msg)

    def _expire_parked(self):
        now = _now()
        for p in list(self.parked):
            if p[5] is None or p[5] > now:
                continue
            self.parked.remove(p)
            msg = self._answer(p, p[4])
            if isinstance(msg, _Blocked):
                self.parked.append([p[0], p[1], p[2], msg.retry, msg.expire, None])
                continue
            _manager.op(p[1], 'served', '%s for %s' % (p[2], self.clients.get(p[0], '?')))
            self._reply(p[0], msg)
        self._retry_parked()


def _now():
    return time.monotonic()


# ---- proxies -----------------------------------------------------------------------------------

class BaseProxy(object):
    """A reference to an object in a manager's server: each method call is a request there."""

    def __init__(self, token, serializer='pickle', manager=None, authkey=None, exposed=None,
                 incref=True, manager_owned=False):
        self._token = token
        self._id = token.id
        self._manager = manager
        self._serializer = serializer
        if exposed is not None:
            self._exposed_ = exposed

    def _callmethod(self, methodname, args=(), kwds={}):
        """Calls `methodname` on the referent in the server; returns a copy of the result."""
        token = self._token
        fd = _connection(token.address)
        kind, result = _manager.call(fd, (self._id, methodname, args, kwds),
                                     '%s#%d' % (token.typeid, self._id), methodname)
        if kind == '#RETURN':
            _manager.op(self._id, _op_name(methodname, result), None)
            return result
        if kind == '#PROXY':
            exposed, typeid, ident = result
            proxytype = _proxytype_of(self._manager, typeid)
            return proxytype(Token(typeid, token.address, ident), self._serializer,
                             manager=self._manager, exposed=exposed)
        raise convert_to_error(kind, result)

    def _getvalue(self):
        """A copy of the referent."""
        return self._callmethod('#GETVALUE')

    def __reduce__(self):
        if getattr(self, '_isauto', False):
            return (RebuildProxy, (AutoProxy, self._token, self._serializer,
                                   {'exposed': self._exposed_}))
        return (RebuildProxy, (type(self), self._token, self._serializer, {}))

    def __deepcopy__(self, memo):
        return self._getvalue()

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % \
               (type(self).__name__, self._token.typeid, id(self))

    def __str__(self):
        try:
            return self._callmethod('__repr__')
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


def _op_name(methodname, result):
    """The name the timeline gives a call: the primitives' own words where they have them."""
    if methodname == 'acquire':
        return 'acquired' if result else 'timeout'
    if methodname == 'release':
        return 'released'
    if methodname == 'set':
        return 'set'
    if methodname == 'clear':
        return 'cleared'
    if methodname in ('put', 'put_nowait'):
        return 'put'
    if methodname in ('get', 'get_nowait'):
        return 'got'
    return methodname


def _proxytype_of(manager, typeid):
    registry = SyncManager._registry if manager is None else manager._registry
    if typeid in registry:
        return registry[typeid][3]
    return AutoProxy


def RebuildProxy(func, token, serializer, kwds):
    """How a pickled proxy comes back to life in the process that received it."""
    proxy = func(token, serializer, **kwds)
    if _serving is not None and _serving.address == token.address:
        # A proxy of the server's own object, sent to the server (a Lock given to m.Condition,
        # a list stored in a dict): kept as a proxy, but never called from inside the server.
        proxy._manager_owned = True
    return proxy


def _method(name):
    def method(self, /, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    method.__qualname__ = name
    return method


def _add_methods(cls, exposed):
    for name in exposed:
        setattr(cls, name, _method(name))
    cls._exposed_ = tuple(exposed)


_auto_types = {}


def MakeProxyType(name, exposed, _cache={}):
    """A proxy type whose methods are `exposed`."""
    exposed = tuple(exposed)
    key = (name, exposed)
    if key in _cache:
        return _cache[key]
    ProxyType = type(name, (BaseProxy,), {})
    _add_methods(ProxyType, exposed)
    _cache[key] = ProxyType
    return ProxyType


def AutoProxy(token, serializer='pickle', manager=None, authkey=None, exposed=None,
              incref=True, manager_owned=False):
    """A proxy for `token` whose methods are the referent's public methods."""
    ProxyType = MakeProxyType('AutoProxy[%s]' % token.typeid, exposed)
    proxy = ProxyType(token, serializer, manager=manager, exposed=exposed)
    proxy._isauto = True
    return proxy


class IteratorProxy(BaseProxy):
    _exposed_ = ('__next__', 'send', 'throw', 'close')

    def __iter__(self):
        return self

    def __next__(self, *args):
        return self._callmethod('__next__', args)

    def send(self, *args):
        return self._callmethod('send', args)

    def throw(self, *args):
        return self._callmethod('throw', args)

    def close(self, *args):
        return self._callmethod('close', args)


class AcquirerProxy(BaseProxy):
    _exposed_ = ('acquire', 'release')

    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod('acquire', args)

    def release(self):
        return self._callmethod('release')

    def __enter__(self):
        return self._callmethod('acquire')

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod('release')


class ConditionProxy(AcquirerProxy):
    _exposed_ = ('acquire', 'release', 'wait', 'notify', 'notify_all')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))

    def notify(self, n=1):
        return self._callmethod('notify', (n,))

    def notify_all(self):
        return self._callmethod('notify_all')

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        if timeout is not None:
            endtime = _now() + timeout
        else:
            endtime = None
            waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - _now()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class EventProxy(BaseProxy):
    _exposed_ = ('is_set', 'set', 'clear', 'wait')

    def is_set(self):
        return self._callmethod('is_set')

    def set(self):
        return self._callmethod('set')

    def clear(self):
        return self._callmethod('clear')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))


class BarrierProxy(BaseProxy):
    _exposed_ = ('__getattribute__', 'wait', 'abort', 'reset')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))

    def abort(self):
        return self._callmethod('abort')

    def reset(self):
        return self._callmethod('reset')

    @property
    def parties(self):
        return self._callmethod('__getattribute__', ('parties',))

    @property
    def n_waiting(self):
        return self._callmethod('__getattribute__', ('n_waiting',))

    @property
    def broken(self):
        return self._callmethod('__getattribute__', ('broken',))


class NamespaceProxy(BaseProxy):
    _exposed_ = ('__getattribute__', '__setattr__', '__delattr__')

    def __getattr__(self, key):
        if key[0] == '_':
            return object.__getattribute__(self, key)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__getattribute__', (key,))

    def __setattr__(self, key, value):
        if key[0] == '_':
            return object.__setattr__(self, key, value)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__setattr__', (key, value))

    def __delattr__(self, key):
        if key[0] == '_':
            return object.__delattr__(self, key)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__delattr__', (key,))


class ValueProxy(BaseProxy):
    _exposed_ = ('get', 'set')

    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)


class BaseListProxy(BaseProxy):
    pass


_add_methods(BaseListProxy, (
    '__add__', '__contains__', '__delitem__', '__getitem__', '__len__',
    '__mul__', '__reversed__', '__rmul__', '__setitem__',
    'append', 'count', 'extend', 'index', 'insert', 'pop', 'remove',
    'reverse', 'sort', '__imul__'))


class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self


class DictProxy(BaseProxy):
    _method_to_typeid_ = {'__iter__': 'Iterator'}


_add_methods(DictProxy, (
    '__contains__', '__delitem__', '__getitem__', '__iter__', '__len__',
    '__setitem__', 'clear', 'copy', 'get', 'items',
    'keys', 'pop', 'popitem', 'setdefault', 'update', 'values'))


class ArrayProxy(BaseProxy):
    pass


_add_methods(ArrayProxy, ('__len__', '__getitem__', '__setitem__'))


# ---- managers ----------------------------------------------------------------------------------

class State(object):
    INITIAL = 0
    STARTED = 1
    SHUTDOWN = 2


class BaseManager(object):
    """A manager: starts the server process and makes shared objects in it."""

    _registry = {}
    _Server = Server

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None, *,
                 shutdown_timeout=1.0):
        self._address = address
        self._state = State()
        self._state.value = State.INITIAL
        self._serializer = serializer
        self._shutdown_timeout = shutdown_timeout
        self._process = None

    def get_server(self):
        raise NotImplementedError(
            'get_server() serves from the calling process; forkyard runs a manager\'s server in '
            'its own process only (use start() or a with block)')

    def connect(self):
        raise NotImplementedError(
            'connect() reaches a manager by its address; forkyard\'s managers are reached by the '
            'processes started after them (pass the proxies instead)')

    def start(self, initializer=None, initargs=()):
        """Forks the server process (SyncManager-N) and waits until it serves."""
        if self._state.value != State.INITIAL:
            if self._state.value == State.STARTED:
                raise multiprocessing.ProcessError("Already started server")
            raise multiprocessing.ProcessError("Manager has shut down")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        server_end, client_end = _manager.registrar()
        self._process = multiprocessing.Process(
            target=type(self)._run_server,
            args=(self._registry, server_end, client_end, initializer, initargs))
        ident = ':'.join(str(i) for i in self._process._identity)
        self._process.name = type(self).__name__ + '-' + ident
        self._process.start()
        # Only the server reads the registrar: a copy of its end here (and in the children this
        # process forks later) would keep connections waiting after the server is gone.
        _manager.close(server_end)
        self._address = (self._process.pid, client_end, _manager.inode(client_end))
        self._owner = os.getpid()
        self._state.value = State.STARTED
        dispatch(self._address, None, 'dummy', server=self._process.name)
        import _futures
        _futures.at_exit(self._at_exit)

    @classmethod
    def _run_server(cls, registry, server_end, client_end, initializer=None, initargs=()):
        global _serving
        # CPython's server ignores Ctrl-C: the program's main decides when it ends.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if initializer is not None:
            initializer(*initargs)
        _connections.clear()
        address = (os.getpid(), client_end, _manager.inode(client_end))
        _serving = cls._Server(registry, server_end, address)
        _serving.serve_forever()

    def _create(self, typeid, /, *args, **kwds):
        assert self._state.value == State.STARTED, 'server not yet started'
        id, exposed = dispatch(self._address, None, 'create', (typeid,) + args, kwds,
                               server=self._process.name)
        return Token(typeid, self._address, id), exposed

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)
            if not self._process.is_alive():
                self._process = None

    def _number_of_objects(self):
        return dispatch(self._address, None, 'number_of_objects')

    def __enter__(self):
        if self._state.value == State.INITIAL:
            self.start()
        if self._state.value != State.STARTED:
            raise multiprocessing.ProcessError("Manager has shut down")
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    def shutdown(self):
        """Asks the server to stop, waits for it (terminates it if it does not), as CPython."""
        if self._state.value != State.STARTED or os.getpid() != self._owner:
            return
        process = self._process
        if process is not None and process.is_alive():
            try:
                dispatch(self._address, None, 'shutdown', server=process.name)
                acknowledged = True
            except Exception:
                acknowledged = False
            # CPython gives the server shutdown_timeout (1 s) to end before it terminates it. A
            # server that answered the request is already on its way out (nothing of the program
            # runs there any more), so it is joined to its end: the lesson clock runs faster than
            # the machine under load, and a busy machine must not turn a clean exit into SIGTERM.
            process.join(timeout=None if acknowledged else self._shutdown_timeout)
            if process.is_alive():
                process.terminate()
                process.join(timeout=self._shutdown_timeout)
                if process.is_alive():
                    process.kill()
                    process.join()
        # This process's connection stays: a proxy used after the shutdown fails on it with
        # BrokenPipeError, as in CPython.
        self._state.value = State.SHUTDOWN

    def _at_exit(self):
        # CPython's finalizer of the manager runs before the exit rules join the children.
        self.shutdown()

    @property
    def address(self):
        return self._address

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        """Registers a type the manager can make (`m.typeid(...)` returns its proxy)."""
        if '_registry' not in cls.__dict__:
            cls._registry = cls._registry.copy()
        if proxytype is None:
            proxytype = AutoProxy
        exposed = exposed or getattr(proxytype, '_exposed_', None)
        method_to_typeid = method_to_typeid or getattr(proxytype, '_method_to_typeid_', None)
        cls._registry[typeid] = (callable, exposed, method_to_typeid, proxytype)
        if create_method:
            def temp(self, /, *args, **kwds):
                token, exp = self._create(typeid, *args, **kwds)
                proxy = proxytype(token, self._serializer, manager=self, exposed=exp)
                return proxy
            temp.__name__ = typeid
            setattr(cls, typeid, temp)


class SyncManager(BaseManager):
    """The manager `multiprocessing.Manager()` starts: locks, queues, dict, list, Namespace..."""

    def Pool(self, *args, **kwds):
        raise NotImplementedError(
            'a Pool inside a manager\'s server is not supported by forkyard yet (make the Pool '
            'with multiprocessing.Pool() and pass it manager proxies)')


SyncManager.register('Queue', _Queue, exposed=(
    'empty', 'full', 'get', 'get_nowait', 'join', 'put', 'put_nowait', 'qsize', 'task_done'))
SyncManager.register('JoinableQueue', _Queue, exposed=(
    'empty', 'full', 'get', 'get_nowait', 'join', 'put', 'put_nowait', 'qsize', 'task_done'))
SyncManager.register('Event', _Event, EventProxy)
SyncManager.register('Lock', _Lock, AcquirerProxy)
SyncManager.register('RLock', _RLock, AcquirerProxy)
SyncManager.register('Semaphore', _Semaphore, AcquirerProxy)
SyncManager.register('BoundedSemaphore', _BoundedSemaphore, AcquirerProxy)
SyncManager.register('Condition', _Condition, ConditionProxy)
SyncManager.register('Barrier', _Barrier, BarrierProxy)
SyncManager.register('list', list, ListProxy)
SyncManager.register('dict', dict, DictProxy)
SyncManager.register('Value', Value, ValueProxy)
SyncManager.register('Array', Array, ArrayProxy)
SyncManager.register('Namespace', Namespace, NamespaceProxy)
SyncManager.register('Iterator', proxytype=IteratorProxy, create_method=False)
