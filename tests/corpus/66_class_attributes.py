# Class attributes shared by instances, shadowing, mutable class attributes.
class Config:
    debug = False
    tags = []
    count = 0
    def __init__(self, name):
        self.name = name
        Config.count += 1
    def enable(self):
        self.debug = True
a = Config("a")
b = Config("b")
a.enable()
print(a.debug, b.debug, Config.debug, Config.count, a.count)
a.tags.append("shared")
print(b.tags, Config.tags, a.tags is b.tags)
b.tags = ["own"]
print(a.tags, b.tags)
Config.debug = True
print(a.debug, b.debug)
c = Config("c")
print(c.debug, c.count, Config.count)
class Sub(Config):
    debug = "sub"
s = Sub("s")
print(s.debug, s.count, Config.count, Sub.count, Sub.tags)
print(hasattr(Config, "enable"), hasattr(a, "name"), hasattr(Config, "name"))
