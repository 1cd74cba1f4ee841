import multiprocessing as mp
from collections import defaultdict

def group(q, pairs):
    groups = defaultdict(list)
    for key, value in pairs:
        groups[key].append(value)
    q.put(groups)

if __name__ == '__main__':
    q = mp.Queue()
    p = mp.Process(target=group, args=(q, [('a', 1), ('b', 2), ('a', 3)]))
    p.start()
    groups = q.get()
    p.join()
    print(groups)
    groups['c'].append(4)
    print(groups, groups.default_factory, p.exitcode)
