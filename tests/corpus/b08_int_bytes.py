# int.to_bytes and int.from_bytes at any size: lengths, byte orders, signed forms and their errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: (0).to_bytes(0, 'big', signed=True))
show(lambda: (-1).to_bytes(1, 'big'))
show(lambda: (1).to_bytes(-1, 'big'))
show(lambda: (1).to_bytes(1, 'middle'))
show(lambda: (-129).to_bytes(1, 'big', signed=True))
show(lambda: (-128).to_bytes(1, 'big', signed=True))
show(lambda: (255).to_bytes())
show(lambda: int.from_bytes(b'\xff\x00', 'little', signed=True))
show(lambda: int.from_bytes(b''))
show(lambda: int.from_bytes([1, 2]))
show(lambda: (2**70).to_bytes(10, byteorder='little'))
show(lambda: (2**100).to_bytes(13, 'big'))
show(lambda: (2**100).to_bytes(12, 'big'))
show(lambda: (-(2**100)).to_bytes(14, 'little', signed=True))
show(lambda: int.from_bytes((-(2**100)).to_bytes(14, 'little', signed=True), 'little', signed=True))
show(lambda: int.from_bytes(b'\x01' + b'\x00' * 20, 'big'))
show(lambda: int.from_bytes('ab'))
show(lambda: int.from_bytes([1, 256]))
