# A generator cannot resume itself while it runs.
def recursive():
    print("running")
    yield next(me)


me = recursive()
next(me)
