# Reusing an f-string's own quote inside it is Python 3.12 syntax (PEP 701).
names = {"worker": 1}
print("start")
print(f"{names["worker"]} worker")
