# An uncaught exception: traceback on stderr, exit status 1, stdout kept.
def ratio(a, b):
    return a / b

def report(values):
    for v in values:
        print("ratio", ratio(10, v))

print("start")
report([2, 5, 0, 1])
print("never printed")
