# str.format: positional, numbered, keyword, specs, attribute and index access.
print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Bo", age=7))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:.3f} {:,} {:08.2f} {:x}".format(2 / 3, 10 ** 6, -3.5, 3054))
print("{0[0]} {0[1]} {1[k]}".format([10, 20], {"k": "v"}))
print("{{literal}} {}".format("x"))
print("{!r} {!s}".format("q", "q"))
print("{:*>10}".format("pad"))
row = "{:<8}{:>6.1f}"
for label, value in [("alpha", 1.25), ("beta", 22.75), ("gamma", 333.0)]:
    print(row.format(label, value))
print(format(3.14159, ".2f"), format(42, "b"), format("x", ">3"), format(1234567, ","))
