# contextlib.contextmanager with exceptions, ContextDecorator, ExitStack callbacks and push.
from contextlib import contextmanager, ExitStack, suppress, closing, AbstractContextManager, ContextDecorator
@contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    except ValueError as e:
        print('caught', e)
    finally:
        print(f'</{name}>')
with tag('a') as t: print(t)
with tag('b'): raise ValueError('boom')
try:
    with tag('c'): raise KeyError('k')
except KeyError as e: print('outer', e)
class mydeco(ContextDecorator):
    def __enter__(self): print('enter'); return self
    def __exit__(self, *exc): print('exit', exc[0]); return False
@mydeco()
def work(): print('working')
work()
with ExitStack() as stack:
    for i in range(3): stack.callback(print, 'cleanup', i)
    stack.push(lambda *exc: print('push saw', exc[0]) or False)
@contextmanager
def bad():
    yield 1
    yield 2
try:
    with bad(): pass
except RuntimeError as e: print(e)
class Res:
    def close(self): print('closed')
with closing(Res()): print('using')
with suppress(ZeroDivisionError): 1 / 0; print('not here')
print('done')
