# time.strptime returns a struct_time (tm_wday, tm_yday computed, tm_isdst -1 or from %Z), its
# default format, tm_zone and tm_gmtoff from %z, and struct_time built from a sequence.
import time
t = time.strptime("30 Nov 00", "%d %b %y")
print(t)
print(t.tm_year, t.tm_yday, t.tm_wday, t.tm_isdst, t.tm_zone, t.tm_gmtoff, len(t), tuple(t))
print(time.strptime("Mon Jan  2 03:04:05 2023"))
t = time.strptime("2024-05-06 07:08:09 +0130", "%Y-%m-%d %H:%M:%S %z")
print(t.tm_gmtoff, t.tm_zone, t.tm_isdst)
t = time.strptime("2024-05-06 UTC", "%Y-%m-%d %Z")
print(t.tm_isdst, t.tm_zone, t.tm_gmtoff)
print(time.strftime("%Y-%m-%d %H:%M", time.strptime("2024-05-06 17:30", "%Y-%m-%d %H:%M")))
print(time.strptime("1", "%m") == time.strptime("1", "%d"))
s = time.struct_time((2024, 1, 2, 3, 4, 5, 6, 7, 0))
print(s, s.tm_zone, s.tm_gmtoff)
s = time.struct_time([2024, 1, 2, 3, 4, 5, 6, 7, 0, "XYZ", 3600])
print(s.tm_zone, s.tm_gmtoff, s[:3])
for bad in [(1, 2, 3), tuple(range(12)), 5]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    time.strptime("2024", "%Y-%m")
except ValueError as e:
    print("ValueError:", e)
print(time.tzname == ("UTC", "UTC") or len(time.tzname) == 2, time.daylight in (0, 1))
