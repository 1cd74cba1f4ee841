# operator.call (new in 3.11) and operator.imatmul: both listed in dir(operator) as CPython has them, so
# a manager's proxy of the module exposes them too.
import operator
print(operator.call(max, 3, 9, key=lambda v: -v))
class M:
    def __init__(self, v): self.v = v
    def __matmul__(self, o): return M(self.v * o.v)
    def __imatmul__(self, o):
        self.v += o.v
        return self
a = M(2)
print(operator.imatmul(a, M(5)).v, operator.matmul(M(3), M(4)).v)
print(sorted(n for n in dir(operator) if not n.startswith('_'))[:12])
