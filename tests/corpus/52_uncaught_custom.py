# An uncaught user exception raised in a method.
class InsufficientFunds(Exception):
    pass

class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"balance {self.balance} < {amount}")
        self.balance -= amount
        return self.balance

acct = Account(100)
print(acct.withdraw(30))
print(acct.withdraw(50))
print(acct.withdraw(40))
