import traceback
from multiprocessing import Process, Queue, Pool


def parse(text):
    return int(text)


def safe_parse(text):
    try:
        return ("ok", parse(text))
    except Exception:
        return ("error", traceback.format_exc())


def worker(q, text):
    try:
        q.put(parse(text))
    except ValueError as e:
        q.put(traceback.format_exception(e))


def last_lines(tb_text, n):
    lines = [l for l in tb_text.splitlines() if not set(l.strip()) <= set("^~")]
    return lines[-n:]


if __name__ == "__main__":
    q = Queue()
    p = Process(target=worker, args=(q, "12x"))
    p.start()
    parts = q.get()
    p.join()
    print(parts[0], end="")
    print([part.split(", ", 1)[1].splitlines()[:2] for part in parts[1:-1]])
    print(parts[-1], end="")
    with Pool(2) as pool:
        for status, value in pool.map(safe_parse, ["1", "two", "3"]):
            if status == "ok":
                print("ok", value)
            else:
                print("worker failed:")
                for line in last_lines(value, 3):
                    print("  |", line.split(", ", 1)[-1])
