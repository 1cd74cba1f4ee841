# __eq__ and __lt__: equality, sorting, min/max of user objects.
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __repr__(self):
        return f"v{self.major}.{self.minor}"
vs = [Version(1, 10), Version(1, 2), Version(0, 9), Version(2, 0)]
print(sorted(vs), min(vs), max(vs))
print(Version(1, 2) == Version(1, 2), Version(1, 2) != Version(1, 3), Version(1, 2) < Version(1, 3))
print(Version(2, 0) > Version(1, 9))
print(Version(1, 2) in vs, vs.index(Version(2, 0)), vs.count(Version(1, 2)))
class Plain:
    pass
a = Plain()
print(a == a, a == Plain(), a != Plain())
vs.sort(reverse=True)
print(vs)
