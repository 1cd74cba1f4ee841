"""Managers: shared objects that live in a server process (CPython's multiprocessing.managers).

As in CPython, `SyncManager().start()` (what `multiprocessing.Manager()` does) forks a server
process, named `SyncManager-N` from the same counter as `Process-N`, that owns every object the
manager makes: `m.dict()` creates a dict in the server and gives back a proxy, whose methods send
the call to the server and return a copy of the result. Proxies pickle (through a Queue, a Pipe, a
Pool task) as their token, and a proxy rebuilt in another process connects to the server itself.

The server's loop and the objects it keeps are in `_manager_server` (src/python/lib/); this module
is what a program uses: the managers, the proxies, and the connections to the server.

The connections: a manager's address is a Listener's (`multiprocessing.connection`): a name in
the run's fd broker, under which the server's registrar waits. A client fetches it, passes the
server one end of a fresh socket pair (see the native `_manager`, src/python/modules/managers.rs)
and answers the server's authkey challenge before its first request, so any process of the run
reaches the server by address (`connect()`), also one that did not start it.
"""

import os
import signal
import time
import _connection
import _finalizer
import _manager
import _manager_server
import multiprocessing
from _manager_server import (
    _Barrier, _BoundedSemaphore, _Condition, _Event, _Lock, _Pool, _Queue, _RLock, _Semaphore)

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Token', 'SharedMemoryManager']


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

# Per process: manager key -> (pid, fd) of this process's connection to that server. A forked
# child finds its parent's entry and makes its own (its parent's replies are not its own).
_connections = {}


# Per process: manager key -> (pid, fd, inode) of this process's copy of the server's registrar.
_fetched = {}


def _refused(address):
    """CPython's error for an address nobody serves: a missing path, or a refused port."""
    try:
        _connection.fail(2 if isinstance(address, str) else 111)
    except OSError as e:
        return e


def _registrar(key, address):
    """This process's copy of the registrar of the manager at `address`, from the run's broker."""
    known = _fetched.get(key)
    if known is not None and known[0] == os.getpid() and _manager.inode(known[1]) == known[2]:
        return known[1]
    fd = _connection.registrar(key)
    if fd < 0:
        # Nobody serves the address (or the server shut down), as CPython's refused connect says.
        raise _refused(address)
    _fetched[key] = (os.getpid(), fd, _manager.inode(fd))
    return fd


def _open(address, authkey=None):
    """A new connection to the server at `address`, authenticated (CPython's `Client(address,
    authkey=...)`)."""
    key = _manager_server._key_of(address)
    try:
        fd = _manager.connect(_registrar(key, address))
    except ConnectionRefusedError:
        # The registrar is there but its server is gone (killed before it closed it).
        raise _refused(address)
    if authkey is None:
        authkey = multiprocessing.current_process().authkey
    # CPython's answer_challenge: the server's challenge, the digest of it with our authkey.
    try:
        kind, challenge = _manager.recv(fd)
    except EOFError:
        _manager.close(fd)
        raise ConnectionResetError(104, 'Connection reset by peer')
    digest = _connection.hmac_md5(authkey, challenge)
    answer = _manager.call(fd, ('#HELLO', multiprocessing.current_process().name, digest),
                           'manager', 'connect')
    if answer != '#WELCOME':
        _manager.close(fd)
        raise multiprocessing.AuthenticationError('digest sent was rejected')
    return fd


def _connection_to(address, authkey=None):
    """This process's connection to the server at `address` with `authkey`, made once."""
    key = (_manager_server._key_of(address), authkey)
    pid = os.getpid()
    known = _connections.get(key)
    if known is not None and known[0] == pid:
        return known[1]
    fd = _open(address, authkey)
    _connections[key] = (pid, fd)
    return fd


def _request(address, request, on, what, authkey=None):
    """One round trip on this process's connection to the server at `address`."""
    # One connection per process, as CPython's per-thread one: a call a signal handler interrupted
    # (Ctrl-C) leaves its answer to come on it, and the next call takes that answer, as there.
    return _manager.call(_connection_to(address, authkey), request, on, what)


def dispatch(address, id, methodname, args=(), kwds={}, server='manager', authkey=None):
    """Sends one request to the server at `address` and returns its result (or raises its error);
    a wait for it shows as blocked on `server` (the server process's name). As CPython's manager
    calls (`create`, `shutdown`...), it goes on a connection of its own, closed after: a proxy
    call that Ctrl-C interrupted leaves its answer to come on the process's proxy connection,
    which must not be the one a shutdown waits on."""
    fd = _open(address, authkey)
    try:
        kind, result = _manager.call(fd, (id, methodname, args, kwds), server, methodname)
    finally:
        _manager.close(fd)
    if kind == '#RETURN':
        return result
    raise convert_to_error(kind, result)


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



