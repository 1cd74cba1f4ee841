# Day and month names in the C locale (%a %A %b %B), matched without regard to case; %p with %I;
# %c %x %X as the C library writes them.
from datetime import datetime
print(datetime.strptime("Monday 6 May 2024", "%A %d %B %Y"))
print(datetime.strptime("mon, 06 may 2024", "%a, %d %b %Y"))
print(datetime.strptime("SEPTEMBER 1 2024", "%B %d %Y"))
print(datetime.strptime("Sep 1 2024", "%b %d %Y"))
for t in ["12:00 AM", "12:00 PM", "1:15 am", "11:59 PM"]:
    print(t, "->", datetime.strptime(t, "%I:%M %p").time())
print(datetime.strptime("3", "%I").hour, datetime.strptime("3 PM", "%I %p").hour)
print(datetime.strptime("Tue Dec  1 08:05:47 2026", "%c"))
print(datetime.strptime("12/01/26", "%x"), datetime.strptime("08:05:47", "%X").time())
print(datetime.strptime("Thu Feb 29 2024", "%a %b %d %Y").weekday())
print(datetime.strptime("Friday 2024-05-06", "%A %Y-%m-%d"))
