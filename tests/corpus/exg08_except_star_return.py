# CPython refuses break, continue and return leaving an except* clause when it compiles the
# program (a loop or a function inside the clause may have its own): nothing runs.
print('never printed')


def f():
    try:
        pass
    except* ValueError:
        for i in range(3):
            if i:
                break
        def g():
            return 1
        return 2


f()
