# Strings: indexing, slicing, len, in, concatenation, repetition, comparison.
s = "Hello, World"
print(s[0], s[-1], s[7:], s[:5], s[-5:-1])
print(s[::2], s[::-1], s[1:10:3], s[10:1:-2])
print(len(s), len(""), len("héllo"))
print("World" in s, "world" in s, "" in s, "xyz" not in s)
print("ab" + "cd", "ab" * 3, 3 * "-", "x" * 0)
print("apple" < "banana", "Apple" < "apple", "abc" < "abd", "ab" < "abc")
print("a" == "a", "a" != "b", "10" < "9")
t = "héllo wörld"
print(t.upper(), t[1], t[-1], len(t))
print(s[100:], s[-100:3], s[5:2])
print("tab\there", "new\\nline")
word = "level"
print(word == word[::-1])
print("".join(reversed("stressed")))
for ch in "abc":
    print(ch, ord(ch), end="; ")
print()
print(str(123)[::-1], "%" in "100%")
