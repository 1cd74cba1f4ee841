# A daemonic process may not start children.
from multiprocessing import Process, current_process


def grandchild():
    print("never printed")


def daemon_body():
    me = current_process()
    print(me.name, "daemon:", me.daemon)
    kid = Process(target=grandchild)
    print("made", kid.name, "daemon:", kid.daemon)
    try:
        kid.start()
    except AssertionError as e:
        print("AssertionError:", e)
    print("pid of unstarted kid:", kid.pid)


if __name__ == "__main__":
    p = Process(target=daemon_body, daemon=True)
    print("daemon flag:", p.daemon)
    p.start()
    p.join()
    print("exitcode", p.exitcode)
