# A bracket left open: CPython reports the bracket, not the line where it gave up.
from multiprocessing import Process

jobs = [Process(target=print, args=(i,)) for i in range(3)
for j in jobs:
    j.start()
