# atexit callbacks run after sys.exit() and after an uncaught exception (its traceback first),
# with sys.exit's code kept.
import atexit, sys

atexit.register(print, "callback ran")
print("before")
sys.exit(3)
