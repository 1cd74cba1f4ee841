# The memo: an object met twice is written once and then fetched (BINGET, LONG_BINGET past 256
# objects), so shared references and cycles come back as they were: a list holding itself, a dict
# cycle, a tuple that holds itself through a list (POP ... GET), a frozenset through an instance.
import pickle

x = [1, 2]
pair = [x, x]
b = pickle.dumps(pair)
print(b)
back = pickle.loads(b)
print(back, back[0] is back[1])

me = [1]
me.append(me)
b = pickle.dumps(me)
print(b, pickle.dumps(me, 2))
back = pickle.loads(b)
print(back, back[1] is back)

d = {'name': 'd'}
d['self'] = d
back = pickle.loads(pickle.dumps(d))
print(pickle.dumps(d), back['self'] is back)

lst = []
t = (lst, 1)
lst.append(t)
b = pickle.dumps(t)
print(b, pickle.dumps(t, 3))
back = pickle.loads(b)
print(back[0][0] is back, type(back).__name__)

big = []
t4 = (big, 1, 2, 3)
big.append(t4)
b = pickle.dumps(t4)
print(b)
back = pickle.loads(b)
print(back[0][0] is back)

strs = ['s%d' % i for i in range(300)]
b = pickle.dumps(strs + strs)
print(len(b), b[-20:], pickle.dumps(strs + strs, 2)[-20:])
back = pickle.loads(b)
print(all(back[i] is back[i + 300] for i in range(300)))


class Node:
    def __init__(self, name):
        self.name = name
        self.peers = []


a, c = Node('a'), Node('c')
a.peers.append(c)
c.peers.append(a)
b = pickle.dumps(a)
print(b)
back = pickle.loads(b)
print(back.name, back.peers[0].name, back.peers[0].peers[0] is back)
