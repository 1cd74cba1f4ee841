# string.Formatter: str.format's machinery, overridable.
import string

f = string.Formatter()
print(f.format("{0} and {1!r:>6}", 1, "a"))
print(f.format("{name}: {value:.2f}", name="pi", value=3.14159))
print(f.format("{} {} {}", 1, 2, 3))
print(f.format("{0[1]} {0[key]} {1.real}", {1: 'one', 'key': 'k'}, 5))
print(f.format("{:{width}}|", "x", width=5))
print(f.vformat("{a}-{b}", (), {'a': 1, 'b': 2}))
print(list(f.parse("a{0}b{x!r:>5}c{{d}}")))
print(list(f.parse("")), list(f.parse("plain")))
print(f.get_field("0.real", (3,), {}))
print(f.get_field("a[0]", (), {'a': [9]}))
print(f.convert_field("x", "r"), f.convert_field("é", "a"), f.convert_field(3, "s"), f.convert_field(3, None))
print(f.format_field(3.5, ".2f"), f.format_field("x", "^5"))
print(f.get_value(0, ("v",), {}), f.get_value("k", (), {"k": "w"}))


class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()


print(Upper().format("{} {:>4}", "abc", "d"))


class Defaults(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, "<" + key + ">")
        return super().get_value(key, args, kwargs)


print(Defaults().format("{a} {b}", a=1))


class Strict(string.Formatter):
    def check_unused_args(self, used, args, kwargs):
        extra = set(kwargs) - used
        if extra:
            raise ValueError("unused: " + ", ".join(sorted(extra)))


try:
    Strict().format("{a}", a=1, b=2, c=3)
except ValueError as e:
    print(e)

for bad in ["{", "}", "a{0", "{0!}", "{0!rr}", "{0:{{}}", "{0[}", "{0!x}"]:
    try:
        print(f.format(bad, 1))
    except ValueError as e:
        print(repr(bad), e)
for bad in ["{0} {}", "{} {0}"]:
    try:
        f.format(bad, 1, 2)
    except ValueError as e:
        print(e)
try:
    f.format("{0.}", 1)
except ValueError as e:
    print(e)
try:
    f.format("{5}", 1)
except IndexError as e:
    print(e)
try:
    f.format("{missing}")
except KeyError as e:
    print(e)
try:
    f.format("{:{:{:{}}}}", 1, 2, 3, 4)
except ValueError as e:
    print(e)
