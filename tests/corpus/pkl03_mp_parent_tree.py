# A tree whose nodes point back at their parent crosses a Queue whole: the child walks it up and
# down, and the back-pointers lead to the same copies, not new ones.
import multiprocessing as mp


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

    def path(self):
        node, names = self, []
        while node is not None:
            names.append(node.name)
            node = node.parent
        return "/".join(reversed(names))


def walk(node, depth=0):
    print("  " * depth + node.path())
    for c in node.children:
        assert c.parent is node
        walk(c, depth + 1)


def child(q):
    root = q.get()
    walk(root)
    leaf = root.children[0].children[1]
    print("leaf's root is root:", leaf.parent.parent is root)
    print("root's parent:", root.parent)
    q2 = q.get()
    print("leaf alone:", q2.path(), "its tree came along:", len(q2.parent.parent.children))


if __name__ == "__main__":
    root = Node("root")
    usr = Node("usr", root)
    Node("bin", usr)
    lib = Node("lib", usr)
    Node("etc", root)
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    q.put(root)
    q.put(lib)
    p.join()
    print("exitcode", p.exitcode)
