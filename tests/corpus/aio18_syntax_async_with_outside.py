# `async with` in a function that is not `async def` is refused when the file is compiled.
import asyncio


def main():
    lock = asyncio.Lock()
    async with lock:
        print("never runs")
