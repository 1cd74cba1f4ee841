# A round trip through a JoinableQueue and back: the worker changes its copy and sends it back;
# the parent's original is untouched and the returned copy keeps its inner sharing.
import multiprocessing as mp


class Order:
    def __init__(self, items):
        self.items = items
        self.first = items[0]
        self.status = "new"


def worker(inbox, outbox):
    order = inbox.get()
    order.status = "packed"
    order.first["qty"] -= 1
    print("worker: first is items[0]:", order.first is order.items[0])
    outbox.put(order)
    inbox.task_done()


if __name__ == "__main__":
    inbox = mp.JoinableQueue()
    outbox = mp.Queue()
    p = mp.Process(target=worker, args=(inbox, outbox))
    p.start()
    original = Order([{"sku": "a", "qty": 3}, {"sku": "b", "qty": 1}])
    inbox.put(original)
    inbox.join()
    back = outbox.get()
    p.join()
    print("original:", original.status, original.first["qty"])
    print("back:", back.status, back.first["qty"], back.first is back.items[0])
    print("a different object:", back is original, back.items is original.items)
