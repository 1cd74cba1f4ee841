from dataclasses import dataclass, field, fields


@dataclass
class Animal:
    name: str
    sound: str = "..."

    def speak(self):
        return f"{self.name} says {self.sound}"


@dataclass
class Dog(Animal):
    sound: str = "woof"
    tricks: list = field(default_factory=list)


d = Dog("rex")
print(d)
print(d.speak())
print([f.name for f in fields(Dog)])
print(isinstance(d, Animal), Dog("a") == Animal("a", "woof"))


@dataclass
class Base:
    x: int = 0


try:
    @dataclass
    class Child(Base):
        y: int
except TypeError as e:
    print("TypeError:", e)


@dataclass(frozen=True)
class FBase:
    x: int


try:
    @dataclass
    class Thawed(FBase):
        y: int = 0
except TypeError as e:
    print("TypeError:", e)
