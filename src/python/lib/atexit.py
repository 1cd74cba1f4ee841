"""allow programmer to define multiple exit functions to be executed upon normal program
termination.

Two public functions, register and unregister, are defined; CPython 3.11's module. The callbacks
run last registered first when the interpreter ends normally: at the end of the program, after
`sys.exit()` or an uncaught exception, in the main process and in a spawned child (which ends as
an interpreter does), but not in a forked or forkserver child, which ends with `os._exit` as
CPython's does, nor in a process killed by a signal. multiprocessing's own exit function (which
joins the children) sits in the same list, where CPython registers it: a callback registered
before the first `start()` or primitive runs after the children are joined, one registered after
runs before.
"""

import _finalizer

# (func, args, kwargs, registered after multiprocessing's exit function)
_exithandlers = []


def register(func, *args, **kwargs):
    """Register a function to be executed upon normal program termination

    func - function to be called at exit
    args - optional arguments to pass to func
    kwargs - optional keyword arguments to pass to func

    func is returned to facilitate usage as a decorator."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs, _finalizer.mp_exit_registered()))
    return func


def unregister(func):
    """Unregister an exit function which was previously registered using atexit.register

    func - function to be unregistered"""
    _exithandlers[:] = [h for h in _exithandlers if not (h[0] == func)]


def _clear():
    """Clear the list of previously registered exit functions."""
    del _exithandlers[:]


def _ncallbacks():
    """Return the number of registered exit functions."""
    return len(_exithandlers)


def _run_exitfuncs():
    """Run all registered exit functions, last registered first (what the interpreter does at
    its end; forkyard's runtime walks `_exithandlers` itself at that moment)."""
    while _exithandlers:
        func, args, kwargs, _late = _exithandlers.pop()
        func(*args, **kwargs)