def Array(typecode, sequence, lock=True):
    return _manager_server._Array(typecode, sequence)


# ---- proxies -----------------------------------------------------------------------------------

class BaseProxy(object):
    """A reference to an object in a manager's server: each method call is a request there."""

    def __init__(self, token, serializer='pickle', manager=None, authkey=None, exposed=None,
                 incref=True, manager_owned=False):
        self._token = token
        self._id = token.id
        self._manager = manager
        self._serializer = serializer
        if authkey is None and manager is not None:
            authkey = manager._authkey
        self._authkey = authkey
        if exposed is not None:
            self._exposed_ = exposed

    def _callmethod(self, methodname, args=(), kwds={}):
        """Calls `methodname` on the referent in the server; returns a copy of the result."""
        token = self._token
        if _manager_server._serving_here(token.address):
            # Called inside the server itself (a proxy it keeps, printed or compared there): a
            # request to itself would wait for its own answer forever, so call the object here.
            obj = _manager_server._referent(self)
            if methodname == '#GETVALUE':
                return obj
            return getattr(obj, methodname)(*args, **kwds)
        kind, result = _request(token.address, (self._id, methodname, args, kwds),
                                '%s#%d' % (token.typeid, self._id), methodname, self._authkey)
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
    if _manager_server._serving_here(token.address):
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


BasePoolProxy = MakeProxyType('PoolProxy', (
    'apply', 'apply_async', 'close', 'imap', 'imap_unordered', 'join',
    'map', 'map_async', 'starmap', 'starmap_async', 'terminate',
    ))
BasePoolProxy._method_to_typeid_ = {
    'apply_async': 'AsyncResult',
    'map_async': 'AsyncResult',
    'starmap_async': 'AsyncResult',
    'imap': 'Iterator',
    'imap_unordered': 'Iterator'
    }


class PoolProxy(BasePoolProxy):
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


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
            endtime = time.monotonic() + timeout
        else:
            endtime = None
            waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
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


class _FinalizeManager(object):
    """What CPython's `util.Finalize` on a manager runs (`BaseManager._finalize_manager`): ask the
    server to stop, wait for it, terminate it if it does not stop. Called by shutdown(), at the
    end of a with block, at the program's end, and when the manager's last reference goes (the
    manager holds a `_finalizer.guard` of it; the proxies hold the manager, as in CPython). It
    holds what it needs, never the manager itself, or the manager could not be freed."""

    def __init__(self, process, address, state, owner, shutdown_timeout, authkey=None):
        self._process = process
        self._address = address
        self._authkey = authkey
        self._state = state
        self._owner = owner
        self._shutdown_timeout = shutdown_timeout

    def __call__(self):
        if self._state.value != State.STARTED or os.getpid() != self._owner:
            return
        from multiprocessing import util
        process = self._process
        if process is not None and process.is_alive():
            util.info('sending shutdown message to manager')
            try:
                dispatch(self._address, None, 'shutdown', server=process.name,
                         authkey=self._authkey)
                acknowledged = True
            except Exception:
                acknowledged = False
            # CPython gives the server shutdown_timeout (1 s) to end before it terminates it. A
            # server that answered the request is already on its way out (nothing of the program
            # runs there any more), so it is joined to its end: the lesson clock runs faster than
            # the machine under load, and a busy machine must not turn a clean exit into SIGTERM.
            process.join(timeout=None if acknowledged else self._shutdown_timeout)
            if process.is_alive():
                util.info('manager still alive')
                util.info('trying to `terminate()` manager process')
                process.terminate()
                process.join(timeout=self._shutdown_timeout)
                if process.is_alive():
                    util.info('manager still alive after terminate')
                    process.kill()
                    process.join()
        # This process's connection stays: a proxy used after the shutdown fails on it with
        # BrokenPipeError, as in CPython.
        self._state.value = State.SHUTDOWN


