# typing.TypedDict's functional form, total=False.
from typing import TypedDict
Movie = TypedDict('Movie', {'name': str, 'year': int})
m = Movie(name='x', year=1)
print(m, type(m).__name__, Movie.__annotations__, sorted(Movie.__required_keys__), Movie.__total__)
Opt = TypedDict('Opt', {'a': int}, total=False)
print(sorted(Opt.__optional_keys__), sorted(Opt.__required_keys__), Opt.__total__, Opt(a=1), Movie.__name__)
class Point(TypedDict):
    x: int
    y: int
print(Point(x=1, y=2), sorted(Point.__required_keys__))
