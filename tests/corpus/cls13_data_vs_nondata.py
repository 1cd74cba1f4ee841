# A data descriptor beats the instance dict; a non-data descriptor does not.
class Data:
    def __get__(self, obj, owner):
        return "data"
    def __set__(self, obj, value):
        print("Data.__set__", value)

class NonData:
    def __get__(self, obj, owner):
        return "nondata"

class C:
    d = Data()
    n = NonData()

c = C()
print(c.d, c.n)
c.__dict__['d'] = "instance d"
c.__dict__['n'] = "instance n"
print(c.d, c.n)
c.d = 5
print(c.__dict__['d'])
c.n = 6
print(c.n)
print(C.d, C.n)
