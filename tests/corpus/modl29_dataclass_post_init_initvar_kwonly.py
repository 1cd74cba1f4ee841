from dataclasses import dataclass, field, fields, KW_ONLY


@dataclass
class User:
    name: str
    email: str = ""
    tags: list = field(default_factory=lambda: ["new"])

    def __post_init__(self):
        self.name = self.name.strip().title()
        if not self.email:
            self.email = self.name.lower().replace(" ", ".") + "@example.org"


u = User("  ada lovelace ")
print(u)
print(User("bob", "b@x.org", []))


@dataclass
class Request:
    url: str
    _: KW_ONLY
    timeout: float = 1.0
    retries: int = 0


r = Request("/a", timeout=2.5)
print(r, [f.name for f in fields(r)])
try:
    Request("/b", 3.0)
except TypeError as e:
    print("TypeError:", e)


@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    depth: int


print(Opts(depth=2))
try:
    Opts()
except TypeError as e:
    print("TypeError:", e)
