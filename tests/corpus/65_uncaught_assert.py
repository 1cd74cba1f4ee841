# An uncaught failed assert with a message.
def check(level):
    assert 0 <= level <= 10, f"level out of range: {level}"
    return level * 10

for level in [3, 10, 11]:
    print(check(level))
