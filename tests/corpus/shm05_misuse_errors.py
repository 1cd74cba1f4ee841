"""SharedMemory misused: CPython's TypeError, ValueError and OSError for names and sizes of the wrong
type or form."""
from multiprocessing import shared_memory
for kw in [dict(name=123), dict(create=True, size="x"), dict(create=True, size=1.5), dict(name=None, create=True, size=True), dict(name="a/b", create=True, size=4), dict(name="", create=True, size=4), dict(name="x" * 300)]:
    try:
        s = shared_memory.SharedMemory(**kw)
        print("made", s.size)
        s.close(); s.unlink()
    except Exception as e:
        print(type(e).__name__, e)
