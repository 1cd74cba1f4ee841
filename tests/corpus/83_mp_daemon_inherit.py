# daemon defaults to the creating process's flag; it can be set before start.
from multiprocessing import Process, current_process


def noop():
    pass


def report():
    me = current_process()
    inherited = Process(target=noop)
    explicit = Process(target=noop, daemon=False)
    print(me.name, "daemon", me.daemon, "-> child default", inherited.daemon, "explicit", explicit.daemon)


if __name__ == "__main__":
    print("main:", current_process().daemon, Process(target=noop).daemon, Process(target=noop, daemon=True).daemon)
    p = Process(target=noop)
    p.daemon = True
    print("set before start:", p.daemon)
    p.daemon = False
    print("set back:", p.daemon)
    for flag in [False, True]:
        c = Process(target=report, daemon=flag)
        c.start()
        c.join()
