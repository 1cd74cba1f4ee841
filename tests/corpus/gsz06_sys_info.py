# What sys says about the interpreter: implementation (programs branch on its name), flags,
# hexversion agreeing with version_info, the recursion limit's getter and setter and its errors.
import sys
impl = sys.implementation
print(impl.name, impl.cache_tag, impl.version == sys.version_info, impl.hexversion == sys.hexversion)
print(type(impl).__name__, repr(impl).startswith("namespace(name='cpython', cache_tag='cpython-311'"))
print(sys.flags.debug, sys.flags.optimize, sys.flags.dev_mode, sys.flags.utf8_mode, sys.flags.int_max_str_digits)
print(type(sys.flags).__name__, len(sys.flags), sys.flags[0], sys.flags.safe_path)
v = sys.version_info
print(sys.hexversion >> 24, (sys.hexversion >> 16) & 0xFF, hex(sys.hexversion)[:6], v[:2], v.major)
if sys.implementation.name == "cpython":
    print("running as CPython")
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
for bad in [0, -5, "x"]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
