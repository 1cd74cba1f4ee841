# classmethod and staticmethod through instances and subclasses.
class A:
    count = 0
    @classmethod
    def make(cls, n):
        return f"{cls.__name__}:{n}"
    @staticmethod
    def add(x, y):
        return x + y
    @classmethod
    def who(cls):
        return cls.__name__

class B(A):
    @classmethod
    def who(cls):
        return "B+" + super().who()

print(A.make(1), A().make(2), B.make(3), B().make(4))
print(A.add(1, 2), A().add(3, 4), B().add(5, 6))
print(A.who(), B.who(), B().who())
sm = A.__dict__['add']
cm = A.__dict__['make']
print(type(sm).__name__, type(cm).__name__)
print(sm.__func__(7, 8), cm.__func__(A, 9))
print(A.make.__self__ is A, B().make.__self__ is B)
print(callable(sm), callable(cm))
