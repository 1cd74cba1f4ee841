# OSError as CPython 3.11 has it (PEP 3151): the errno picks the subclass, the arguments become
# errno, strerror, filename and filename2, and str() is made from those attributes.
import errno


def show(make):
    try:
        e = make()
    except BaseException as x:
        print("raised", type(x).__name__, x)
        return
    print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, e.filename2, "|", e)


show(lambda: OSError(errno.ENOENT, "No such file or directory"))
show(lambda: OSError(errno.ENOENT, "No such file or directory", "notes.txt"))
show(lambda: OSError(errno.EXDEV, "Invalid cross-device link", "a", None, "b"))
show(lambda: OSError(errno.EPIPE, "Broken pipe"))
show(lambda: OSError(errno.ESHUTDOWN, "down"))
show(lambda: OSError(errno.ECONNREFUSED, "Connection refused"))
show(lambda: OSError(errno.ECONNRESET, "reset"))
show(lambda: OSError(errno.ECONNABORTED, "aborted"))
show(lambda: OSError(errno.EAGAIN, "again"))
show(lambda: OSError(errno.EINPROGRESS, "in progress"))
show(lambda: OSError(errno.ECHILD, "No child processes"))
show(lambda: OSError(errno.EEXIST, "File exists"))
show(lambda: OSError(errno.EISDIR, "dir"))
show(lambda: OSError(errno.ENOTDIR, "not dir"))
show(lambda: OSError(errno.EINTR, "interrupted"))
show(lambda: OSError(errno.EACCES, "denied"))
show(lambda: OSError(errno.EPERM, "not permitted"))
show(lambda: OSError(errno.ESRCH, "No such process"))
show(lambda: OSError(errno.ETIMEDOUT, "timed out"))
show(lambda: OSError(errno.EINVAL, "Invalid argument"))
show(lambda: OSError(2))
show(lambda: OSError("plain words"))
show(lambda: OSError())
show(lambda: OSError("x", "y"))
show(lambda: OSError(None, "y"))
show(lambda: OSError(1, 2, 3))
show(lambda: OSError(2, "nf", "f", None, "g", 6))
show(lambda: FileNotFoundError(13, "subclass kept"))
show(lambda: PermissionError("just text"))

b = BlockingIOError(errno.EAGAIN, "again", 5)
print(type(b).__name__, b.args, b.characters_written, b.filename, b)

print(IOError is OSError, EnvironmentError is OSError)
print([issubclass(c, ConnectionError) for c in (BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError, BlockingIOError)])
print(BrokenPipeError.__mro__)
print(InterruptedError.__mro__[1].__name__, IsADirectoryError.__mro__[1].__name__)

e = OSError(2, "nf")
e.errno = 5
e.filename = "later.txt"
print(e, e.args)

print(OSError(1, "a").__reduce__())
print(OSError(1, "a", "f").__reduce__())
print(OSError(1, "a", "f", None, "g").__reduce__())


class Mine(OSError):
    pass


class Wrapped(OSError):
    def __init__(self, code):
        super().__init__(code, "wrapped")


print(type(Mine(2, "nf")).__name__, Mine(2, "nf").errno, Mine(2, "nf"))
w = Wrapped(7)
print(type(w).__name__, w.args, w.errno, w)

try:
    raise OSError(errno.ENOENT, "No such file or directory", "missing.txt")
except FileNotFoundError as caught:
    print("caught", type(caught).__name__, caught.filename)

try:
    raise ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")
except ConnectionError as caught:
    print("caught", caught.errno == errno.ECONNREFUSED, caught)

raise OSError(errno.ENOENT, "No such file or directory", "at the end.txt")
