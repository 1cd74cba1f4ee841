# stacklevel: a logging helper of the program's own names its caller (2), or its caller's
# caller (3); past the outermost frame the record names the outermost frame.
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(funcName)s:%(lineno)d %(message)s")
log = logging.getLogger("app")


def audit(message):
    log.warning(message, stacklevel=2)


def audit_deep(message):
    log.warning(message, stacklevel=3)


def inner(message):
    audit_deep(message)


def handler():
    audit("handled")
    inner("two levels up")
    audit("again " + str(compute()))
    log.warning("own line", stacklevel=1)


def compute():
    x = 1
    return x + 1


handler()
audit("at the module")
log.warning("far out", stacklevel=50)
log.info("not shown", stacklevel=2)
fn = lambda: audit("from a lambda")
fn()
[audit("from a listcomp") for _ in "a"]
logging.warning("root helper-less %s", "call")
