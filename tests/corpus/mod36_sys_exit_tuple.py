# sys.exit((5,)): the tuple is the exit code itself, so it is printed and the status is 1.
import sys

print("before")
sys.exit((5,))
