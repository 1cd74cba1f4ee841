# A queue served by get_server(): a consumer's get() waits in the server until a producer, another
# process that reached the server by address, puts; the server itself is a Process that a client
# asks to stop through the manager's shutdown request. Which process serves is a fact a client can
# check.
import multiprocessing as mp
import queue
from multiprocessing.managers import BaseManager

ADDRESS = ('localhost', 47118)


class JobManager(BaseManager):
    pass


def server(ready):
    jobs = queue.Queue()
    JobManager.register('jobs', callable=lambda: jobs)
    JobManager.register('whoami', callable=lambda: {'name': mp.current_process().name})
    s = JobManager(address=ADDRESS, authkey=b'k').get_server()
    ready.set()
    s.serve_forever()


def consumer(asking, got):
    m = JobManager(address=ADDRESS, authkey=b'k')
    m.connect()
    jobs = m.jobs()
    print('consumer waits')
    asking.set()
    item = jobs.get()
    print('consumer got', item)
    got.set()


if __name__ == '__main__':
    JobManager.register('jobs')
    JobManager.register('whoami')
    ready = mp.Event()
    srv = mp.Process(target=server, args=(ready,), name='JobServer')
    srv.start()
    ready.wait()
    m = JobManager(address=ADDRESS, authkey=b'k')
    m.connect()
    print('served by', m.whoami().get('name'))
    asking, got = mp.Event(), mp.Event()
    c = mp.Process(target=consumer, args=(asking, got))
    c.start()
    asking.wait()
    print('consumer still waiting after 0.3 s:', not got.wait(0.3))
    jobs = m.jobs()
    jobs.put('job-1')
    got.wait()
    c.join()
    print('left in the queue:', jobs.qsize())
    srv.terminate()
    srv.join()
    print('server ended by', srv.exitcode)
