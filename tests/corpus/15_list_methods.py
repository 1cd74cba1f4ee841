# list methods.
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.insert(0, 2)
a.insert(100, 6)
a.insert(-1, 0)
print(a)
a.remove(1)
print(a, a.pop(), a.pop(0), a)
print(a.index(4), a.count(1), a.count(42))
b = a.copy()
b.reverse()
print(a, b)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.clear()
print(a, len(a))
try:
    a.pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].index(3)
except ValueError as e:
    print("ValueError:", e)
c = [0] * 3 + [1, 2]
print(c, [1, 2] * 2, [] * 5)
grid = [[0] * 2] * 2
grid[0][0] = 9
print(grid)
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 9
print(grid)
alias = c
alias.append("x")
print(c, alias is c, c == c.copy(), c is c.copy())
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2])
nums = [5, 2, 8]
nums += [1]
print(nums, len(nums), sum(nums), sorted(nums), nums)
