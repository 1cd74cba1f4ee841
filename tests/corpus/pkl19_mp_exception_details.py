# What an exception keeps when it crosses: its class, args and attributes; not its cause or
# context (pickle leaves those behind).
import multiprocessing as mp


class AppError(Exception):
    pass


def child(conn):
    try:
        try:
            {}["missing"]
        except KeyError as inner:
            raise AppError("wrapped", 42) from inner
    except AppError as e:
        e.user = "ann"
        print("child: cause", repr(e.__cause__), "context", repr(e.__context__))
        conn.send(e)
    try:
        1 / 0
    except ZeroDivisionError as e:
        conn.send(e)
    conn.send(LookupError("no", "such", "thing"))
    conn.send(StopIteration(5))


if __name__ == "__main__":
    a, b = mp.Pipe()
    p = mp.Process(target=child, args=(b,))
    p.start()
    e = a.recv()
    print(repr(e), e.args, e.user, e.__cause__, e.__context__, e.__suppress_context__)
    print(repr(a.recv()))
    e = a.recv()
    print(repr(e), str(e), e.args[1])
    e = a.recv()
    print(repr(e), e.value)
    p.join()
