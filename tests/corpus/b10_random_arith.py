# Differential check of int arithmetic at every size: a fixed linear congruential generator makes
# operands from 1 to about 300 bits (both signs, some exactly at 2**63 and 2**53 edges), and every
# operator's results are printed, so any difference from CPython shows up on its own line. True
# division prints 21 digits (`.20e`): enough to tell any two doubles apart.
state = 12345


def rand(bits):
    global state
    n = 0
    while bits > 0:
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        take = min(bits, 32)
        n = (n << take) | (state >> (64 - take))
        bits -= take
    return n


def operand():
    kind = rand(4)
    if kind == 0:
        n = 2**63 + rand(2) - 2
    elif kind == 1:
        n = 2**53 + rand(2) - 1
    else:
        n = rand(1 + rand(9) % 300)
    return -n if rand(1) else n


pairs = [(operand(), operand()) for _ in range(60)]
for a, b in pairs:
    row = [a + b, a - b, a * b, a & b, a | b, a ^ b, ~a, -b, abs(a), a == b, a < b, a >= b]
    if b != 0:
        row += [a // b, a % b, divmod(a, b), f"{a / b:.20e}"]
    row += [a >> (abs(b) % 200), a << (abs(b) % 70), a == float(b) if abs(b) < 2**1000 else None]
    row += [float(a) < b, hash(a), hex(a), a.bit_length(), round(a, -(abs(b) % 40))]
    print(row)
for a, b in pairs[:20]:
    m = abs(b) % 10**12 + 2
    print(pow(a, abs(b) % 50, m), pow(a, 3), a**2 - (a - 1) * (a + 1), format(a, "_x"), f"{a:,}")
# Quotients at the edges of the double range: subnormal results rounded once, ties to even.
edges = [1 / 2**1074, 3 / 2**1075, 1 / 2**1075, 3 / 2**1076, (2**1100 + 1) / 2**2174,
         2**2000 / 2**1000, -(2**60 + 1) / 3, (10**300 + 7) / 10**299, (2**60 - 1) / (2**60 + 1),
         5 / 2**1077, 2**54 / 3, (2**54 + 1) / 2, (2**1024 - 2**971) / 1]
print([f"{v:.20e}" for v in edges])
