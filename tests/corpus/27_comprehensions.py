# List, dict and set comprehensions with conditions and nested loops.
print([n * n for n in range(6)])
print([n for n in range(20) if n % 3 == 0 if n % 2 == 0])
print([(i, j) for i in range(3) for j in range(3) if i != j])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
print({w: len(w) for w in ["a", "bb", "ccc"]})
print({k: v for k, v in zip("abc", range(3)) if v})
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(by_letter)
n = 100
print([n for n in range(3)], n)
print([s.strip().upper() for s in " a , b ,c ".split(",")])
print([i for i in range(10)][::3])
