from collections import Counter

text = "the quick brown fox jumps over the lazy dog the fox"
words = Counter(text.split())
print(words.most_common(3))
print(words.most_common(1)[0])
print(words.most_common()[-2:])
print(words.most_common(0), words.most_common(-1))
letters = Counter(ch for ch in text if ch != ' ')
for letter, n in letters.most_common(4):
    print(f'{letter}: {"*" * n}')
