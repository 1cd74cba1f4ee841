# calendar's functions (CPython's own calendar.py): isleap, leapdays, weekday, monthrange,
# monthcalendar, the names in the C locale, timegm, and the errors for bad months and weekdays.
import calendar
print([y for y in range(1896, 1910) if calendar.isleap(y)], calendar.isleap(2000), calendar.isleap(2100))
print(calendar.leapdays(1900, 2024), calendar.leapdays(2024, 1900))
print(calendar.weekday(2024, 5, 6), calendar.weekday(1970, 1, 1), calendar.MONDAY, calendar.SUNDAY)
for y, m in [(2024, 2), (2023, 2), (2024, 12), (1, 1), (9999, 12)]:
    print(y, m, calendar.monthrange(y, m))
print(calendar.monthcalendar(2024, 2))
print(list(calendar.month_name), list(calendar.month_abbr))
print(list(calendar.day_name), list(calendar.day_abbr), len(calendar.month_name))
print(calendar.month_name[5], calendar.day_abbr[-1], calendar.month_abbr[1:4])
print(calendar.timegm((2024, 5, 6, 7, 8, 9)), calendar.timegm((1970, 1, 1, 0, 0, 0, 0, 0, 0)))
print(calendar.firstweekday(), calendar.weekheader(2), calendar.weekheader(3), calendar.weekheader(9))
for f, args in [(calendar.monthrange, (2024, 13)), (calendar.monthrange, (2024, 0)),
                (calendar.setfirstweekday, (7,)), (calendar.weekday, (2024, 2, 30))]:
    try:
        print(f(*args))
    except ValueError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
print(calendar.IllegalMonthError.__mro__[1].__name__)
