# `await` at module level is refused when the file is compiled.
import asyncio

print("never runs")
await asyncio.sleep(1)
