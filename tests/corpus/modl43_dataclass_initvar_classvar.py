from dataclasses import dataclass, field, fields, InitVar
from typing import ClassVar, List


@dataclass
class Account:
    owner: str
    opening: InitVar[int] = 0
    history: List[int] = field(default_factory=list)
    bank: ClassVar[str] = "forkbank"
    count: ClassVar[int] = 0

    def __post_init__(self, opening):
        Account.count += 1
        if opening:
            self.history.append(opening)

    @property
    def balance(self):
        return sum(self.history)


a = Account("ann", 100)
b = Account("bob")
a.history.append(-30)
print(a, a.balance, b, b.balance)
print([f.name for f in fields(Account)], Account.count, Account.bank)
print(hasattr(a, "opening"), "opening" in Account.__dataclass_fields__)
print(Account.__dataclass_fields__["opening"].type)
