# Changing a class after instances exist: every lookup sees it.
class A:
    def speak(self):
        return "A"

class B(A):
    pass

b = B()
results = []
for i in range(3):
    results.append(b.speak())
    if i == 0:
        A.speak = lambda self: "patched A"
    if i == 1:
        B.speak = lambda self: "B own"
print(results)
del B.speak
print(b.speak())
setattr(A, "extra", property(lambda self: "prop"))
print(b.extra)
B.__init__ = lambda self, v=0: setattr(self, "v", v)
print(B(7).v)
