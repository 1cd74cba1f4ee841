# An uncaught chained exception: both tracebacks are printed.
def load(settings, key):
    try:
        return settings[key]
    except KeyError as e:
        raise RuntimeError(f"missing setting {key}") from e

settings = {"port": 8080}
print(load(settings, "port"))
load(settings, "host")
