# Exception objects: str, repr, args, custom classes with attributes.
e = ValueError("bad value")
print(str(e), repr(e), e.args)
e2 = ValueError("two", 2)
print(str(e2), repr(e2), e2.args)
e3 = RuntimeError()
print(repr(str(e3)), repr(e3), e3.args)
k = KeyError("key")
print(str(k), repr(k))
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what, code=404):
        super().__init__(f"{what} not found")
        self.what = what
        self.code = code
try:
    raise NotFound("page")
except AppError as err:
    print(type(err).__name__, err, err.what, err.code, err.args, isinstance(err, Exception))
class Plain(Exception):
    def __str__(self):
        return "custom str"
try:
    raise Plain("ignored", 1)
except Plain as p:
    print(p, p.args, repr(p))
try:
    raise AppError
except AppError as a:
    print(repr(a), a.args, "[" + str(a) + "]")
errors = [ValueError("v"), TypeError("t"), NotFound("x")]
print([type(x).__name__ for x in errors], [str(x) for x in errors])
print(isinstance(NotFound("y"), AppError), issubclass(NotFound, Exception))
