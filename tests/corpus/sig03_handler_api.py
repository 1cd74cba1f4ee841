# The signal module's names, handlers table and errors, in one process.
import os
import signal

print(signal.SIGTERM, repr(signal.SIGTERM), signal.SIGTERM == 15, -signal.SIGTERM)
print(signal.Signals(10).name, signal.Signals.SIGUSR2.value, repr(signal.Signals(2)))
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), signal.SIG_IGN == 1)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGTERM)), repr(signal.getsignal(signal.SIGPIPE)))


def on_usr1(signum, frame):
    print("handler: signal", signum, signal.Signals(signum).name)


old = signal.signal(signal.SIGUSR1, on_usr1)
print("previous:", repr(old), signal.getsignal(signal.SIGUSR1) is on_usr1)
os.kill(os.getpid(), signal.SIGUSR1)
print("after os.kill")
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal")
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is on_usr1)
signal.raise_signal(signal.SIGUSR1)
print("ignored")
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
print(repr(signal.getsignal(signal.SIGUSR1)))

try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("default_int_handler raises KeyboardInterrupt")

for bad in (lambda: signal.Signals(99),
            lambda: signal.signal(signal.SIGKILL, signal.SIG_IGN),
            lambda: signal.signal(99, signal.SIG_IGN),
            lambda: signal.signal(0, signal.SIG_IGN),
            lambda: signal.signal(signal.SIGTERM, 5),
            lambda: signal.getsignal(-1)):
    try:
        bad()
    except (ValueError, OSError, TypeError) as e:
        print(type(e).__name__, e)
