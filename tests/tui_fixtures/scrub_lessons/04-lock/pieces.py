import multiprocessing
import time


def say(lock, words):
    for _ in range(2):
        # lock.acquire()
        for word in words:
            print(word, end=" ", flush=True)
            time.sleep(0.1)
        print(flush=True)
        # lock.release()


if __name__ == "__main__":
    lock = multiprocessing.Lock()
    sentences = [
        ["one", "two", "three", "four"],
        ["ONE", "TWO", "THREE", "FOUR"],
        ["un", "deux", "trois", "quatre"],
    ]
    for words in sentences:
        multiprocessing.Process(target=say, args=(lock, words)).start()
