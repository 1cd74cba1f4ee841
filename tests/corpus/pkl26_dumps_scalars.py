# pickle.dumps of None, bools, ints at every opcode's edges (BININT1, BININT2, BININT, LONG1,
# LONG4) and floats, under protocols 2 to 5 and the default; each loads back equal.
import pickle

values = [None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -128, -129, -256,
          2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**63, -2**63, 2**64 - 1, 2**2040, -2**2047,
          2**2048, 10**700, 0.0, -0.0, 1.5, -2.25, 1e300, 5e-324, float('inf'), float('-inf')]

print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
for v in values:
    b = pickle.dumps(v)
    print(repr(v)[:30], len(b), b[:40])
    for proto in (2, 3, 4, 5, -1):
        b2 = pickle.dumps(v, proto)
        back = pickle.loads(b2)
        assert back == v and type(back) is type(v), (v, proto)
    print(' ', pickle.dumps(v, 2)[:40], pickle.dumps(v, 5)[:24])
nan = pickle.loads(pickle.dumps(float('nan')))
print(nan != nan, pickle.dumps(float('nan')))
print(pickle.dumps(-0.0) != pickle.dumps(0.0))
