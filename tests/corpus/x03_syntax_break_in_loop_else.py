# A loop's else block runs after the loop: `break` there is outside any loop.
for n in range(3):
    print(n)
else:
    break
