"""multiprocessing.connection: Listener, Client, wait and the authkey handshake (CPython 3.11).

A Listener's address is what CPython's is (an AF_UNIX path, or a `(host, port)` tuple for
AF_INET), but it names a rendezvous in the run's fd broker rather than a socket of the machine:
a lesson process may not name sockets nor reach the network, so only the processes of the same
run reach it. The connection a Client makes is a real socket pair, the same `Connection` that
`Pipe()` gives (see the native `_connection`, src/python/modules/connection.rs).
"""

import os
import time
import _connection
import multiprocessing
from multiprocessing import AuthenticationError, BufferTooShort, Pipe

__all__ = ['Client', 'Listener', 'Pipe', 'wait']

Connection = _connection.Connection

BUFSIZE = 8192
CONNECTION_TIMEOUT = 20.
MESSAGE_LENGTH = 20
CHALLENGE = b'#CHALLENGE#'
WELCOME = b'#WELCOME#'
FAILURE = b'#FAILURE#'

default_family = 'AF_UNIX'
families = ['AF_INET', 'AF_UNIX']

# The hosts an AF_INET address may name: this machine only (a lesson cannot reach the network).
_LOCAL_HOSTS = {'': '0.0.0.0', '0.0.0.0': '0.0.0.0', 'localhost': '127.0.0.1',
                '127.0.0.1': '127.0.0.1'}

_NAME_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_'

# This process's `/tmp/pymp-XXXXXXXX` (CPython's `util.get_temp_dir()`): a forked child keeps its
# parent's, as CPython's keeps its parent's `_config['tempdir']`.
_tempdir = None


def _random_name(n=8):
    return ''.join(_NAME_CHARS[b % len(_NAME_CHARS)] for b in _connection.urandom(n))


def _get_temp_dir(log=True):
    global _tempdir
    if _tempdir is None:
        _tempdir = '/tmp/pymp-' + _random_name()
        # CPython's `util.get_temp_dir` says so on multiprocessing's logger; a manager's server
        # says it itself, in its own process, where CPython makes the directory (`log=False`).
        if log:
            from multiprocessing import util
            util.info('created temp directory %s', _tempdir)
    return _tempdir


def arbitrary_address(family, _log=True):
    """An address no listener of the run has, as CPython picks one for `family`."""
    if family == 'AF_INET':
        return ('localhost', 0)
    elif family == 'AF_UNIX':
        return _get_temp_dir(_log) + '/listener-' + _random_name()
    else:
        raise ValueError('unrecognized family')


def _validate_family(family):
    if family == 'AF_PIPE':
        raise ValueError('Family %s is not recognized.' % family)
    if family not in families:
        raise ValueError('Family %s is not recognized.' % family)


def address_type(address):
    """'AF_INET' for a (host, port) tuple, 'AF_UNIX' for a path."""
    if type(address) == tuple:
        return 'AF_INET'
    elif type(address) is str and address.startswith('\\\\'):
        return 'AF_PIPE'
    elif type(address) is str:
        return 'AF_UNIX'
    elif isinstance(address, (bytes, bytearray)) and address[:1] == b'\0':
        return 'AF_UNIX'
    elif not address or isinstance(address, bytes):
        # CPython's util.is_abstract_socket_namespace says False for an empty address (None, 0)
        # and for bytes not starting with NUL: address_type then refuses it with a ValueError.
        raise ValueError(f'address type of {address!r} unrecognized')
    else:
        # CPython's util.is_abstract_socket_namespace refuses it.
        raise TypeError(f'address type of {address!r} unrecognized')


def _inet(address, listening):
    """The (ip, port) an AF_INET address names here."""
    if len(address) != 2 or not isinstance(address[1], int):
        raise TypeError('AF_INET address must be a pair (host, port)')
    host, port = address
    if not isinstance(host, str):
        raise TypeError('str, bytes or bytearray expected, not %s' % type(host).__name__)
    if not 0 <= port <= 65535:
        raise OverflowError('bind(): port must be 0-65535.' if listening
                            else 'connect(): port must be 0-65535.')
    ip = _LOCAL_HOSTS.get(host)
    if ip is None:
        raise OSError('forkyard: a lesson program cannot reach the network; %r is not this '
                      'machine (use \'localhost\': a Listener reaches the processes of this run)'
                      % host)
    if not listening and ip == '0.0.0.0':
        ip = '127.0.0.1'
    return ip, port


def _key(family, address):
    if family == 'AF_INET':
        return 'inet/%d' % address[1]
    return 'unix/' + address


class Listener(object):
    """A bound address that Clients of the run connect to; `accept()` gives each a Connection."""

    def __init__(self, address=None, family=None, backlog=1, authkey=None):
        family = family or (address and address_type(address)) or default_family
        address = address or arbitrary_address(family)
        _validate_family(family)
        self._listener = _SocketListener(address, family, backlog)
        if authkey is not None and not isinstance(authkey, bytes):
            raise TypeError('authkey should be a byte string')
        self._authkey = authkey

    def accept(self):
        if self._listener is None:
            raise OSError('listener is closed')
        c = self._listener.accept()
        if self._authkey:
            deliver_challenge(c, self._authkey)
            answer_challenge(c, self._authkey)
        return c

    def close(self):
        listener = self._listener
        if listener is not None:
            self._listener = None
            listener.close()

    @property
    def address(self):
        return self._listener._address

    @property
    def last_accepted(self):
        return self._listener._last_accepted

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


