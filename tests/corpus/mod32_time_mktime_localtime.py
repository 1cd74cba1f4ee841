# localtime and mktime are inverses, whatever the machine's time zone.
import time

for secs in [0, 1e9, 1234567890, 2**31]:
    lt = time.localtime(secs)
    print(secs, time.mktime(lt) == secs, type(time.mktime(lt)).__name__, len(lt))
now = time.localtime()
print(now.tm_year >= 2024, 1 <= now.tm_mon <= 12, isinstance(now.tm_zone, str), isinstance(now.tm_gmtoff, int))
print(time.mktime(time.localtime(86400 * 365)) - time.mktime(time.localtime(0)))
try:
    time.mktime("noon")
except TypeError as e:
    print(type(e).__name__, e)
