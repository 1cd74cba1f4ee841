# Ctrl-C reaches the main while it waits: a child sends it SIGINT once the main is (most likely)
# blocked in JoinableQueue.join, SimpleQueue.get, Listener.accept, Connection.recv or
# Process.join. Each wait ends with KeyboardInterrupt where it stands, and the program goes on.
import multiprocessing, os, signal, time
from multiprocessing.connection import Listener

def poke(ppid):
    time.sleep(0.3)
    os.kill(ppid, signal.SIGINT)

def sleeps():
    time.sleep(3)

if __name__ == "__main__":
    jq = multiprocessing.JoinableQueue()
    jq.put("a task nobody takes")
    sq = multiprocessing.SimpleQueue()
    listener = Listener(("localhost", 0))
    reader, writer = multiprocessing.Pipe(duplex=False)
    sleeper = multiprocessing.Process(target=sleeps)
    waits = [
        ("JoinableQueue.join", jq.join),
        ("SimpleQueue.get", sq.get),
        ("Listener.accept", listener.accept),
        ("Connection.recv", reader.recv),
        ("Process.join", sleeper.join),
    ]
    sleeper.start()
    for name, wait in waits:
        p = multiprocessing.Process(target=poke, args=(os.getpid(),))
        p.start()
        try:
            wait()
            print(name, "returned")
        except KeyboardInterrupt:
            print(name, "-> KeyboardInterrupt")
        p.join()
    sleeper.join()
    print("sleeper exitcode", sleeper.exitcode)
    listener.close()