class BaseManager(object):
    """A manager: starts the server process and makes shared objects in it."""

    _registry = {}
    _Server = _manager_server.Server

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None, *,
                 shutdown_timeout=1.0):
        if authkey is None:
            authkey = multiprocessing.current_process().authkey
        self._address = address
        self._authkey = bytes(authkey)
        self._state = State()
        self._state.value = State.INITIAL
        self._serializer = serializer
        self._shutdown_timeout = shutdown_timeout
        self._process = None

    def _check_initial(self):
        if self._state.value != State.INITIAL:
            if self._state.value == State.STARTED:
                raise multiprocessing.ProcessError("Already started server")
            raise multiprocessing.ProcessError("Manager has shut down")

    def get_server(self):
        """A server with `serve_forever()` and `address`, to run in this process (the docs'
        remote manager); it takes its address now, as CPython's listener binds it."""
        self._check_initial()
        from multiprocessing.connection import _bind
        address, registrar = _bind(self._address or _default_address())
        return self._Server(self._registry, registrar, address, self._authkey)

    def connect(self):
        """Connects to the server at this manager's address (any process of the run)."""
        # A connection of its own, as CPython's: the address and the authkey are checked now,
        # whatever this process reached before.
        fd = _open(self._address, self._authkey)
        try:
            _manager.call(fd, (None, 'dummy', (), {}), self._server_name(), 'dummy')
        finally:
            _manager.close(fd)
        self._state.value = State.STARTED

    def _server_name(self):
        return self._process.name if self._process is not None else 'manager'

    def start(self, initializer=None, initargs=()):
        """Forks the server process (SyncManager-N) and waits until it serves."""
        self._check_initial()
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        from multiprocessing import connection
        # CPython's server process picks its address (and makes the temp directory, saying so on
        # multiprocessing's logger); here the parent picks it, and the server says so.
        tempdir = None
        if self._address is None and connection._tempdir is None:
            address, registrar = connection._bind(_default_address(log=False))
            tempdir = connection._tempdir
        else:
            address, registrar = connection._bind(self._address or _default_address())
        self._process = multiprocessing.Process(
            target=type(self)._run_server,
            args=(self._registry, registrar, address, self._authkey, initializer, initargs,
                  tempdir))
        ident = ':'.join(str(i) for i in self._process._identity)
        self._process.name = type(self).__name__ + '-' + ident
        self._process.start()
        if tempdir is not None:
            # The directory is the server's: this process has made none (a later Listener here
            # makes its own, as in CPython).
            connection._tempdir = None
        # Only the server reads the registrar: a copy of its end here (and in the children this
        # process forks later) would keep connections waiting after the server is gone.
        _manager.close(registrar)
        self._address = address
        self._owner = os.getpid()
        self._state.value = State.STARTED
        dispatch(self._address, None, 'dummy', server=self._process.name,
                 authkey=self._authkey)
        self._finalize = _FinalizeManager(self._process, self._address, self._state,
                                          self._owner, self._shutdown_timeout, self._authkey)
        self._guard = _finalizer.guard(self._finalize)
        # CPython's finalizer of the manager runs before the exit rules join the children.
        import _futures
        _futures.at_exit(self._finalize)

    @classmethod
    def _run_server(cls, registry, registrar, address, authkey, initializer=None, initargs=(),
                    tempdir=None):
        # CPython's server ignores Ctrl-C: the program's main decides when it ends.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if initializer is not None:
            initializer(*initargs)
        _connections.clear()
        from multiprocessing import util
        if tempdir is not None:
            util.info('created temp directory %s', tempdir)
        server = cls._Server(registry, registrar, address, authkey)
        util.info('manager serving at %r', server.address)
        server.serve_forever()

    def _create(self, typeid, /, *args, **kwds):
        assert self._state.value == State.STARTED, 'server not yet started'
        # The object is named from this process's counter (`Lock#3`, as `multiprocessing.Lock()`
        # here would be) and reported made here, where the program's line made it; the server
        # keeps it under that id.
        ident = _manager.new_id()
        id, exposed = dispatch(self._address, None, 'create', (typeid, ident) + args, kwds,
                               server=self._server_name(), authkey=self._authkey)
        _manager.created(typeid, id)
        return Token(typeid, self._address, id), exposed

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)
            if not self._process.is_alive():
                self._process = None

    def _number_of_objects(self):
        return dispatch(self._address, None, 'number_of_objects', authkey=self._authkey)

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
        if getattr(self, '_finalize', None) is None:
            # CPython's start() sets `shutdown`: a manager that connected has none.
            raise AttributeError("'%s' object has no attribute 'shutdown'" % type(self).__name__)
        if self._state.value == State.STARTED:
            self._finalize()

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


def _default_address(log=True):
    """Where a manager without an address listens, as CPython's (an AF_UNIX path)."""
    from multiprocessing.connection import arbitrary_address
    return arbitrary_address('AF_UNIX', log)


class SyncManager(BaseManager):
    """The manager `multiprocessing.Manager()` starts: locks, queues, dict, list, Namespace..."""


SyncManager.register('Queue', _Queue, exposed=(
    'empty', 'full', 'get', 'get_nowait', 'join', 'put', 'put_nowait', 'qsize', 'task_done'))
