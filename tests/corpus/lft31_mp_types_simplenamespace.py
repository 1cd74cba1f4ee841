# types: SimpleNamespace (repr, equality, recursion, no positional argument, unhashable, a
# subclass, through a Pool and a Queue), the type names taken from values, new_class.
import types, multiprocessing
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1, 2]
print(ns, repr(ns), ns.a, vars(ns))
print(ns == types.SimpleNamespace(a=1, b="x", c=[1, 2]), ns != types.SimpleNamespace())
ns.me = ns
print(ns)
del ns.me
try:
    types.SimpleNamespace({"a": 1})
except TypeError as e:
    print("TypeError", e)
try:
    hash(ns)
except TypeError as e:
    print("TypeError", e)
class Config(types.SimpleNamespace):
    pass
print(Config(x=1), isinstance(Config(), types.SimpleNamespace))
print(types.SimpleNamespace, types.FunctionType, types.GeneratorType, types.MethodType, types.ModuleType)
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
C = types.new_class("C", (object,), {}, lambda ns: ns.update(x=5))
print(C.__name__, C.x)
def work(n):
    return types.SimpleNamespace(n=n, square=n * n)
if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        print(pool.map(work, [2, 3]))
    q = multiprocessing.Queue()
    q.put(ns)
    print(q.get())
