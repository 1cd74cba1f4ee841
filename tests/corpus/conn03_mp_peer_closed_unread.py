"""A duplex Pipe end closed with data unread (a child that sends and exits without reading): every
message it sent is still delivered, then recv raises ConnectionResetError once, then EOFError; poll
says True throughout, and send says BrokenPipeError."""
import multiprocessing as mp

def child(conn):
    conn.send("first")
    conn.send(["second", 2])
    print("child exits without reading")

if __name__ == "__main__":
    a, b = mp.Pipe()
    a.send("never read")
    p = mp.Process(target=child, args=(b,))
    p.start()
    b.close()
    p.join()
    print("exitcode", p.exitcode)
    print("poll", a.poll())
    print("recv", a.recv())
    print("recv", a.recv())
    for _ in range(2):
        try:
            a.recv()
        except Exception as e:
            print(type(e).__name__, e)
        print("poll", a.poll(0.1))
    try:
        a.send("late")
    except Exception as e:
        print(type(e).__name__, e)
    a.close()
