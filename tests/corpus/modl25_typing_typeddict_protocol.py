from typing import TypedDict, Protocol, overload, final, cast, Literal, Union, ClassVar, get_type_hints
from dataclasses import dataclass, fields


class Movie(TypedDict):
    title: str
    year: int


m = Movie(title="Alien", year=1979)
print(m, type(m).__name__, m["year"], Movie.__required_keys__ == {"title", "year"})


class Closable(Protocol):
    def close(self) -> None:
        ...


class Door:
    def close(self) -> None:
        print("door closed")


def shut(thing: Closable) -> None:
    thing.close()


shut(Door())


@overload
def double(x: int) -> int:
    ...


@overload
def double(x: str) -> str:
    ...


def double(x):
    return x * 2


print(double(2), double("ab"))


@final
class Leaf:
    pass


print(Leaf.__name__, cast(str, 42))
Mode = Literal["r", "w"]
print(Mode, Union[int, str, int])


@dataclass
class Config:
    name: str
    retries: int = 3
    registry: ClassVar[dict] = {}


print([f.name for f in fields(Config)], Config("x"), Config.registry)
print(get_type_hints(Config))
