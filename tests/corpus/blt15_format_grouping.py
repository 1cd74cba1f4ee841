def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for spec in [",", "_", ",d", "_d", "020,", "021_", "015,", "+015,", "_x", "_o", "_X", "#_b"]:
    print(repr(spec), repr(format(123456789, spec)), repr(format(-1234, spec)))
print(format(2**70, ","), format(2**70, "_"))
print(format(1234567.0, ",.1f"), format(1234567.891, ","), format(1234567.0, "_"))
print(format(-1234.5, "012,.1f"), format(1e6, ",e"), format(0.5, "09,.3f"))
print(f"{10**9:,} {10**9:_} {12345.6789:,.2f} {123456:_.1%}")
