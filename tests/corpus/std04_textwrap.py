# textwrap: wrap/fill with every option, hyphens and em-dashes split as CPython splits them, shorten, max_lines, dedent, indent.
import textwrap
text = ("The Python multiprocessing module spawns real processes; each one has its own "
        "interpreter, memory and pid. A well-known gotcha--the missing join--leaves zombie "
        "processes behind. Use e-mail or self-explanatory names, e.g. long-running-task-name.")
for w in (10, 20, 33, 50, 79):
    print(w, textwrap.wrap(text, w))
print(textwrap.fill(text, 40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10, break_long_words=False))
print(textwrap.wrap("a-very-long-hyphenated-compound-word here", 12))
print(textwrap.wrap("a-very-long-hyphenated-compound-word here", 12, break_on_hyphens=False))
print(textwrap.wrap("tabs\there\tand  double  spaces\nnewline", 15))
print(textwrap.wrap("tabs\there", 15, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap("   leading and trailing   ", 10), textwrap.wrap("   leading", 10, drop_whitespace=False))
print(textwrap.shorten("Hello  world!  This is a test of shorten.", 20), textwrap.shorten("Hello world", 11), textwrap.shorten("Hi there you", 8, placeholder="..."))
print(textwrap.wrap(text, 30, max_lines=3), textwrap.wrap(text, 30, max_lines=2, placeholder=" (more)"))
print(textwrap.wrap("This is. A test! Really? yes.", 40, fix_sentence_endings=True))
print(repr(textwrap.dedent("""
    def f():
        return 1
      
    x = 2
""")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("    x\n  y\n      z")), repr(textwrap.dedent("no indent\n  here")))
print(repr(textwrap.indent("one\n\ntwo\n  three\n", "> ")), repr(textwrap.indent("a\n\nb", "+", lambda line: True)))
w = textwrap.TextWrapper(width=25, initial_indent="-> ")
print(w.wrap("x " * 30), w.fill("short"))
print(textwrap.wrap("", 10), textwrap.wrap("word", 1), textwrap.wrap("em--dash and--more words here", 8))
print(textwrap.wrap("Unicode wörds like naïve café façade résumé", 12))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print(e)
try:
    textwrap.wrap("x y", 3, max_lines=1, placeholder="......")
except ValueError as e:
    print(e)
