# multiprocessing.managers.SharedMemoryManager, as the Python docs use it: blocks made through the
# manager are tracked by its server process (SharedMemoryManager-N) and unlinked when the manager
# shuts down, so attaching by name afterwards fails; children write into a ShareableList; the
# manager has no SyncManager types.
import multiprocessing
from multiprocessing import Process, shared_memory
from multiprocessing.managers import SharedMemoryManager


def do_work(shared_list, start, stop):
    for i in range(start, stop):
        shared_list[i] = shared_list[i] * 2


def whoami(names):
    names.append(multiprocessing.current_process().name)


if __name__ == '__main__':
    with SharedMemoryManager() as smm:
        sl = smm.ShareableList(range(2000))
        p1 = Process(target=do_work, args=(sl, 0, 1000))
        p2 = Process(target=do_work, args=(sl, 1000, 2000))
        p1.start()
        p2.start()
        p1.join()
        p2.join()
        print('total', sum(sl))
        shm = smm.SharedMemory(size=128)
        shm.buf[:5] = b'hello'
        other = shared_memory.SharedMemory(shm.name)
        print(bytes(other.buf[:5]))
        other.close()
        names = [sl.shm.name, shm.name]
        print(type(smm).__name__, hasattr(smm, 'Lock'), hasattr(smm, 'SharedMemory'))
        print([c.name for c in multiprocessing.active_children()])
    for name in names:
        try:
            shared_memory.SharedMemory(name)
        except FileNotFoundError:
            print('unlinked at shutdown')
    print(sl[0], sl[1999], len(sl))
    sl.shm.close()
    shm.close()
    smm2 = SharedMemoryManager()
    smm2.start()
    kept = smm2.ShareableList(['a', 2.5, None, True])
    print(list(kept), type(kept).__name__)
    smm2.shutdown()
    print([c.name for c in multiprocessing.active_children()])
    kept.shm.close()
