# TextCalendar: formatmonth and formatyear with widths, another first weekday, the module's
# month() and calendar() strings, prmonth's printing, formatweekday names by width.
import calendar
tc = calendar.TextCalendar()
print(tc.formatmonth(2024, 2))
print(tc.formatmonth(2024, 9, w=3, l=2))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2025, 3))
calendar.prmonth(2000, 1)
print(calendar.month(1999, 12, 4))
print(calendar.calendar(2024, 2, 1, 6, 3))
print([tc.formatweekday(0, w) for w in (1, 2, 3, 9, 12)])
print(repr(tc.formatmonthname(2024, 5, 20)), repr(tc.formatmonthname(2024, 5, 20, withyear=False)))
print(tc.formatyear(2023, c=2, m=4))
