# The `concurrent` package: empty, as in CPython; `concurrent.futures` is the module to import.
