# Case methods and is* predicates.
s = "hello wORLD from python"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
for t in ["123", "12.3", "", "abc", "abc123", "ABC", "Abc", "   ", " a ", "x_y"]:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower())
print("Hello World".istitle(), "Hello world".istitle())
print("-12".isdigit(), "٣".isdigit())
print("ǅ".upper(), "ß".upper(), "ÀÉÎ".lower())
