# `await` in a function that is not `async def` is refused when the file is compiled.
import asyncio


def main():
    print("never runs")
    await asyncio.sleep(1)
