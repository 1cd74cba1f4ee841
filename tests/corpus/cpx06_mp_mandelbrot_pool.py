# The classic demo: a Mandelbrot set computed row by row over a Pool, drawn in characters.
import multiprocessing as mp

WIDTH, HEIGHT, LIMIT = 48, 16, 40


def escape(c):
    z = 0j
    for n in range(LIMIT):
        z = z * z + c
        if abs(z) > 2:
            return n
    return LIMIT


def row(y):
    im = 1.2 - 2.4 * y / (HEIGHT - 1)
    cells = []
    for x in range(WIDTH):
        c = complex(-2.1 + 2.8 * x / (WIDTH - 1), im)
        cells.append(escape(c))
    return y, cells


if __name__ == "__main__":
    palette = " .:-=+*#%@"
    with mp.Pool(3) as pool:
        rows = pool.map(row, range(HEIGHT), chunksize=2)
    inside = 0
    for y, cells in rows:
        inside += cells.count(LIMIT)
        print("".join(palette[min(n * len(palette) // LIMIT, len(palette) - 1)] for n in cells))
    print("points inside:", inside)
    print("rows in order:", [y for y, _ in rows] == list(range(HEIGHT)))
    with mp.Pool(2) as pool:
        print(pool.map(escape, [0j, 1j, -1, 0.25 + 0.5j, 1 + 1j, complex("-0.75+0.1j")]))
