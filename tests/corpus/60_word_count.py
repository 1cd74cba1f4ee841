# A small text-processing program: word and letter frequencies.
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in top[:5]:
    print(f"{word:<8}{n:>3} {'#' * n}")
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
common = sorted(letters, key=lambda c: (-letters[c], c))[:3]
print("most common letters:", ", ".join([f"{c}={letters[c]}" for c in common]))
print("distinct words:", len(set(words)), "of", len(words))
lines = text.splitlines()
print([len(l.split()) for l in lines])
longest = max(words, key=len)
print("longest:", longest, len(longest))
print(" ".join([w.capitalize() for w in lines[0].split()[:4]]))
