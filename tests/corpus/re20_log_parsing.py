import re

LOG = """\
2024-01-05 10:00:01 INFO  worker-1 started job 17
2024-01-05 10:00:03 ERROR worker-2 failed job 18: timeout
2024-01-05 10:00:04 INFO  worker-1 finished job 17
2024-01-05 10:00:09 WARN  worker-3 slow job 19 (4.5s)
2024-01-05 10:00:10 ERROR worker-1 failed job 20: disk full
"""
LINE = re.compile(r"^(?P<date>\S+) (?P<time>\S+) (?P<level>[A-Z]+)\s+(?P<who>worker-\d+) (?P<what>.*)$", re.M)
counts = {}
for m in LINE.finditer(LOG):
    counts[m["level"]] = counts.get(m["level"], 0) + 1
print(sorted(counts.items()))
errors = [(m.group("who"), m.group("what")) for m in LINE.finditer(LOG) if m.group("level") == "ERROR"]
print(errors)
print(re.findall(r"job (\d+)", LOG))
print(re.findall(r"failed job \d+: (.+)", LOG))
print(re.sub(r"worker-(\d+)", r"W\1", LOG.splitlines()[0]))