SyncManager.register('JoinableQueue', _Queue, exposed=(
    'empty', 'full', 'get', 'get_nowait', 'join', 'put', 'put_nowait', 'qsize', 'task_done'))
SyncManager.register('Pool', _Pool, PoolProxy)
SyncManager.register('AsyncResult', create_method=False)
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


class _SharedMemoryTracker:
    "Manages one or more shared memory segments."

    # CPython's default list is one object shared by every tracker made without one; each
    # server process has a single tracker, so it does not show.
    def __init__(self, name, segment_names=[]):
        self.shared_memory_context_name = name
        self.segment_names = segment_names

    def register_segment(self, segment_name):
        "Adds the supplied shared memory block name to tracker."
        from multiprocessing import util
        util.debug(f"Register segment {segment_name!r} in pid {os.getpid()}")
        self.segment_names.append(segment_name)

    def destroy_segment(self, segment_name):
        """Calls unlink() on the shared memory block with the supplied name
        and removes it from the list of blocks being tracked."""
        from multiprocessing import shared_memory, util
        util.debug(f"Destroy segment {segment_name!r} in pid {os.getpid()}")
        self.segment_names.remove(segment_name)
        segment = shared_memory.SharedMemory(segment_name)
        segment.close()
        segment.unlink()

    def unlink(self):
        "Calls destroy_segment() on all tracked shared memory blocks."
        for segment_name in self.segment_names[:]:
            self.destroy_segment(segment_name)

    def __repr__(self):
        return f"<{self.__class__.__name__}({self.shared_memory_context_name!r})>"

    def __getstate__(self):
        return (self.shared_memory_context_name, self.segment_names)

    def __setstate__(self, state):
        self.__init__(*state)


class SharedMemoryServer(_manager_server.Server):
    """The server of a SharedMemoryManager: it keeps the names of the blocks its clients made
    and unlinks them all when asked to shut down."""

    public = _manager_server.Server.public + ['track_segment', 'release_segment',
                                              'list_segments']

    def __init__(self, *args, **kwargs):
        _manager_server.Server.__init__(self, *args, **kwargs)
        address = self.address
        if isinstance(address, bytes):
            address = os.fsdecode(address)
        self.shared_memory_context = _SharedMemoryTracker(f"shm_{address}_{os.getpid()}")
        from multiprocessing import util
        util.debug(f"SharedMemoryServer started by pid {os.getpid()}")

    def shutdown(self, c):
        "Call unlink() on all tracked shared memory, terminate the Server."
        self.shared_memory_context.unlink()
        return _manager_server.Server.shutdown(self, c)

    def track_segment(self, c, segment_name):
        "Adds the supplied shared memory block name to Server's tracker."
        self.shared_memory_context.register_segment(segment_name)

    def release_segment(self, c, segment_name):
        """Calls unlink() on the shared memory block with the supplied name
        and removes it from the tracker instance inside the Server."""
        self.shared_memory_context.destroy_segment(segment_name)

    def list_segments(self, c):
        """Returns a list of names of shared memory blocks that the Server
        is currently tracking."""
        return self.shared_memory_context.segment_names


class SharedMemoryManager(BaseManager):
    """Like SyncManager but uses SharedMemoryServer instead of Server.

    It provides methods for creating and returning SharedMemory instances
    and for creating a list-like object (ShareableList) backed by shared
    memory.  It also provides methods that create and return Proxy Objects
    that support synchronization across processes (i.e. multi-process-safe
    locks and semaphores).
    """

    _Server = SharedMemoryServer

    def __init__(self, *args, **kwargs):
        BaseManager.__init__(self, *args, **kwargs)
        from multiprocessing import util
        util.debug(f"{self.__class__.__name__} created by pid {os.getpid()}")

    def SharedMemory(self, size):
        """Returns a new SharedMemory instance with the specified size in
        bytes, to be tracked by the manager."""
        from multiprocessing import shared_memory
        sms = shared_memory.SharedMemory(None, create=True, size=size)
        try:
            dispatch(self._address, None, 'track_segment', (sms.name,),
                     server=self._server_name(), authkey=self._authkey)
        except BaseException as e:
            sms.unlink()
            raise e
        return sms

    def ShareableList(self, sequence):
        """Returns a new ShareableList instance populated with the values
        from the input sequence, to be tracked by the manager."""
        from multiprocessing import shared_memory
        sl = shared_memory.ShareableList(sequence)
        try:
            dispatch(self._address, None, 'track_segment', (sl.shm.name,),
                     server=self._server_name(), authkey=self._authkey)
        except BaseException as e:
            sl.shm.unlink()
            raise e
        return sl
