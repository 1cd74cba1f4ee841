# datetime.strptime with the numeric directives (%Y %m %d %H %M %S %f %y %j) and the results'
# reprs; the defaults for fields a format leaves out (1900-01-01 00:00).
from datetime import datetime
print(repr(datetime.strptime("2024-05-06 07:08:09", "%Y-%m-%d %H:%M:%S")))
print(datetime.strptime("06/05/24", "%d/%m/%y"))
print(datetime.strptime("69", "%y").year, datetime.strptime("68", "%y").year)
print(datetime.strptime("12:30", "%H:%M"))
print(datetime.strptime("2024 060", "%Y %j"))
print(datetime.strptime("2023 060", "%Y %j"))
for frac in ["5", "05", "123456", "000001"]:
    print(frac, datetime.strptime("1:2:3." + frac, "%H:%M:%S.%f").microsecond)
print(datetime.strptime("2024-2-3 4:5:6", "%Y-%m-%d %H:%M:%S"))
print(datetime.strptime("  2024", " %Y"), datetime.strptime("2024", "%Y"))
print(datetime.strptime("10%", "%d%%"))
print(datetime.strptime("20240506", "%Y%m%d"))
print(datetime.strptime("2024-05-06T07:08:09.250000", "%Y-%m-%dT%H:%M:%S.%f").isoformat())
