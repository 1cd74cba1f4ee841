from functools import wraps, update_wrapper

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """The wrapper's own doc."""
        result = func(*args, **kwargs)
        print(f'{func.__name__}{args} -> {result}')
        return result
    return wrapper

@logged
def add(a, b):
    """Add two numbers."""
    return a + b

add(2, 3)
print(add.__name__, add.__doc__, add.__qualname__, add.__module__)
print(add.__wrapped__(10, 20))

def counted(func):
    def inner(*args):
        inner.calls += 1
        return func(*args)
    inner.calls = 0
    return update_wrapper(inner, func)

@counted
def hello():
    return 'hi'
hello()
hello()
print(hello.__name__, hello.calls)
