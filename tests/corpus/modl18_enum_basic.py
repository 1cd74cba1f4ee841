from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

    def describe(self):
        return f"{self.name.lower()} is #{self.value}"

    @property
    def warm(self):
        return self is Color.RED


print(Color.RED, repr(Color.GREEN), Color)
print(Color.RED.name, Color.RED.value, Color.BLUE.describe(), Color.RED.warm)
print(Color(2), Color["BLUE"], Color(2) is Color.GREEN)
print(list(Color), len(Color))
for c in Color:
    print(c.name, c.value)
print(Color.RED in Color, Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE)
print(isinstance(Color.RED, Color), type(Color.RED).__name__)
print(f"{Color.RED}", str(Color.GREEN), [c.name for c in reversed(Color)])
print(Color.__members__)
d = {Color.RED: "stop", Color.GREEN: "go"}
print(d[Color.GREEN], sorted(c.value for c in Color))
try:
    Color(4)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError:", e)
