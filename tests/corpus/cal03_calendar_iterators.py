# Calendar's iterators: iterweekdays, itermonthdates (with the edges of the range), itermonthdays
# 2/3/4, monthdatescalendar, yeardayscalendar, setfirstweekday; HTMLCalendar's table.
import calendar
c = calendar.Calendar(firstweekday=6)
print(list(c.iterweekdays()), c.getfirstweekday())
print([str(d) for d in c.itermonthdates(2024, 2)][:9])
print(list(calendar.Calendar().itermonthdays(2024, 2)))
print(list(calendar.Calendar().itermonthdays2(2024, 3))[:8])
print(list(calendar.Calendar().itermonthdays3(9999, 12))[-3:])
print(list(calendar.Calendar().itermonthdays4(1, 1))[:3])
print(len(c.monthdatescalendar(2024, 6)), c.monthdatescalendar(2024, 6)[0])
print(calendar.Calendar().yeardayscalendar(2024, width=6)[0][1][:2])
print(calendar.Calendar().yeardays2calendar(2024)[3][2][-1])
c.setfirstweekday(calendar.WEDNESDAY)
print(c.firstweekday, c.monthdayscalendar(2024, 5)[0])
print(calendar.HTMLCalendar().formatmonth(2024, 2))
print(calendar.HTMLCalendar(calendar.SUNDAY).formatweekheader())
try:
    c.firstweekday = 9
    print(list(c.iterweekdays()))
except ValueError as e:
    print("ValueError:", e)
