# os.getpid/getppid/cpu_count types, queue.Empty/Full, signal numbers.
import os
import queue
import signal
pid = os.getpid()
print(type(pid).__name__, pid > 0, os.getppid() > 0, pid != os.getppid())
print(type(os.cpu_count()).__name__, os.cpu_count() >= 1)
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
try:
    raise queue.Empty()
except queue.Empty as e:
    print("caught", type(e).__name__, repr(str(e)))
try:
    raise queue.Full
except Exception as e:
    print("caught", type(e).__name__)
print(int(signal.SIGTERM), int(signal.SIGKILL), signal.SIGTERM == 15)
print(os.getpid() == pid)
