# An instance's __dict__ is the namespace itself.
class P:
    def __init__(self):
        self.x = 1

p = P()
print(p.__dict__)
p.__dict__['y'] = 2
print(p.y)
p.z = 3
print(p.__dict__)
d = p.__dict__
del p.x
print(d)
d.clear()
print(hasattr(p, 'y'), p.__dict__)
p.__dict__.update(a=1, b=2)
print(p.a, p.b, sorted(vars(p)))
print(vars(p) == p.__dict__, type(p.__dict__).__name__)
