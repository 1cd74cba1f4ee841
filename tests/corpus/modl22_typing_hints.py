from typing import List, Dict, Optional, Union, Callable, Tuple, Any, TypeVar, Literal, ClassVar, Set, Iterable, Sequence, Type, Final, get_origin, get_args, cast, NamedTuple, TypedDict, NewType
import typing
T = TypeVar('T')
class Foo: pass
print(List, List[int], Dict[str, int], Optional[str], Union[int, str], Union[int], Optional[Union[int, str]])
print(Callable[[int], str], Callable[..., int], Tuple[int, ...], Tuple[()], Any, T, Literal['a', 1], ClassVar[int])
print(List[Foo], Set[T], Iterable[int], Sequence, Type[Foo], Union[int, None], Final[int])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[int]))
print(Optional[int] == Union[int, None], List[int] == List[int])
print(cast(int, 'x'), TypeVar('U', bound=int), TypeVar('K', int, str))
class P(NamedTuple):
    x: int
    y: float = 0.0
p = P(1)
print(p, p.x, p[1], p == (1, 0.0), p._asdict(), p._replace(x=5), P._fields, P._field_defaults, len(p))
a, b = p
print(a, b, tuple(p), list(p))
try: p.x = 3
except AttributeError as e: print(e)
try: P()
except TypeError as e: print(e)
class M(TypedDict):
    name: str
    year: int
m = M(name='x', year=1)
print(m, type(m))
UserId = NewType('UserId', int)
print(UserId(5), UserId)
