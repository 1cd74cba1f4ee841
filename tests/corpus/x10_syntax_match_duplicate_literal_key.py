# CPython's compiler refuses this match statement.
print('never printed')
match {}:
    case {'a': 1, 'a': 2}:
        pass
