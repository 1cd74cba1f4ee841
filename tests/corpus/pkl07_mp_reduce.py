# __reduce__ says how to rebuild an object: the receiver calls the callable with the args (here
# in the child, which prints), then hands the optional state to __setstate__.
import multiprocessing as mp
import os


class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    def __reduce__(self):
        return (from_kelvin, (self.celsius + 273,))

    def __repr__(self):
        return f"Temperature({self.celsius})"


def from_kelvin(k):
    print("from_kelvin", k, "in the child:", os.getpid() != PARENT)
    return Temperature(k - 273)


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def __reduce__(self):
        return (Account, (self.owner,), {"balance": self.balance, "audited": True})

    def __setstate__(self, state):
        print("__setstate__", sorted(state.items()))
        self.balance = state["balance"]
        self.audited = state["audited"]


def child(conn):
    t = conn.recv()
    print("child got", t)
    acc = conn.recv()
    print("child got", acc.owner, acc.balance, acc.audited)
    pair = conn.recv()
    print("one object twice:", pair[0] is pair[1])


PARENT = os.getpid()

if __name__ == "__main__":
    a, b = mp.Pipe()
    p = mp.Process(target=child, args=(b,))
    p.start()
    a.send(Temperature(21))
    a.send(Account("ann", 50))
    t = Temperature(5)
    a.send([t, t])
    p.join()
