# sys.exit("text") prints the text to stderr and exits with status 1; finally blocks run first.
import sys

try:
    print("working")
    sys.exit("stopped: no more work")
finally:
    print("cleanup")
