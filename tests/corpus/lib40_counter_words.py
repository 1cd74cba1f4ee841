from collections import Counter, defaultdict

text = """it was the best of times it was the worst of times
it was the age of wisdom it was the age of foolishness"""
words = text.split()
freq = Counter(words)
print(freq.most_common(4))
print(freq['was'], freq['never'], len(freq), freq.total())
first_letter = defaultdict(list)
for w in sorted(set(words)):
    first_letter[w[0]].append(w)
print(dict(first_letter))
lines = [Counter(line.split()) for line in text.splitlines()]
print(lines[0] & lines[1])
print(sorted((lines[0] - lines[1]).items()))
