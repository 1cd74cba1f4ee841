# Logger.findCaller as programs call it, and the caller fields of a record (%(filename)s,
# %(module)s, %(lineno)d, %(funcName)s) with stack_info. The directory of the program's path
# differs between checkouts, so it is cut off.
import logging
import sys

log = logging.getLogger("fc")
DIR = __file__[:-len("log10_findcaller_fields.py")]


def found(caller):
    path, lineno, func, sinfo = caller
    return path[len(DIR):], lineno, func, sinfo



def where(level=1):
    return log.findCaller(stacklevel=level)


def outer():
    return where(2)


print(found(log.findCaller()))
print(found(where()))
print(found(where(2)))
print(found(outer()))
print(found((lambda: log.findCaller())()))
print([log.findCaller()[1:3] for _ in "a"])
print(log.findCaller(stacklevel=20)[1:3])



class Local(logging.Formatter):
    def formatStack(self, stack_info):
        return stack_info.replace(DIR, "")


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(Local("%(filename)s|%(module)s|%(lineno)d|%(funcName)s|%(message)s"))
log.addHandler(handler)
log.propagate = False


def job():
    log.warning("in job", stack_info=True)
    log.warning("from job", stacklevel=2, stack_info=True)


job()
record = log.makeRecord("fc", logging.INFO, *log.findCaller()[:2], "msg", (), None,
                        func=log.findCaller()[2])
print(record.lineno, record.funcName, record.filename, record.module,
      record.pathname == DIR + record.filename)
