from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product('ab', [0, 1])))
print(list(product([0, 1], repeat=2)), len(list(product(range(3), repeat=3))))
print(list(permutations('abc', 2)))
print(len(list(permutations(range(5)))), list(permutations([1, 2])))
print(list(combinations('abcd', 2)))
print(list(combinations(range(5), 4)), list(combinations('ab', 3)))
print(list(combinations_with_replacement('abc', 2)))
dice = [a + b for a, b in product(range(1, 7), repeat=2)]
print(dice.count(7), max(dice))
print(sum(1 for _ in combinations(range(20), 3)))
