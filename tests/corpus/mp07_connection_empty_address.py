# An address CPython's address_type cannot place: an empty one (None, 0, b'') or bytes not in the
# abstract namespace is a ValueError, any other type a TypeError; a Listener given an empty
# address picks one of its own. A manager connecting without an address meets the same check.
from multiprocessing.connection import Client, Listener
from multiprocessing.managers import SyncManager


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def listen(address):
    with Listener(address) as listener:
        return type(listener.address).__name__


if __name__ == "__main__":
    for address in (None, 0, b"", b"name", 1.5, [1]):
        attempt(f"Client({address!r})", lambda: Client(address))
    for address in (None, 0, b""):
        attempt(f"Listener({address!r})", lambda: listen(address))
    attempt("Listener(b'name')", lambda: listen(b"name"))
    attempt("SyncManager().connect()", lambda: SyncManager().connect())
