# A daemonic child is killed (SIGTERM) when the main process reaches its end.
import time
from multiprocessing import Process


def background():
    print("daemon: started")
    for i in range(5):
        time.sleep(0.4)
        print("daemon: tick", i)


if __name__ == "__main__":
    p = Process(target=background, daemon=True)
    p.start()
    time.sleep(0.6)
    print("main: end")
