# Workers blocked in Event.wait and Connection.recv run their SIGTERM handlers there; a handler
# that returns lets Event.wait(timeout) go on to the same deadline.
import multiprocessing, signal, sys, time

def waits_on_event(stop, ready):
    def on_term(signum, frame):
        print("event waiter: SIGTERM; cleaning up")
        sys.exit(2)
    signal.signal(signal.SIGTERM, on_term)
    ready.set()
    stop.wait()

def waits_on_pipe(conn, ready):
    def on_term(signum, frame):
        print("pipe reader: SIGTERM; cleaning up")
        sys.exit(3)
    signal.signal(signal.SIGTERM, on_term)
    ready.set()
    conn.recv()

def on_alarm(signum, frame):
    print("parent: alarm while waiting")

if __name__ == "__main__":
    reader, writer = multiprocessing.Pipe(duplex=False)
    for target, arg in ((waits_on_event, multiprocessing.Event()), (waits_on_pipe, reader)):
        ready = multiprocessing.Event()
        p = multiprocessing.Process(target=target, args=(arg, ready))
        p.start()
        ready.wait()
        p.terminate()
        p.join()
        print(target.__name__, "exitcode", p.exitcode)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(1)
    print(multiprocessing.Event().wait(1.2))
