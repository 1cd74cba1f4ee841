from dataclasses import dataclass, field


@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)

    def __post_init__(self):
        if self.w < 0 or self.h < 0:
            raise ValueError(f"negative side: {self.w} x {self.h}")
        self.area = self.w * self.h


print(Rect(2, 3))
print(Rect(1.5, 2).area)
try:
    Rect(-1, 2)
except ValueError as e:
    print("ValueError:", e)


@dataclass
class Temp:
    celsius: float

    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32

    def warmer(self, by):
        return Temp(self.celsius + by)


t = Temp(20)
print(t.fahrenheit, t.warmer(5))
