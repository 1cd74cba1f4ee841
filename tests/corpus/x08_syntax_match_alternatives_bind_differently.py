# CPython's compiler refuses this match statement.
print('never printed')
match [1]:
    case [x] | (y):
        pass
