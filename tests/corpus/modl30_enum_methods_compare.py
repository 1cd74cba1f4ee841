from enum import Enum


class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    THURSDAY = 4
    FRIDAY = 5
    SATURDAY = 6
    SUNDAY = 7

    @classmethod
    def from_name(cls, text):
        return cls[text.upper()]

    def is_weekend(self):
        return self in (Weekday.SATURDAY, Weekday.SUNDAY)

    def next(self):
        members = list(type(self))
        return members[(members.index(self) + 1) % len(members)]


print(Weekday.from_name("friday"), Weekday.FRIDAY.is_weekend(), Weekday.SUNDAY.is_weekend())
print(Weekday.SUNDAY.next(), Weekday.MONDAY.next().next())
try:
    Weekday.MONDAY < Weekday.TUESDAY
except TypeError as e:
    print("TypeError:", e)
print(sorted(Weekday, key=lambda d: d.value, reverse=True)[:2])
print([d.name[:3] for d in Weekday if d.value % 2 == 0])
print(Weekday.MONDAY.__class__ is Weekday, hash(Weekday.MONDAY) == hash(Weekday.MONDAY))
schedule = {Weekday.MONDAY: "gym", Weekday.FRIDAY: "movies"}
for day, plan in schedule.items():
    print(day.name, plan)
try:
    Weekday.MONDAY.value = 9
except AttributeError as e:
    print("AttributeError:", type(e).__name__)
match_day = Weekday(3)
if match_day is Weekday.WEDNESDAY:
    print("midweek", match_day.value)
