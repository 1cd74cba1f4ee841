# pickle and the copies between processes agree: bytes made by pickle.dumps go through a Pipe and
# load in the child with their shared references; what pickle refuses, a Queue refuses with the
# same error, and the error classes are the same.
import multiprocessing as mp
import pickle


def child(conn):
    data = conn.recv_bytes()
    obj = pickle.loads(data)
    print('child:', obj, obj[0] is obj[1])
    conn.send(pickle.dumps(obj, 2))


def nested():
    return lambda: 1


if __name__ == '__main__':
    a, b = mp.Pipe()
    p = mp.Process(target=child, args=(b,))
    p.start()
    x = {'k': [1, 2]}
    a.send_bytes(pickle.dumps([x, x]))
    back = pickle.loads(a.recv())
    print('parent:', back, back[0] is back[1])
    p.join()
    for bad in (nested(), mp.Lock()):
        try:
            pickle.dumps(bad)
        except Exception as e:
            e1 = e
        try:
            a.send(bad)
        except Exception as e:
            e2 = e
        print(type(e1) is type(e2), type(e1).__name__, str(e1) == str(e2))
