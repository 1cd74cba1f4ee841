# An Array (and a RawArray) of Structures in shared memory: each child changes its own element
# through the view the array hands out; the parent reads every change after the joins.
from multiprocessing import Process
from multiprocessing.sharedctypes import Array, RawArray
from ctypes import Structure, c_int, c_double


class Cell(Structure):
    _fields_ = [('row', c_int), ('col', c_int), ('value', c_double)]


def fill(cells, i):
    cell = cells[i]
    cell.value = cell.row * 10 + cell.col + 0.5


def square_all(points):
    for p in points:
        p.value **= 2


if __name__ == '__main__':
    cells = Array(Cell, [(r, c, 0.0) for r in range(2) for c in range(3)])
    print(len(cells), type(cells).__name__)
    workers = [Process(target=fill, args=(cells, i)) for i in range(len(cells))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print([(c.row, c.col, c.value) for c in cells])
    print([c.value for c in cells[1:4]], cells[-1].value)
    raw = RawArray(Cell, 3)
    for i, c in enumerate(raw):
        c.value = i + 1.5
    p = Process(target=square_all, args=(raw,))
    p.start()
    p.join()
    print([c.value for c in raw], type(raw).__name__)
    cells[0] = (9, 9, 9.0)
    print(cells[0].row, cells[0].value)
