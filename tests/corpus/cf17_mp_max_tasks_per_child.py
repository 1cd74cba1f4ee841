# max_tasks_per_child: a worker leaves after that many calls and a new one takes its place; it needs
# a start method other than fork, so the executor picks spawn (SpawnProcess-N) by itself.
import concurrent.futures
import multiprocessing

def who(x):
    return (x, multiprocessing.current_process().name)

if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, max_tasks_per_child=2) as ex:
        for i in range(5):
            print(ex.submit(who, i).result())
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        print(list(ex.map(who, range(3)))[0][0])
