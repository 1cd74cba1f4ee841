# vars(obj) is a dict: json.dumps takes it, default=vars works.
import json
class P:
    def __init__(self): self.x = 1; self.y = [1, 2]
print(json.dumps(vars(P())), json.dumps(P().__dict__), isinstance(vars(P()), dict), json.dumps(P(), default=vars), json.dumps(P(), default=lambda o: o.__dict__, indent=1))
print(dict(vars(P())), {**vars(P())})
