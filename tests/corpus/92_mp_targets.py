# Targets can be functions, lambdas, closures, bound methods; args and kwargs are passed through.
from multiprocessing import Process


def describe(*args, **kwargs):
    print("args", args, "kwargs", kwargs)


class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, who):
        print(self.greeting, who)


def make_task(prefix):
    def task(x):
        print(prefix, x * 2)
    return task


if __name__ == "__main__":
    runs = [
        Process(target=describe),
        Process(target=describe, args=[1, 2]),
        Process(target=describe, args=("a",), kwargs={"k": [1, 2]}),
        Process(target=lambda: print("from a lambda")),
        Process(target=make_task("closure says"), args=(21,)),
        Process(target=Greeter("hello").greet, args=("bound method",)),
        Process(),
    ]
    for p in runs:
        p.start()
        p.join()
    print("exitcodes", [p.exitcode for p in runs])
