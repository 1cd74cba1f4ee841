# Where multiprocessing's exit function (which joins the children) sits among the atexit
# callbacks: it is registered when the first process or primitive is made, so a callback
# registered before that runs after the children are joined, one registered after runs before.
import atexit
import multiprocessing
import time

def slow():
    time.sleep(0.5)
    print("child done", flush=True)

if __name__ == "__main__":
    atexit.register(print, "registered first: runs after the join")
    p = multiprocessing.Process(target=slow)
    p.start()
    atexit.register(print, "registered after start(): runs before the join")
    print("main ends")
