# SystemExit carries the code; catching it shows what sys.exit was given.
import sys

for arg in [None, 0, 3, "msg", True, (1, 2), [4], 2**70]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg)[:12], repr(e.code)[:12], e.args[:1] == (arg,))
try:
    sys.exit()
except SystemExit as e:
    print(e.code, e.args)
try:
    sys.exit(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
sys.exit(2**70)
