# Inheritance, method overriding and zero-argument super().
class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0
    def describe(self):
        return f"{self.name} with area {self.area()}"
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"
    def describe(self):
        return "a " + super().describe()
shapes = [Shape("blob"), Rect(2, 3), Square(4)]
for s in shapes:
    print(s.describe())
sq = shapes[2]
print(isinstance(sq, Rect), isinstance(sq, Shape), type(sq).__name__, sq.w)
class Base:
    def hello(self):
        return "base hello"
class Mid(Base):
    def hello(self):
        return "mid -> " + super().hello()
class Leaf(Mid):
    def hello(self):
        return "leaf -> " + super().hello()
print(Leaf().hello())
class NoInit(Rect):
    pass
print(NoInit(5, 6).area())
class A:
    def who(self):
        return "A"
class B(A):
    pass
class C(B):
    def who(self):
        return "C+" + super().who()
print(C().who(), B().who())
