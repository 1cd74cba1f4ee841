# Default arguments, keyword arguments, keyword-only arguments.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cid", punct="?"))
print(greet(punct=".", name="Dee", greeting="Bye"))
def append_to(x, bucket=[]):
    bucket.append(x)
    return bucket
print(append_to(1), append_to(2))
def append_fixed(x, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(x)
    return bucket
print(append_fixed(1), append_fixed(2))
def kwonly(a, *, b, c=3):
    return a + b + c
print(kwonly(1, b=2), kwonly(1, c=10, b=2))
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    greet()
except TypeError as e:
    print("TypeError:", e)
try:
    greet("a", "b", "c", "d")
except TypeError as e:
    print("TypeError:", e)
try:
    greet("a", nme="b")
except TypeError as e:
    print("TypeError:", e)
try:
    greet("a", name="b")
except TypeError as e:
    print("TypeError:", e)
def default_eval(x=len("abc")):
    return x
print(default_eval(), default_eval(0))
