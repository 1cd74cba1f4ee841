# A class iterable through __iter__ returning a list iterator, used by for, list, sum, in.
class Playlist:
    def __init__(self, *songs):
        self.songs = list(songs)
    def __iter__(self):
        return iter(self.songs)
    def __len__(self):
        return len(self.songs)
    def __repr__(self):
        return f"Playlist({len(self)} songs)"
p = Playlist("intro", "verse", "chorus")
for i, song in enumerate(p):
    print(i, song)
print(list(p), sorted(p), "verse" in p, "bridge" in p)
print(", ".join(p), max(p, key=len), p)
class Numbers:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(list(range(self.n)))
print(sum(Numbers(5)), list(map(str, Numbers(3))), [x * 2 for x in Numbers(4)])
a, b, c = Numbers(3)
print(a, b, c, dict(zip(Numbers(2), p)))
