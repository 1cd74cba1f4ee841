# set_start_method('spawn') then Pool(): the workers are SpawnPoolWorkers and say 'spawn'.
import multiprocessing as mp


def about(x):
    me = mp.current_process()
    return (x, me.name.rsplit('-', 1)[0], mp.get_start_method(), me.daemon,
            mp.parent_process().name)


if __name__ == '__main__':
    mp.set_start_method('spawn')
    with mp.Pool(2) as p:
        for row in p.map(about, range(3)):
            print(row)
    print(mp.get_start_method())
