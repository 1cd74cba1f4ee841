# textwrap: which names exist, and what each gives for sample inputs.
import textwrap
for name in ["wrap", "fill", "shorten", "dedent", "indent", "TextWrapper"]:
    print(name, hasattr(textwrap, name))
texts = ["The quick brown fox jumps over the lazy dog.", "well-known long-running self-explanatory",
         "a--b c---d", "tabs\tand\nnewlines   and  spaces", "supercalifragilisticexpialidocious"]
for t in texts:
    for w in (5, 10, 20, 40):
        print(w, textwrap.wrap(t, w), textwrap.shorten(t, max(w, 12)))
print(repr(textwrap.dedent("  a\n    b\n  c\n")), repr(textwrap.indent("a\n\nb\n", "> ")))
print(textwrap.fill("x " * 20, 15, initial_indent="* ", subsequent_indent="  "))
