import re

text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness..."""
words = re.findall(r"[a-z']+", text.lower())
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(words), top)
print(re.split(r"[.,]+\s*", "one, two. three"))
print(len(re.findall(r"\bit\b", text, re.I)))
