# __reduce_ex__ is asked first, with the pickle protocol multiprocessing uses (4), and wins over
# __reduce__; what they return is checked, with pickle's own errors.
import multiprocessing as mp


class Both:
    def __reduce_ex__(self, protocol):
        print("__reduce_ex__ called with protocol", protocol)
        return (str, ("made by __reduce_ex__",))

    def __reduce__(self):
        print("__reduce__ is not called")
        return (str, ("made by __reduce__",))


class Bad:
    def __init__(self, result):
        self.result = result

    def __reduce__(self):
        return self.result


def helper():
    return "helper"


if __name__ == "__main__":
    a, b = mp.Pipe()
    a.send(Both())
    print(b.recv())
    for result in [5, (helper,), (helper, (), None, None, None, None, None), (5, ()), (helper, [1])]:
        try:
            a.send(Bad(result))
        except Exception as e:
            print(type(e).__name__, e)
    a.send(Bad((helper, ())))
    print(b.recv())
    a.send(Bad((list, ((1, 2),), None, iter([3, 4]))))
    print(b.recv())
    a.send(Bad((dict, (), None, None, iter([("k", "v")]))))
    print(b.recv())
