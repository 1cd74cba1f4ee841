# A survey of sys: what a program reads from it.
import sys

print("version_info", sys.version_info[:2], sys.version_info >= (3, 11), sys.version_info.major)
print("version", sys.version[:4])
print("platform", sys.platform, "byteorder", sys.byteorder, "maxsize", sys.maxsize)
print("float_info", sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print("int_info", sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits)
print("argv", [a.rsplit("/", 1)[-1] for a in sys.argv])
print("path", type(sys.path).__name__, "modules", "sys" in sys.modules)
print("getrecursionlimit", sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print("setrecursionlimit", sys.getrecursionlimit())
print("stdout.write", sys.stdout.write("written\n"))
sys.stdout.flush()
try:
    sys.exit("bye")
except SystemExit as e:
    print("exit", repr(e.code))
