from abc import ABC, abstractmethod


class Report(ABC):
    def render(self):
        return "\n".join([self.header(), *self.rows(), self.footer()])

    @abstractmethod
    def header(self):
        raise NotImplementedError

    @abstractmethod
    def rows(self):
        raise NotImplementedError

    def footer(self):
        return "-- end --"


class Sales(Report):
    def __init__(self, data):
        self.data = data

    def header(self):
        return "SALES"

    def rows(self):
        return [f"{k}: {v}" for k, v in self.data.items()]


print(Sales({"mon": 3, "tue": 5}).render())


class HeaderOnly(Report):
    def header(self):
        return "H"


for cls in (Report, HeaderOnly):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)


class Plugin(ABC):
    registry = []

    @classmethod
    @abstractmethod
    def name(cls):
        ...

    @staticmethod
    @abstractmethod
    def version():
        ...


class Good(Plugin):
    @classmethod
    def name(cls):
        return cls.__name__.lower()

    @staticmethod
    def version():
        return "1.0"


try:
    Plugin()
except TypeError as e:
    print("TypeError:", e)
g = Good()
print(g.name(), g.version(), isinstance(g, Plugin))


class NoAbstract(ABC):
    def hello(self):
        return "fine"


print(NoAbstract().hello(), type(NoAbstract).__name__)
