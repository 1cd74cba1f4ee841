# sys.exit with a message: printed on stderr, exit status 1.
import sys
print("about to fail")
sys.exit("fatal: configuration missing")
