# sys.stdout.write returns the count of characters written; flush; sys.stderr.
import sys

n = sys.stdout.write("héllo\n")
print(n)
sys.stdout.flush()
sys.stderr.write("to stderr\n")
sys.stderr.flush()
print("done", file=sys.stdout)
print("also stderr", file=sys.stderr)
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
