# errno: CPython's constants and errorcode on Linux, matched against an OSError's errno from a
# closed Pipe.
import errno, multiprocessing
print(errno.ENOENT, errno.EAGAIN, errno.EWOULDBLOCK, errno.EPIPE, errno.errorcode[errno.EPIPE], errno.errorcode[11])
print(len(errno.errorcode), sorted(errno.errorcode)[:5])
r, w = multiprocessing.Pipe()
r.close()
try:
    w.send(1)
except OSError as e:
    print(type(e).__name__, e.errno == errno.EPIPE, errno.errorcode[e.errno])
