# datetime (CPython's own pure-Python module): date, datetime, timedelta, timezone arithmetic,
# reprs, isoformat/fromisoformat, strftime, ordering and hashing; values sent through a Pool and a
# Queue arrive as they left.
import datetime
from datetime import date, timedelta, timezone
d = date(2024, 2, 29)
print(d, repr(d), d + timedelta(days=1), d.isoformat(), d.weekday(), d.strftime("%A %d %B %Y"))
t = datetime.datetime(2024, 1, 2, 3, 4, 5, 600000)
print(t, repr(t), t.isoformat(), t - datetime.datetime(2023, 12, 31))
print(timedelta(hours=25, seconds=61), repr(timedelta(days=-1, seconds=5)))
print(datetime.datetime(2024, 1, 1, tzinfo=timezone.utc).isoformat())
print(datetime.datetime.fromisoformat("2024-05-06T07:08:09"))
print(datetime.datetime.fromisoformat("2024-05-06"))
now = datetime.datetime.now()
print(type(now).__name__, now.year >= 2024)
print(sorted([date(2024, 3, 1), date(2023, 1, 1)]), hash(d) == hash(date(2024, 2, 29)))
print(datetime.datetime.fromtimestamp(0, timezone.utc))
import multiprocessing
def shift(d):
    return d + timedelta(days=7)
if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        print(pool.map(shift, [date(2024, 1, 1), datetime.datetime(2024, 1, 1, 12)]))
    q = multiprocessing.Queue()
    q.put(timedelta(seconds=90))
    print(q.get())
