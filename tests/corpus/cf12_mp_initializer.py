# initializer(*initargs) runs once in each worker before its first call.
import concurrent.futures
import time

GREETING = "unset"


def setup(word, punct):
    global GREETING
    GREETING = word + punct
    print(f"initializer ran: {GREETING}\n", end="")


def greet(name):
    return f"{GREETING} {name}"


def refuse():
    raise OSError("no setup today")


if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, initializer=setup,
                                                initargs=("hello", ",")) as ex:
        print(ex.submit(greet, "ada").result())
        print(list(ex.map(greet, ["bob", "cy"])))
    print("parent still has:", GREETING)
    try:
        concurrent.futures.ProcessPoolExecutor(initializer=42)
    except TypeError as e:
        print("TypeError:", e)
    ex = concurrent.futures.ProcessPoolExecutor(max_workers=1, initializer=refuse)
    f = ex.submit(greet, "dee")
    print(type(f.exception()).__name__)
    time.sleep(0.2)
    ex.shutdown()
