# strptime's ValueErrors and TypeErrors with CPython's words: no match, data left over, a bad
# directive, a stray %, out-of-range fields, non-str arguments.
from datetime import datetime
cases = [
    ("2024-13-01", "%Y-%m-%d"),
    ("2024-01-01 extra", "%Y-%m-%d"),
    ("2024-02-30", "%Y-%m-%d"),
    ("2023-02-29", "%Y-%m-%d"),
    ("25:00", "%H:%M"),
    ("12:60", "%H:%M"),
    ("2024", "%Q"),
    ("2024", "%Y %"),
    ("2024", "%"),
    ("", "%Y"),
    ("Mon", "%A"),
    ("Funday", "%A"),
    ("13 PM", "%I %p"),
    ("2024 W01", "%Y W%V"),
    ("2024 1", "%G %u"),
    ("1234567", "%f"),
    ("2024-05-06", "%Y-%m-%d "),
]
for s, f in cases:
    try:
        print(repr(s), repr(f), "->", datetime.strptime(s, f))
    except ValueError as e:
        print(repr(s), repr(f), "ValueError:", e)
for args in [(2024, "%Y"), ("2024", b"%Y"), ("2024", None)]:
    try:
        datetime.strptime(*args)
    except TypeError as e:
        print("TypeError:", e)
