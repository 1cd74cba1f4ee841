# Comparisons, chained comparisons, mixed numeric types.
a, b, c = 1, 5, 10
print(a < b < c, a < b > c, a < c > b, 1 < 2 < 3 < 4, 3 > 2 > 2)
print(1 == 1.0 == True, 0 == False, 2 == True, "1" == 1)
print(1 < 2.5, -0.0 == 0.0, 1e3 == 1000)
x = 5
print(0 <= x < 10, 0 <= x < 5, x == 5 != 6)
print([1, 2] == [1, 2], [1, 2] != [2, 1], (1, [2]) == (1, [2]))
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {1, 2} == {2, 1})
print("abc" < "abd" < "b", "Z" < "a", "" < "a")
print(None == None, None == 0, None != False)
print(max(1, 2) == 2 and min(1, 2) == 1)
def f(v):
    print("eval", v)
    return v
print(f(1) < f(2) < f(0) < f(5))
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print(None < 1)
except TypeError as e:
    print("TypeError:", e)
print(float("nan") == float("nan"), float("inf") == float("inf"))
