# Value, Array, RawValue and RawArray take typecode_or_type (and size_or_initializer) by name
# too, as CPython's context methods do; given twice, or not at all, CPython's TypeErrors.
import multiprocessing as mp
def t(name, f):
    try:
        r = f()
        print(name, "->", repr(r))
    except Exception as e:
        print(name, "!!", type(e).__name__, e)
t("Value kw", lambda: mp.Value(typecode_or_type="i").value)
t("Value kw lock", lambda: mp.Value(typecode_or_type="d", lock=False))
t("Array kw", lambda: mp.Array(typecode_or_type="i", size_or_initializer=3)[:])
t("Array kw2", lambda: mp.Array("i", size_or_initializer=[1, 2])[:])
t("RawValue kw", lambda: mp.RawValue(typecode_or_type="i"))
t("RawArray kw", lambda: mp.RawArray(typecode_or_type="b", size_or_initializer=2)[:])
t("Value both", lambda: mp.Value("i", typecode_or_type="i"))
t("Value none", lambda: mp.Value())
