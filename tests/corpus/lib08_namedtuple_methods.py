from collections import namedtuple

Employee = namedtuple('Employee', 'name dept salary')
rows = [('ann', 'eng', 100), ('bo', 'ops', 80)]
staff = [Employee._make(r) for r in rows]
print(staff)
print(staff[0]._asdict())
raise_bo = staff[1]._replace(salary=90)
print(raise_bo, staff[1])
print(Employee._fields, Employee._field_defaults)
print(max(staff, key=lambda e: e.salary).name)
print([e.name for e in sorted(staff, key=lambda e: e.dept, reverse=True)])
Color = namedtuple('Color', 'red, green, blue')
print(Color(1, 2, 3), Color._fields)
