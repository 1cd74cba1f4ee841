# finally runs on return, break and continue; a return in finally wins.
def f():
    try:
        return "try"
    finally:
        print("cleanup f")
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally"
print(g())
def h():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallows"
print(h())
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
def counter():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print("n in finally", n)
print(counter())
i = 0
while True:
    try:
        i += 1
        if i > 2:
            break
    finally:
        print("while finally", i)
print("end", i)
