# A group of more than 15 exceptions: CPython draws the first 15 boxes and says how many more.
raise ExceptionGroup('wide', [ValueError(i) for i in range(17)])
