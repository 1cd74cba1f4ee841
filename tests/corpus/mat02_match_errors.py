# What a match statement raises at run time, as CPython 3.11 says it: a class pattern on
# something that is not a class, too many positional sub-patterns (with and without
# __match_args__), __match_args__ that is not a tuple, an attribute named twice, a duplicate key
# found at run time; and a missing attribute or a mapping too small, which are just no match.
class M:
    __match_args__ = ("v",)
    def __init__(self):
        self.v = 1

class L:
    __match_args__ = ["v"]

class N:
    pass

def run(label, f):
    try:
        print(label, "->", f())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)

def not_a_class():
    match 1:
        case len():
            return "matched"

def too_many():
    match M():
        case M(1, 2):
            return "matched"

def int_two():
    match 5:
        case int(1, 2):
            return "matched"

def none_declared():
    match N():
        case N(1):
            return "matched"

def list_match_args():
    match L():
        case L(1):
            return "matched"

def twice():
    match M():
        case M(1, v=1):
            return "matched"

class C:
    K = 1

def duplicate_key():
    match {1: 2, 3: 4}:
        case {1: _, C.K: _}:
            return "matched"

def fewer_items_than_keys():
    # No key is looked at (nor checked for duplicates) when the mapping is too small.
    match {1: 2}:
        case {1: _, C.K: _}:
            return "matched"

def missing_attribute():
    match N():
        case N(nothing=1):
            return "matched"
        case _:
            return "no match"

for f in (not_a_class, too_many, int_two, none_declared, list_match_args, twice, duplicate_key,
          fewer_items_than_keys, missing_attribute):
    run(f.__name__, f)

def uncaught():
    match M():
        case M(1, 2, 3):
            pass

uncaught()
