# The lines a manager's server writes to multiprocessing's logger at INFO: its process starting,
# the temp directory it makes, the address it serves at, its end. Addresses change every run, so
# a filter on the handler shows them as <address> and <tempdir>. CPython's server sends the answer
# to `shutdown` twice, and the second fails when the main has already closed its connection (a
# race: "Failure to send message: ('#RETURN', None)" and two "... was" lines, now and then); the
# filter drops those lines.
import logging
import multiprocessing as mp
import time
from multiprocessing.managers import BaseManager


def hide(text):
    if "/tmp/pymp-" not in text:
        return text
    head, rest = text.split("/tmp/pymp-", 1)
    name = rest.split("/", 1)[0].split("'", 1)[0]
    tail = rest[len(name):]
    if tail.startswith("/listener-"):
        tail = tail[len("/listener-"):]
        tail = tail[len(tail.split("'", 1)[0]):]
        return head + "<address>" + tail
    return head + "<tempdir>" + tail


class Hide(logging.Filter):
    def filter(self, record):
        text = record.getMessage()
        if text.startswith("Failure to send message") or text.startswith(" ... "):
            return False
        record.msg = hide(text)
        record.args = ()
        return True


class Remote(BaseManager):
    pass


def serve(up):
    m = Remote(address=("127.0.0.1", 0), authkey=b"k")
    server = m.get_server()
    print("serving", server.address[0], flush=True)
    up.set()
    server.serve_forever()


if __name__ == '__main__':
    logger = mp.log_to_stderr(logging.INFO)
    logger.handlers[0].addFilter(Hide())
    with mp.Manager() as m:
        d = m.dict(a=1)
        time.sleep(0.3)
        print(dict(d))
        # A proxy left alive would try to reach the gone manager from the next forked child.
        del d
    print("manager done")
    up = mp.Event()
    p = mp.Process(target=serve, args=(up,))
    p.start()
    up.wait()
    time.sleep(0.2)
    p.terminate()
    p.join()
    print("server exitcode", p.exitcode)
