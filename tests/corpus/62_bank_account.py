# A realistic class program: accounts, transfers, errors, a ledger.
class BankError(Exception):
    pass

class Overdraft(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")
        self.amount = amount

class Account:
    next_id = 1

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.id = Account.next_id
        Account.next_id += 1
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise Overdraft(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self.balance})"

def transfer(src, dst, amount):
    try:
        src.withdraw(amount)
    except Overdraft as e:
        print("transfer refused:", e)
        return False
    else:
        dst.deposit(amount)
        return True
    finally:
        print("transfer attempted:", src.owner, "->", dst.owner, amount)

a = Account("ann", 100)
b = Account("bob")
print(a, b)
print(transfer(a, b, 30), transfer(b, a, 50), transfer(b, a, 30))
print(a, b)
for bad in [0, -5]:
    try:
        a.deposit(bad)
    except BankError:
        print("bank error")
    except ValueError as e:
        print("value error:", e)
print(a.history)
print(b.history)
print(sorted([a, b], key=lambda acc: acc.balance))
