# time.struct_time and sys.version_info/float_info/int_info are tuples, as CPython's struct sequences
# are: isinstance, the MRO, tuple's methods, unpacking, hashing as the tuple, the n_*fields
# counts; a struct_time sent back from a child keeps its fields.
import time, sys, multiprocessing
t = time.gmtime(0)
print(t)
print(isinstance(t, tuple), type(t).__mro__, t[0], t[-1], t[:3], len(t), tuple(t))
print(t.tm_year, t.tm_zone, t == tuple(t), hash(t) == hash(tuple(t)), t.count(0), t.index(1970))
y, *rest = t
print(y, rest)
print(time.struct_time.n_sequence_fields, time.struct_time.n_fields, time.struct_time.n_unnamed_fields)
print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major, isinstance(sys.version_info, tuple))
print(sys.float_info.max, sys.float_info.dig, type(sys.float_info).__mro__)
print(time.strftime("%Y", t), time.asctime(t))
print(repr(sys.int_info))

def child(q):
    q.put(time.gmtime(86400))

if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    got = q.get()
    p.join()
    print(got, got.tm_mday, type(got).__name__, isinstance(got, tuple))
