# An error inside a generator expression shows its frame, <genexpr>, under the caller's.
def mean_inverse(values):
    return sum(1 / v for v in values) / len(values)


print(mean_inverse([1, 2, 4]))
print(mean_inverse([1, 0]))
