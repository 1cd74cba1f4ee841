from enum import IntEnum, Flag, IntFlag, StrEnum, auto


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


print(Priority.HIGH, repr(Priority.LOW), Priority.HIGH > Priority.LOW, Priority.LOW == 1)
print(Priority.MEDIUM + 1, sorted([Priority.HIGH, Priority.LOW]), Priority(3))
print(int(Priority.MEDIUM), f"{Priority.LOW:03d}")
print(max(Priority), Priority.LOW < 2)


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw)
print(list(Perm), [p.value for p in Perm])
print(Perm(5), Perm(0), bool(Perm(0)), bool(rw))
print(rw & Perm.W, rw ^ Perm.R, list(rw))
print(repr(Perm), Perm.X.value)


class Mode(IntFlag):
    READ = 4
    WRITE = 2
    EXEC = 1


print(Mode.READ | Mode.WRITE, Mode.READ & 4, Mode.WRITE == 2, Mode.READ + 1)


class Http(StrEnum):
    GET = auto()
    POST = "POST"


print(Http.GET, repr(Http.GET), Http.POST == "POST", f"{Http.GET}!", Http("get"))
