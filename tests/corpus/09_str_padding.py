# center, ljust, rjust, zfill, expandtabs-free padding.
print("[" + "hi".center(10) + "]")
print("[" + "hi".center(9, "*") + "]")
print("[" + "odd".center(8, "-") + "]")
print("[" + "left".ljust(8) + "]", "[" + "right".rjust(8) + "]")
print("[" + "l".ljust(5, ".") + "]", "[" + "r".rjust(5, "0") + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "3.14".zfill(7))
print("[" + "toolong".center(3) + "]", "[" + "x".ljust(0) + "]")
for name, score in [("ann", 9), ("bob", 10), ("christine", 7)]:
    print(name.ljust(10) + str(score).rjust(4))
