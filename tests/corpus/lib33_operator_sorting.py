from operator import itemgetter, attrgetter

rows = [('ann', 'eng', 30), ('bo', 'ops', 25), ('cy', 'eng', 25), ('di', 'ops', 35)]
print(sorted(rows, key=itemgetter(2)))
print(sorted(rows, key=itemgetter(1, 2)))
print(max(rows, key=itemgetter(2))[0], min(rows, key=itemgetter(2))[0])
class Player:
    def __init__(self, name, score):
        self.name, self.score = name, score
    def __repr__(self):
        return f'{self.name}:{self.score}'
players = [Player('x', 3), Player('y', 9), Player('z', 3)]
print(sorted(players, key=attrgetter('score', 'name'), reverse=True))
print(list(map(itemgetter(0), rows)))
