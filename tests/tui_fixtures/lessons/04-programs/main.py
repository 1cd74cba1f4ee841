import multiprocessing


def worker():
    print("working")


if __name__ == "__main__":
    p = multiprocessing.Process(target=worker)
    # p.daemon = True
    p.start()
    print("end")
