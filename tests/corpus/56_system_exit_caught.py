# SystemExit can be caught; its code; exit(0) and exit(None) end quietly.
import sys
for arg in [0, 2, None, "text"]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print("caught SystemExit", repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("no argument:", e.code)
print("still running")
sys.exit(0)
print("not reached")
