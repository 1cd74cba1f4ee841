"""Queues for one process: FIFO, LIFO, priority and simple, with CPython's API and errors.

A forkyard process runs one thread, so nothing else can put an item while a get() waits: a get()
on an empty queue with a timeout sleeps that long on the lesson clock and raises Empty, and one
without a timeout waits forever, as CPython's would in a program with no other thread. (Between
processes, use multiprocessing.Queue.)
"""

import time
from heapq import heappush as _heappush, heappop as _heappop
from _queue import Empty, Full

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


def _wait(timeout, error):
    if timeout is None:
        while True:
            time.sleep(3600)
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    time.sleep(timeout)
    raise error


class Queue:
    """A first-in, first-out queue; maxsize <= 0 means no limit."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.unfinished_tasks = 0

    def task_done(self):
        """Mark one item taken with get() as processed."""
        unfinished = self.unfinished_tasks - 1
        if unfinished < 0:
            raise ValueError('task_done() called too many times')
        self.unfinished_tasks = unfinished

    def join(self):
        """Wait until every item put has been marked done."""
        if self.unfinished_tasks:
            _wait(None, None)

    def qsize(self):
        return self._qsize()

    def empty(self):
        return not self._qsize()

    def full(self):
        return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Put an item in; when the queue is full, wait (or raise Full)."""
        if self.maxsize > 0 and self._qsize() >= self.maxsize:
            if not block:
                raise Full
            _wait(timeout, Full)
        self._put(item)
        self.unfinished_tasks += 1

    def get(self, block=True, timeout=None):
        """Take an item out; when the queue is empty, wait (or raise Empty)."""
        if not self._qsize():
            if not block:
                raise Empty
            _wait(timeout, Empty)
        return self._get()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def _init(self, maxsize):
        self.queue = _Deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class _Deque:
    """A list with a moving front, so popleft costs O(1) on average."""

    def __init__(self):
        self.items = []
        self.front = 0

    def __len__(self):
        return len(self.items) - self.front

    def append(self, item):
        self.items.append(item)

    def popleft(self):
        item = self.items[self.front]
        self.items[self.front] = None
        self.front += 1
        if self.front > 32 and self.front * 2 > len(self.items):
            del self.items[:self.front]
            self.front = 0
        return item

    def __iter__(self):
        return iter(self.items[self.front:])

    def __repr__(self):
        return 'deque(%r)' % (self.items[self.front:],)


class PriorityQueue(Queue):
    """A queue that gives the smallest item first (a heapq heap)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    """A last-in, first-out queue (a stack)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded first-in, first-out queue without task tracking."""

    def __init__(self):
        self._queue = _Deque()

    def put(self, item, block=True, timeout=None):
        self._queue.append(item)

    def put_nowait(self, item):
        self.put(item, block=False)

    def get(self, block=True, timeout=None):
        if not len(self._queue):
            if not block:
                raise Empty
            _wait(timeout, Empty)
        return self._queue.popleft()

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)
