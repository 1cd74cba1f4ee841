# multiprocessing's logger in forkserver children: each child is told the logger's setting when
# it is started (CPython's preparation data), also a setting made after the server started.
import logging
import multiprocessing as mp


def work(tag):
    print("work", tag)


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    p = ctx.Process(target=work, args=("quiet",))
    p.start()
    p.join()
    mp.log_to_stderr(logging.INFO)
    p = ctx.Process(target=work, args=("logged",))
    p.start()
    p.join()
    print("exitcode", p.exitcode)
