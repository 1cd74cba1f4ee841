# logging imported late, inside functions already running: a record names the frames that were
# live at the import (funcName, lineno, stacklevel reaching past the importing function), and
# frames entered after it.
import sys


def report(message, level):
    import logging

    logging.getLogger("late").warning(message, stacklevel=level)


def setup():
    import logging

    logging.basicConfig(
        stream=sys.stdout, format="%(funcName)s:%(lineno)d %(message)s"
    )
    logging.warning("inside setup")
    logging.warning("setup's caller", stacklevel=2)
    logging.warning("past the outermost", stacklevel=9)


def outer():
    total = sum([1, 2])
    middle(total)


def middle(total):
    setup()
    report("report itself", 1)
    report("report's caller", 2)
    report("two out", 3)
    report("three out", 4)
    [report("from a listcomp", 2) for _ in "a"]
    return total


outer()
report("at the module", 2)
