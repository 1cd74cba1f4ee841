# A proxy: __getattr__ delegates reads, __setattr__ guards writes.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append(name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(f"{name} is private")
        setattr(self._target, name, value)

class Target:
    def __init__(self):
        self.size = 3
    def grow(self, n):
        self.size += n
        return self.size

p = Proxy(Target())
print(p.size, p.grow(2), p.size)
p.size = 10
print(p._target.size, p._log)
try:
    p._secret = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
