# Warnings in child processes: a forked child and a Pool worker warn on their own stderr (their
# registries are their own copies, so a warning the parent already showed shows again there); a
# spawned child runs the program as __mp_main__, where the default filters hide a
# DeprecationWarning.
import multiprocessing
import warnings

def warn_user(tag):
    warnings.warn(f"from {tag}")
    return tag

def warn_deprecated(tag):
    warnings.warn(f"deprecated in {tag}", DeprecationWarning)
    print(tag, "warned", flush=True)

if __name__ == "__main__":
    warn_user("main")
    p = multiprocessing.Process(target=warn_user, args=("fork child",))
    p.start()
    p.join()
    warn_deprecated("main")
    q = multiprocessing.get_context("spawn").Process(target=warn_deprecated, args=("spawn child",))
    q.start()
    q.join()
    with multiprocessing.Pool(1) as pool:
        print(pool.map(warn_user, ["pool worker"]))
