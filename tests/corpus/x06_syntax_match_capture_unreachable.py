# CPython's compiler refuses this match statement.
print('never printed')
def f(v):
    match v:
        case x:
            return x
        case 2:
            return 2
