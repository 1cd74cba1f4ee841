import copy

class Player:
    def __init__(self, name, items):
        self.name = name
        self.items = items
    def __repr__(self):
        return f'Player({self.name!r}, {self.items!r})'

hero = Player('hero', ['sword'])
clone = copy.copy(hero)
twin = copy.deepcopy(hero)
hero.items.append('shield')
hero.name = 'renamed'
print(hero, clone, twin, type(twin).__name__, clone is hero)

class Tracked:
    def __init__(self, value):
        self.value = value
    def __copy__(self):
        print('making a shallow copy')
        return Tracked(self.value)
    def __deepcopy__(self, memo):
        print('making a deep copy')
        return Tracked(copy.deepcopy(self.value, memo))
t = Tracked([1])
print(copy.copy(t).value is t.value, copy.deepcopy(t).value is t.value)
print(issubclass(copy.Error, Exception))
