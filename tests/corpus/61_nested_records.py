# Lists of dicts: grouping, sorting by several keys, aggregating.
staff = [
    {"name": "ann", "dept": "eng", "salary": 120},
    {"name": "bob", "dept": "ops", "salary": 90},
    {"name": "cid", "dept": "eng", "salary": 100},
    {"name": "dee", "dept": "ops", "salary": 95},
    {"name": "eve", "dept": "eng", "salary": 120},
]
by_dept = {}
for person in staff:
    by_dept.setdefault(person["dept"], []).append(person["name"])
print(by_dept)
ranked = sorted(staff, key=lambda p: (-p["salary"], p["name"]))
print([p["name"] for p in ranked])
totals = {}
for p in staff:
    totals[p["dept"]] = totals.get(p["dept"], 0) + p["salary"]
for dept in sorted(totals):
    count = len(by_dept[dept])
    print(f"{dept}: total={totals[dept]} avg={totals[dept] / count:.2f} n={count}")
raise_pct = 0.1
for p in staff:
    p["salary"] = round(p["salary"] * (1 + raise_pct), 1)
print([p["salary"] for p in staff])
print(max(staff, key=lambda p: p["salary"])["name"])
table = [[p["name"], p["dept"], str(p["salary"])] for p in staff]
widths = [max([len(row[i]) for row in table]) for i in range(3)]
for row in table:
    print(" | ".join([row[i].ljust(widths[i]) for i in range(3)]))
