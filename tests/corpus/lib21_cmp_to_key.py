from functools import cmp_to_key

def compare(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    if a < b:
        return -1
    return 1 if a > b else 0

words = ['pear', 'fig', 'apple', 'kiwi', 'date']
print(sorted(words, key=cmp_to_key(compare)))
print(sorted(words, key=cmp_to_key(compare), reverse=True))
print(max(words, key=cmp_to_key(compare)), min(words, key=cmp_to_key(compare)))
def largest_number(nums):
    as_str = [str(n) for n in nums]
    as_str.sort(key=cmp_to_key(lambda a, b: (b + a > a + b) - (b + a < a + b)))
    return ''.join(as_str)
print(largest_number([3, 30, 34, 5, 9]))
