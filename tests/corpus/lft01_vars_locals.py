# vars() and locals() without an argument: the running frame's variables.
def f(a, b=2, *args, **kw):
    c = 3
    print(sorted(vars().items()))
    print(sorted(locals()))
    d = 4
    print(sorted(locals()))
    return locals()


print(sorted(f(1, 5, 6, x=7).items()))


def outer():
    x = 10
    y = 20

    def inner():
        z = x + 1
        return locals()
    print(sorted(inner().items()))
    print(sorted(locals()))


outer()


def not_yet():
    before = locals()
    late = 1
    return before


print(not_yet())


class Box:
    size = 3
    names = sorted(k for k in list(locals()) if not k.startswith('__'))
    print('class body:', names, locals()['size'])


top = 'module'
print('top' in locals(), 'top' in vars(), locals()['top'], vars() == globals())


def snapshot():
    v = 1
    d = locals()
    d['v'] = 99
    return v, d['v']


print(snapshot())


def shadow():
    vars = lambda: 'mine'
    return vars()


print(shadow())
try:
    vars(1, 2)
except TypeError as e:
    print(e)
try:
    vars(5)
except TypeError as e:
    print(e)
