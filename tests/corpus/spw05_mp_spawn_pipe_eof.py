# A spawned child holds only the Connection ends it is given: when the parent closes the only
# send end, the child's recv() meets EOFError. (A forked child would also hold the parent's send
# end, and would have to close it itself.)
import multiprocessing as mp


def reader(r):
    got = []
    while True:
        try:
            got.append(r.recv())
        except EOFError:
            print("reader: EOFError after", got)
            return


if __name__ == "__main__":
    mp.set_start_method("spawn")
    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=reader, args=(r,))
    p.start()
    for i in range(3):
        w.send(i)
    w.close()
    p.join(5)
    print("reader alive after join(5):", p.is_alive(), "exitcode", p.exitcode)
