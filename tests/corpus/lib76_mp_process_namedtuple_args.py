import multiprocessing as mp
from collections import namedtuple, Counter

Job = namedtuple('Job', 'name count')

def run(job, results):
    results.put((job.name, Counter({job.name: job.count})))

if __name__ == '__main__':
    results = mp.Queue()
    p = mp.Process(target=run, args=(Job('build', 3), results))
    p.start()
    name, counts = results.get()
    p.join()
    print(name, counts, p.exitcode)
    q = mp.SimpleQueue()
    q.put(Job('send', 1))
    print(q.get())
