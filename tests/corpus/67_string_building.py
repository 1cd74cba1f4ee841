# Building strings: accumulation, join, caesar cipher, run-length encoding.
def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))
def rle(s):
    if not s:
        return ""
    parts = []
    prev, n = s[0], 1
    for ch in s[1:]:
        if ch == prev:
            n += 1
        else:
            parts.append(f"{n}{prev}")
            prev, n = ch, 1
    parts.append(f"{n}{prev}")
    return "".join(parts)
print(rle("aaabccddddde"), repr(rle("")))
row = ""
for i in range(1, 6):
    row += str(i) * i + " "
print(row.rstrip())
box_w = 12
print("+" + "-" * box_w + "+")
print("|" + "title".center(box_w) + "|")
print("+" + "-" * box_w + "+")
print("\n".join([" " * (3 - i) + "*" * (2 * i + 1) for i in range(4)]))
