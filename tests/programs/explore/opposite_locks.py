# Two workers take the same two locks in opposite order: usually each gets both in turn, but if
# each takes its first lock before the other takes its second, both wait for ever.
import multiprocessing


def forward(a, b):
    with a:
        with b:
            print("forward has both")


def backward(a, b):
    with b:
        with a:
            print("backward has both")


if __name__ == "__main__":
    a = multiprocessing.Lock()
    b = multiprocessing.Lock()
    p = multiprocessing.Process(target=forward, args=(a, b))
    q = multiprocessing.Process(target=backward, args=(a, b))
    p.start()
    q.start()
    p.join()
    q.join()
    print("done")
