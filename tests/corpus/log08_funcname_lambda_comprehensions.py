# A record made inside a lambda, a comprehension or a generator expression names that frame
# (CPython 3.11 runs each as a function of its own) and the line inside it.
import logging
import sys

logging.basicConfig(stream=sys.stdout,
                    format="%(funcName)s:%(lineno)d %(module)s %(filename)s %(message)s")
log = logging.getLogger("demo")

shout = lambda text: log.warning("lambda says %s", text)


def work():
    shout("hi")
    squares = [log.warning("listcomp %d", n) or n * n
               for n in range(2)]
    table = {n: log.warning("dictcomp %d", n) for n in range(1)}
    seen = {log.warning("setcomp") for _ in "a"}
    total = sum(log.warning("genexpr %d", n) or n
                for n in range(2))
    log.warning("back in work: %s %s %s %s", squares, table, seen, total)


work()
shout("from the module")
[log.error("module listcomp") for _ in "x"]
print(list(map(lambda n: log.warning("map lambda %d", n) or n, [7])))
log.warning("done")
