# re: every public name on sample inputs; each result or exception is printed.
import re

print(sorted(n for n in ["compile", "match", "search", "fullmatch", "findall", "finditer", "sub", "subn",
                         "split", "escape", "purge", "error", "Pattern", "Match", "RegexFlag", "NOFLAG",
                         "I", "IGNORECASE", "M", "MULTILINE", "S", "DOTALL", "X", "VERBOSE", "A", "ASCII",
                         "U", "UNICODE", "L", "LOCALE"] if hasattr(re, n)))
for f in [re.I, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG, re.I | re.M, re.A | re.S, re.RegexFlag(1024)]:
    print(repr(f), int(f))


def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


samples = [
    (r"\d+", "a12b345"), (r"(\w+)=(\d+)", "x=1 y=22"), (r"(?P<k>\w+):(?P<v>\w*)", "a:1 b: c:3"),
    (r"^\s*$", "  "), (r"[aeiou]", "Education"), (r"a|b|", "cab"), (r"(?i)é", "É"), (r"\bis\b", "this is"),
    (r".", "a\nb"), (r"(a)?b", "b ab"), (r"\W+", "a, b!c"), (r"x*", "axxb"), (r"$", "a\nb\n"),
    (r"[^\W\d_]+", "ab_12cd"), (r"(?<=a)b", "abcb"), (r"(\w)\1", "aabcc"), (r"a{2}", "aaaaa"),
]
for p, s in samples:
    c = re.compile(p)
    show("compile %r" % p, lambda: (c, c.groups, c.groupindex, c.flags))
    show("match", lambda: re.match(p, s))
    show("search", lambda: re.search(p, s))
    show("fullmatch", lambda: re.fullmatch(p, s))
    show("findall", lambda: re.findall(p, s))
    show("finditer", lambda: [m.span() for m in re.finditer(p, s)])
    show("sub", lambda: re.sub(p, "<\\g<0>>", s))
    show("subn", lambda: re.subn(p, lambda m: m.group().upper(), s, 2))
    show("split", lambda: re.split(p, s))
    show("split1", lambda: re.split(p, s, 1))
    m = c.search(s)
    if m:
        show("  groups", lambda: (m.groups(), m.groups("?"), m.groupdict(), m.lastindex, m.lastgroup))
        show("  spans", lambda: [m.span(g) for g in range(c.groups + 1)])
        show("  regs", lambda: m.regs)
for flags in [0, re.I, re.M, re.S, re.A, re.I | re.M | re.S, re.X]:
    show("flags %r" % flags, lambda: re.findall(r"^a.B # c", "a\nb # c\nA-b # c", flags))
    show("  repr", lambda: re.compile(r"\w", flags))
bad = ["(", ")", "?", "+a", "a{1}{2}", "[", "[]", r"\x4", r"\uzz", r"\8", "(?P<>a)", "(?P<a-b>x)",
       "(?Z)", "a(?m)", "(?P=n)", r"\k", "a**", "a??", "a+?+", "(?#unclosed"]
for b in bad:
    show("compile %r" % b, lambda: re.compile(b))
show("locale", lambda: re.compile("a", re.L))
show("ascii+unicode", lambda: re.compile("a", re.A | re.U))
show("bad type", lambda: re.compile(3))
show("escape", lambda: re.escape("a.b*c?d+e(f)g[h]i{j}k|l^m$n\\o p#q&r~s-t_u/v:w"))
m = re.match(r"(?P<a>x)(?P<b>y)?", "xz")
for t in [r"\1-\2", r"\g<a>\g<0>", r"\g<b>!", r"\n\t\\", r"\3", r"\g<c>", r"\q", r"\g<1", r"\g<x-y>"]:
    show("expand %r" % t, lambda: m.expand(t))
for g in [0, 1, 2, "a", "b", 3, "c", -1, 1.0]:
    show("group %r" % (g,), lambda: m.group(g))
show("pos", lambda: (m.pos, m.endpos, m.string, m.re))
p = re.compile(r"\w+")
show("pos/endpos", lambda: (p.search("ab cd ef", 2), p.match("ab cd ef", 3, 4), p.fullmatch("ab cd", 3),
                            p.findall("ab cd ef", 1, 6), p.search("abc", 10), p.search("abc", -5)))
show("eq", lambda: (re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I)))
show("sub count", lambda: (re.sub("a", "b", "aaaa", 2), re.sub("a", "b", "aaaa", count=0)))
show("sub none fn", lambda: re.sub("a", lambda m: None, "banana"))
show("split maxsplit", lambda: re.split(",", "a,b,c,d", maxsplit=2))
