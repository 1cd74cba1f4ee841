# A Future made by hand: its states and the errors of setting it twice.
from concurrent.futures import Future, InvalidStateError, CancelledError
import concurrent.futures


def show(f):
    print(f.running(), f.done(), f.cancelled(), repr(f))


if __name__ == "__main__":
    f = Future()
    show(f)
    print(f.set_running_or_notify_cancel())
    show(f)
    print(f.cancel())
    f.set_result([1, 2])
    show(f)
    print(f.result(), f.exception())
    try:
        f.set_result(3)
    except InvalidStateError as e:
        print("InvalidStateError:", e)
    g = Future()
    g.set_exception(KeyError("k"))
    show(g)
    print(repr(g.exception()))
    try:
        g.set_exception(ValueError())
    except InvalidStateError as e:
        print("InvalidStateError:", e)
    h = Future()
    print(h.cancel(), h.cancel())
    show(h)
    print(h.set_running_or_notify_cancel())
    show(h)
    try:
        h.result()
    except CancelledError:
        print("CancelledError")
    try:
        h.set_result(1)
    except InvalidStateError as e:
        print("InvalidStateError:", e)
    t = Future()
    try:
        t.result(timeout=0.2)
    except TimeoutError:
        print("TimeoutError")
    print(concurrent.futures.wait([t], timeout=0.2).not_done == {t})
    print(issubclass(CancelledError, concurrent.futures._base.Error), InvalidStateError.__mro__[1].__name__)
