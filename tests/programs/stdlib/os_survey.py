# A survey of os: the process identity and the separators.
import os

print("getpid", type(os.getpid()).__name__, os.getpid() > 0)
print("getppid", type(os.getppid()).__name__, os.getppid() != os.getpid())
print("cpu_count", os.cpu_count() >= 1)
print("sep", os.sep, "linesep", repr(os.linesep), "name", os.name)
