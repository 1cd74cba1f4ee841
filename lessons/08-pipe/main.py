import multiprocessing
import time


def send(conn, count):
    for i in range(count):
        conn.send(i)
        print("send:", i)
        time.sleep(0.5)
    conn.close()
    print("send: closed my send end")


def receive(conn, send_end):
    send_end.close()  # this process's own copy of the send end, inherited at fork
    while True:
        try:
            item = conn.recv()
        except EOFError:
            print("recv: EOFError, every copy of the send end is closed")
            break
        print("recv:", item)


if __name__ == "__main__":
    recv_end, send_end = multiprocessing.Pipe(duplex=False)
    try:
        recv_end.send("ping")
        print("main: the receive end can send too, got back", send_end.recv())
    except OSError as e:
        print("main: the receive end cannot send:", e)
    sender = multiprocessing.Process(target=send, args=(send_end, 5))
    receiver = multiprocessing.Process(target=receive, args=(recv_end, send_end))
    sender.start()
    receiver.start()
    send_end.close()  # main's copy of the send end
    sender.join()
    receiver.join()
    print("main: end")
