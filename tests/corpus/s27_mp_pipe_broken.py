# Sending once every reading end is closed raises BrokenPipeError.
from multiprocessing import Process, Pipe


def reader(r):
    print("child got", r.recv())
    r.close()


if __name__ == "__main__":
    r, w = Pipe(duplex=False)
    p = Process(target=reader, args=(r,))
    p.start()
    r.close()
    w.send("hello")
    p.join()
    try:
        w.send("anyone?")
    except BrokenPipeError as e:
        print("BrokenPipeError:", e)
    print("exitcode", p.exitcode)
