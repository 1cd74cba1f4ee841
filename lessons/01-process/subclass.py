import multiprocessing
import time


class Counter(multiprocessing.Process):
    def __init__(self, interval):
        super().__init__()
        self.interval = interval

    def run(self):
        n = 1
        while True:
            print(self.name, "counts", n)
            time.sleep(self.interval)
            n += 1


if __name__ == "__main__":
    counters = [Counter(1), Counter(1.5)]
    for c in counters:
        c.start()
    time.sleep(4)
    for c in counters:
        c.terminate()
    for c in counters:
        c.join()
        print(c.name, "exitcode", c.exitcode)
