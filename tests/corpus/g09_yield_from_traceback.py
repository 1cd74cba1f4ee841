# throw() into a delegating generator: the traceback runs through both frames.
def reader():
    while True:
        chunk = yield
        print("read", chunk)


def pipeline():
    yield from reader()


p = pipeline()
next(p)
p.send("first")
p.throw(KeyError("bad chunk"))
