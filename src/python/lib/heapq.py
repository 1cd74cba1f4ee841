"""Heap queue: a list kept so that heap[0] is its smallest item, with O(log n) push and pop."""


# The heap operations themselves are in Rust (src/python/modules/heapq_native.rs), as they are in
# C in CPython: they are the inner loop of every priority queue, and in Python through forkyard's
# interpreter they were many times slower than CPython's.
from _heapq import heappush, heappop, heapify, heapreplace, heappushpop


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator (lazily)."""
    entries = []
    order = 0
    for it in iterables:
        it = iter(it)
        for value in it:
            k = value if key is None else key(value)
            entries.append(_MergeEntry(k, order, value, it, reverse))
            break
        order += 1
    heapify(entries)
    while entries:
        entry = entries[0]
        yield entry.value
        for value in entry.it:
            entry.value = value
            entry.key = value if key is None else key(value)
            heapreplace(entries, entry)
            break
        else:
            heappop(entries)


class _MergeEntry:
    # One input of merge(): its current item and where it came from. Ties go to the earlier
    # input, so merge is stable.
    def __init__(self, key, order, value, it, reverse):
        self.key = key
        self.order = order
        self.value = value
        self.it = it
        self.reverse = reverse

    def __lt__(self, other):
        if self.reverse:
            if other.key < self.key:
                return True
            if self.key < other.key:
                return False
        else:
            if self.key < other.key:
                return True
            if other.key < self.key:
                return False
        return self.order < other.order


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable (by key), smallest first: sorted(iterable, key=key)[:n]."""
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest items of iterable (by key), largest first."""
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
