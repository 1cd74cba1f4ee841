# CPython's compiler refuses this match statement.
print('never printed')
class P:
    pass
match P():
    case P(x=1, x=2):
        pass
