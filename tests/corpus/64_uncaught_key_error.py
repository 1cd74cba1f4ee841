# An uncaught KeyError deep in a call chain.
inventory = {"apples": 3, "pears": 0}

def stock(item):
    return inventory[item]

def total(items):
    count = 0
    for item in items:
        count += stock(item)
    return count

def main():
    print("apples+pears", total(["apples", "pears"]))
    print("with plums", total(["apples", "plums"]))

main()
