"""Heap queue: a list kept so that heap[0] is its smallest item, with O(log n) push and pop."""


def _sift_down(heap, startpos, pos):
    # Move heap[pos] up towards startpos until its parent is not larger.
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _sift_up(heap, pos):
    # Move the smaller child up until a leaf is reached, then settle heap[pos] there: fewer
    # comparisons than stopping early, the way CPython's heapq does it (so equal items end in
    # the same places).
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _sift_down(heap, startpos, pos)


def _check_list(heap, where):
    # CPython's C functions name the argument that is not a list.
    if not isinstance(heap, list):
        raise TypeError(f'{where} must be list, not {type(heap).__name__}')


def heappush(heap, item):
    """Push item onto heap, keeping the heap invariant."""
    _check_list(heap, 'heappush() argument 1')
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, keeping the heap invariant."""
    _check_list(heap, 'heappop() argument')
    if not heap:
        raise IndexError('index out of range')
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _sift_up(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pop and return the smallest item, then push item (the heap never shrinks)."""
    _check_list(heap, 'heapreplace() argument 1')
    if not heap:
        raise IndexError('index out of range')
    returnitem = heap[0]
    heap[0] = item
    _sift_up(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Push item, then pop and return the smallest item: faster than the two calls."""
    _check_list(heap, 'heappushpop() argument 1')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_up(heap, 0)
    return item


def heapify(x):
    """Turn the list x into a heap, in place, in linear time."""
    _check_list(x, 'heapify() argument')
    n = len(x)
    for i in reversed(range(n // 2)):
        _sift_up(x, i)


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
