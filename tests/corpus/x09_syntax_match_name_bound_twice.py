# CPython's compiler refuses this match statement.
print('never printed')
match (1, 2):
    case (x, x):
        pass
