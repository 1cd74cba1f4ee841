# The week directives: %U and %W (with a weekday) and %G %V %u (ISO); %w and %u as weekdays;
# %j with a year; what CPython says when a week directive comes without what it needs.
from datetime import datetime, date
for y in [2023, 2024, 2025]:
    print(y, datetime.strptime(f"{y} 0 1", "%Y %U %w").date(),
          datetime.strptime(f"{y} 0 1", "%Y %W %w").date(),
          datetime.strptime(f"{y} 10 3", "%Y %U %w").date(),
          datetime.strptime(f"{y} 10 3", "%Y %W %w").date())
for s in ["2024 01 1", "2024 52 7", "2020 53 5", "2021 01 1", "2026 01 4"]:
    d = datetime.strptime(s, "%G %V %u").date()
    print(s, "->", d, d.isocalendar())
print(datetime.strptime("2024 20 Sunday", "%Y %U %A").date())
print(datetime.strptime("2024 20 Mon", "%Y %W %a").date())
print(datetime.strptime("2024 366", "%Y %j").date())
for s, f in [("2024 10", "%Y %U"), ("2024 10 1", "%Y %V %u"), ("2024 10 1", "%G %W %w"),
             ("2024 10", "%G %V")]:
    try:
        print(datetime.strptime(s, f))
    except ValueError as e:
        print(repr(f), "ValueError:", e)
d = date(2024, 12, 30)
print(datetime.strptime(d.strftime("%G-%V-%u"), "%G-%V-%u").date() == d)
