# %z (+HHMM, +HH:MM, Z, seconds and microseconds) and %Z (UTC, GMT and the local zone's names):
# aware datetimes with a fixed-offset timezone, and CPython's errors for bad offsets.
from datetime import datetime, timezone, timedelta
for s in ["+0000", "+0530", "-0800", "+05:30", "-03:30:15", "Z", "+01:02:03.000004", "-00:00"]:
    d = datetime.strptime("2024-05-06 10:00 " + s, "%Y-%m-%d %H:%M %z")
    print(s, "->", d, repr(d.tzinfo), d.utcoffset())
d = datetime.strptime("2024-05-06 10:00 +0200", "%Y-%m-%d %H:%M %z")
print(d.astimezone(timezone.utc), d == datetime(2024, 5, 6, 8, tzinfo=timezone.utc))
print(repr(datetime.strptime("10:00 UTC", "%H:%M %Z")))
print(repr(datetime.strptime("10:00 gmt", "%H:%M %Z")))
print(repr(datetime.strptime("10:00 +0100 UTC", "%H:%M %z %Z").tzinfo))
for bad in ["+5", "+05:3", "+0530:", "+05:30:1", "0530", "+2400x"]:
    try:
        datetime.strptime(bad, "%z")
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
print(datetime.strptime("+2359", "%z").utcoffset() == timedelta(hours=23, minutes=59))
