# Survey of typing: each line is a name and its result for sample inputs.
import typing
from typing import (Any, Callable, ClassVar, Dict, Final, Generic, Iterable, Iterator, List,
                    Literal, NamedTuple, Optional, Protocol, Sequence, Set, Tuple, TypedDict,
                    TypeVar, Union, cast, get_args, get_origin, overload, final, Mapping,
                    Generator)

T = TypeVar("T")
print("List", List, List[int], "Dict", Dict[str, int], "Set", Set[T])
print("Optional", Optional[str], "Union", Union[int, str], Union[int, None], Union[int])
print("Callable", Callable[[int, str], bool], Callable[..., Any])
print("Tuple", Tuple[int, ...], Tuple[()], "Literal", Literal["a", 1])
print("ClassVar", ClassVar[int], "Final", Final[str], "Any", Any, "TypeVar", T)
print("abstract", Iterable[int], Iterator[str], Sequence[float], Mapping[str, int],
      Generator[int, None, None])
print("get_origin", get_origin(List[int]), get_origin(Optional[int]), get_origin(int))
print("get_args", get_args(Dict[str, int]), get_args(Callable[[int], str]), get_args(int))
print("cast", cast(int, "s"), "final", final(len) is len)


class Pt(NamedTuple):
    x: int
    y: int = 0


class TD(TypedDict):
    k: str


class G(Generic[T]):
    pass


print("NamedTuple", Pt(1), Pt(1, 2)._asdict(), Pt._fields, tuple(Pt(3, 4)))
print("TypedDict", TD(k="v"), "Generic", G[int], G.__mro__[1])
for name in ["Any", "Callable", "ClassVar", "Dict", "Final", "Generic", "List", "Literal",
             "NamedTuple", "Optional", "Protocol", "Set", "Tuple", "TypedDict", "TypeVar",
             "Union", "cast", "overload", "final", "Iterable", "Iterator", "Generator",
             "Sequence", "Mapping", "TYPE_CHECKING", "get_type_hints", "NewType"]:
    print("has", name, hasattr(typing, name))
