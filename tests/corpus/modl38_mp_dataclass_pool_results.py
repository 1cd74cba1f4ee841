from dataclasses import dataclass, field, asdict
from multiprocessing import Pool


@dataclass(order=True)
class Score:
    points: int
    player: str = field(compare=False)


@dataclass
class Game:
    name: str
    scores: list = field(default_factory=list)

    def best(self):
        return max(self.scores)


def play(args):
    name, seed = args
    return Game(name, [Score((seed * k) % 17, f"p{k}") for k in range(1, 4)])


def best_of(game):
    return game.best()


if __name__ == "__main__":
    with Pool(2) as pool:
        games = pool.map(play, [("chess", 5), ("go", 7), ("draughts", 11)])
        bests = pool.map(best_of, games)
        dicts = pool.map(asdict, games[:1])
    for g, b in zip(games, bests):
        print(g.name, sorted(g.scores), "best:", b)
    print(dicts)
    print(max(bests), bests == [g.best() for g in games])
