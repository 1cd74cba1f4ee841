# A class derived from int: arithmetic, comparison, indexing and formatting use the number.
class Level(int):
    def describe(self):
        return "high" if self > 5 else "low"


lv = Level(7)
print(lv, repr(lv), str(lv), lv.describe(), Level(2).describe())
print(lv + 1, 1 + lv, lv * 2, lv - 10, lv // 2, lv % 4, lv ** 2, -lv, abs(Level(-3)))
print(lv > 3, lv == 7, 7 == lv, lv < Level(8), hash(lv) == hash(7), {7: "seven"}[lv])
print(["a", "b", "c", "d", "e", "f", "g", "h"][lv], range(10)[lv], list(range(lv))[-1])
print(int(lv), float(lv), bool(Level(0)), bool(lv))
print(f"{lv:>4}|{lv:04d}|{lv:x}", "%d and %s" % (lv, lv), format(lv, "b"))
print(round(lv), divmod(lv, 2), pow(lv, 2), hex(lv), lv.bit_length())
print(isinstance(lv, int), type(lv + 1).__name__, type(lv).__name__)
print(sorted([Level(3), 1, Level(2)]), sum([Level(1), Level(2)]), max(Level(4), 3))
