# The warnings module as CPython 3.11's: the default filters (DeprecationWarning shown only
# from __main__), stacklevel (past the top: sys:1), once/default/always/ignore/error actions,
# catch_warnings(record=True), filterwarnings by message, formatwarning, a bad category.
import warnings

def old_api(x):
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return x

def helper():
    warnings.warn("careful")

for i in range(3):
    helper()
    old_api(i)
warnings.warn("top level", RuntimeWarning)
warnings.warn("past the top", UserWarning, stacklevel=5)
warnings.warn(FutureWarning("an instance"))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    helper()
    helper()
    warnings.warn("x", PendingDeprecationWarning)
print(len(caught), [(w.category.__name__, str(w.message), w.lineno) for w in caught])
warnings.warn("pending", PendingDeprecationWarning)
warnings.filterwarnings("error", category=UserWarning)
try:
    helper()
except UserWarning as e:
    print("raised:", repr(e))
warnings.resetwarnings()
warnings.simplefilter("ignore")
helper()
warnings.simplefilter("once")
for i in range(2):
    warnings.warn("once only")
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="car")
    helper()
try:
    warnings.warn("bad", int)
except TypeError as e:
    print(e)
print(warnings.formatwarning("m", UserWarning, "f.py", 3, "  src line  "), end="")
print(warnings.filters[:1])
import random
random.seed(2)
warnings.resetwarnings()
print(random.randrange(1, 5))
