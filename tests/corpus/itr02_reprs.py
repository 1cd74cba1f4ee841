# An iterator's repr names its type (the address differs from run to run, so it is cut off).
def shape(obj):
    text = repr(obj)
    head, sep, tail = text.partition(" at 0x")
    return head + (sep + "...>" if sep else "")


d = {1: 2}
for it in [
    iter([]), iter(()), iter(range(2)), iter("ab"), iter("é"), iter(b""), iter(d),
    iter(d.values()), iter(d.items()), reversed(d), iter(set()), reversed([]),
    reversed(()), reversed(range(4)), iter(int, 1), enumerate([]), zip(), map(abs, []),
    filter(None, []),
]:
    print(shape(it), shape(type(it)))
print(str(iter([])).startswith("<list_iterator object at 0x"))
print(f"{iter(())!s}".startswith("<tuple_iterator object at 0x"))
