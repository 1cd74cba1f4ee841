# extract_tb, walk_tb and format_tb agree with the frames: names, lines, source lines; limits.
import sys
import traceback


def level3(d):
    return d["key"]


def level2(d):
    value = level3(d)
    return value


def level1():
    return level2({})


try:
    level1()
except KeyError as e:
    summary = traceback.extract_tb(e.__traceback__)
    print([(fs.name, fs.lineno, fs.line) for fs in summary])
    print([fs.name for fs in traceback.extract_tb(e.__traceback__, limit=2)])
    print([fs.name for fs in traceback.extract_tb(e.__traceback__, limit=-1)])
    walked = list(traceback.walk_tb(e.__traceback__))
    print([(f.f_code.co_name, line) for f, line in walked])
    print([f.f_lineno for f, _ in walked])
    print(sorted(walked[2][0].f_locals), sorted(walked[3][0].f_locals))
    formatted = traceback.format_list(summary[1:])
    # To stderr: CPython marks the failing expression under each line (^^^), which the corpus
    # compares only on stderr, without the markers.
    sys.stderr.write("".join(formatted))
    print(traceback.format_tb(e.__traceback__)[1:] == formatted)
    print(type(summary[0]).__name__, summary[0].filename == __file__)
