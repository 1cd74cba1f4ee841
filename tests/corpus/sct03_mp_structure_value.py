# A Value of a Structure type: its fields are properties of the Synchronized wrapper, each read
# and write holding the lock, and the Structure lives in shared memory: the child's changes are
# what the parent reads after join.
from multiprocessing import Process, RLock
from multiprocessing.sharedctypes import Value, RawValue
from ctypes import Structure, c_int, c_double, c_char


class Account(Structure):
    _fields_ = [('owner', c_char * 8), ('balance', c_double), ('moves', c_int)]


def deposit(acct, amount):
    with acct.get_lock():
        acct.balance += amount
        acct.moves += 1
    print('child sees', acct.owner, acct.balance, acct.moves)


def rename(raw):
    raw.owner = b'bob'
    raw.moves = 100


if __name__ == '__main__':
    acct = Value(Account, b'ann', 10.0)
    print(acct.owner, acct.balance, acct.moves, type(acct).__name__)
    print(type(acct.get_obj()).__name__, acct.get_obj().balance)
    for amount in (5.5, 4.5):
        p = Process(target=deposit, args=(acct, amount))
        p.start()
        p.join()
    print('parent sees', acct.owner, acct.balance, acct.moves)
    raw = RawValue(Account, b'x', 1.0, 2)
    p = Process(target=rename, args=(raw,))
    p.start()
    p.join()
    print(raw.owner, raw.balance, raw.moves, type(raw).__name__)
    shared_lock = RLock()
    locked = Value(Account, lock=shared_lock)
    print(locked.get_lock() is shared_lock, locked.moves)
    with locked:
        locked.moves = 3
    print(locked.moves, locked.acquire(), locked.release())
