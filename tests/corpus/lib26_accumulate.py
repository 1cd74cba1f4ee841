from itertools import accumulate
import operator

print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2], max)))
print(list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([10, -3, -4], initial=100)))
print(list(accumulate([], initial=7)), list(accumulate([])))
balance = list(accumulate([100, -20, 50, -80], lambda bal, tx: bal + tx))
print(balance)
print(list(accumulate(['a', 'b', 'c'])))
