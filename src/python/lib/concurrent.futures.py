"""Run callables asynchronously in a pool of worker processes and wait for their results.

forkyard provides ProcessPoolExecutor (real forked workers) and the Future API it returns.
ThreadPoolExecutor cannot exist here: a lesson process runs a single thread.
"""

from concurrent.futures._base import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
                                      CancelledError, TimeoutError, InvalidStateError,
                                      BrokenExecutor, Future, Executor, wait, as_completed)
from concurrent.futures.process import ProcessPoolExecutor

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ProcessPoolExecutor',
)


def __dir__():
    return __all__ + ('__doc__',)


def __getattr__(name):
    # CPython loads the thread pool lazily through this same hook; forkyard refuses it here, so
    # that `from concurrent.futures import ThreadPoolExecutor` says why.
    if name == 'ThreadPoolExecutor':
        raise ImportError("ThreadPoolExecutor is not available in forkyard: a lesson process "
                          "runs a single thread (use ProcessPoolExecutor)")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