# Client ports handed out by this process, for `last_accepted` of an AF_INET listener.
_client_ports = [0]


def _bind(address, family=None):
    """Takes `address` in the run (CPython's bind and listen): the listening fd and the address
    as CPython's `getsockname()` gives it back."""
    family = family or address_type(address)
    if family == 'AF_INET':
        ip, port = _inet(address, True)
        if port == 0:
            # An ephemeral port, as the kernel would pick one: any the run does not use.
            while True:
                port = 32768 + int.from_bytes(_connection.urandom(2), 'little') % 28232
                fd = _connection.listen(_key(family, (ip, port)))
                if fd >= 0:
                    break
        else:
            fd = _connection.listen(_key(family, (ip, port)))
        address = (ip, port)
    else:
        if not isinstance(address, str):
            raise TypeError('a bytes-like object is required')
        fd = _connection.listen(_key(family, address))
    if fd < 0:
        _connection.fail(98)
    return address, fd


class _Unlisten(object):
    """A listener's close, run once: by close(), or when the listener is freed unclosed (CPython's
    socket closes and its `util.Finalize` unlinks the path then, so the address is free)."""

    def __init__(self, key, fd, id):
        self._key, self._fd, self._id = key, fd, id
        self._done = False

    def __call__(self):
        if self._done:
            return
        self._done = True
        import _manager
        _manager.op(self._id, 'closed', None)
        _connection.unlisten(self._key, self._fd)


class _SocketListener(object):
    def __init__(self, address, family, backlog=1):
        address, fd = _bind(address, family)
        self._fd = fd
        self._family = family
        self._address = address
        self._last_accepted = None
        import _manager
        import _finalizer
        self._id = _manager.created('Listener')
        self._label = 'Listener#%d' % self._id
        self._close = _Unlisten(_key(family, address), fd, self._id)
        self._guard = _finalizer.guard(self._close)

    def accept(self):
        c = _connection.accept(self._fd, self._label)
        if self._family == 'AF_INET':
            # The client's port, which CPython's accept() reports: one of this run's ephemeral
            # ports (a forkyard client has no port of its own).
            _client_ports[0] += 1
            self._last_accepted = ('127.0.0.1',
                                   32768 + (os.getpid() * 7 + _client_ports[0]) % 28232)
        else:
            # An AF_UNIX client socket has no name: CPython's accept() gives ''.
            self._last_accepted = ''
        import _manager
        _manager.op(self._id, 'accepted', None)
        return c

    def close(self):
        self._close()


def Client(address, family=None, authkey=None):
    """A Connection to the Listener at `address` (a process of this run)."""
    family = family or address_type(address)
    _validate_family(family)
    if family == 'AF_INET':
        address = _inet(address, False)
    elif not isinstance(address, str):
        raise TypeError('a bytes-like object is required')
    c = _connection.connect(_key(family, address))
    if isinstance(c, int):
        errno = -c
        if family == 'AF_INET' and errno == 2:
            errno = 111
        _connection.fail(errno)
    if authkey is not None and not isinstance(authkey, bytes):
        raise TypeError('authkey should be a byte string')
    if authkey is not None:
        answer_challenge(c, authkey)
        deliver_challenge(c, authkey)
    return c


def deliver_challenge(connection, authkey):
    if not isinstance(authkey, bytes):
        raise ValueError(
            "Authkey must be bytes, not {0!s}".format(type(authkey)))
    message = _connection.urandom(MESSAGE_LENGTH)
    connection.send_bytes(CHALLENGE + message)
    digest = _connection.hmac_md5(authkey, message)
    response = connection.recv_bytes(256)        # reject large message
    if response == digest:
        connection.send_bytes(WELCOME)
    else:
        connection.send_bytes(FAILURE)
        raise AuthenticationError('digest received was wrong')


def answer_challenge(connection, authkey):
    if not isinstance(authkey, bytes):
        raise ValueError(
            "Authkey must be bytes, not {0!s}".format(type(authkey)))
    message = connection.recv_bytes(256)         # reject large message
    assert message[:len(CHALLENGE)] == CHALLENGE, 'message = %r' % message
    message = message[len(CHALLENGE):]
    digest = _connection.hmac_md5(authkey, message)
    connection.send_bytes(digest)
    response = connection.recv_bytes(256)        # reject large message
    if response != WELCOME:
        raise AuthenticationError('digest sent was rejected')


def _fileno(obj):
    if isinstance(obj, int):
        return obj
    fileno = getattr(obj, 'fileno', None)
    if fileno is None:
        raise ValueError('Invalid file object: %r' % (obj,))
    return fileno()


def wait(object_list, timeout=None):
    """The objects of `object_list` (Connections, or fds) ready to read, waiting at most
    `timeout` seconds (None: until one is)."""
    object_list = list(object_list)
    fds = [_fileno(o) for o in object_list]
    if timeout is not None and timeout < 0:
        timeout = 0
    ready = _connection.wait(fds, timeout)
    return [o for o, fd in zip(object_list, fds) if fd in ready]
