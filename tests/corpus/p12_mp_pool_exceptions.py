# A task's exception reaches get() with its own type, arguments and attributes.
import multiprocessing
import multiprocessing.pool


class BadInput(Exception):
    pass


def check(x):
    if x == 1:
        raise BadInput("bad", x)
    if x == 2:
        return {}["missing"]
    if x == 3:
        return int("nope")
    if x == 4:
        assert x < 0, "must be negative"
    return x


if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        for x in range(6):
            try:
                print("ok", pool.apply(check, (x,)))
            except Exception as e:
                print(type(e).__name__, e.args, isinstance(e.__cause__, multiprocessing.pool.RemoteTraceback))
        try:
            pool.apply(check, (1,))
        except BadInput as e:
            tb = e.__cause__.tb
            print('raise BadInput("bad", x)' in tb, "in check" in tb)
            print(tb.strip().splitlines()[-2])
    print("done")
