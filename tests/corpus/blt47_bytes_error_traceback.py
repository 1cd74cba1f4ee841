data = b"caf\xe9"
print(data.decode("latin-1"))
text = data.decode()
print("not reached", text)
