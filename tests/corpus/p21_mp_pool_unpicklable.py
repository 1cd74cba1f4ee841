# What cannot be pickled: a lambda as the task fails in the parent; a result that cannot be sent
# comes back as MaybeEncodingError, and the worker lives on.
import multiprocessing
import multiprocessing.pool


def make_closure():
    return lambda: 42


def local_result(x):
    def inner():
        return x
    return inner


if __name__ == "__main__":
    errors = []
    with multiprocessing.Pool(1) as pool:
        for i in range(3):
            r = pool.apply_async(make_closure, error_callback=errors.append)
            try:
                r.get()
            except multiprocessing.pool.MaybeEncodingError as e:
                print(type(e).__name__, isinstance(e, Exception), e.__cause__)
                print(e.exc)
                print(len(e.args), e.args[0] == e.exc, e.args[0] == repr(e.exc))
        print(len(errors), all(isinstance(e, multiprocessing.pool.MaybeEncodingError) for e in errors))
        try:
            pool.map(local_result, [1, 2])
        except multiprocessing.pool.MaybeEncodingError as e:
            print("map:", e.exc)
            print(str(e).startswith("Error sending result: '[<function local_result.<locals>.inner at 0x"))
            print(repr(e).startswith("<MaybeEncodingError: Error sending result: '["))
        print(pool.apply(abs, (-5,)))
    print("done")
