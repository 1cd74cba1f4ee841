# for/while with else, break and continue, nested loops.
for n in range(2, 12):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
for x in []:
    print("never")
else:
    print("empty for: else runs")
i = 0
while i < 3:
    i += 1
else:
    print("while ended normally at", i)
while True:
    i += 1
    if i == 6:
        break
else:
    print("not printed")
print("broke at", i)
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            found = (row, v)
            break
    if found:
        break
print(found)
count = 0
while count < 10:
    count += 1
    if count % 3:
        continue
    print("multiple of 3:", count)
for ch in "ab":
    for num in range(2):
        print(ch + str(num), end=" ")
print()
for i in range(3):
    pass
print("loop var after loop:", i)
