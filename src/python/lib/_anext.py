"""What `anext(ait, default)` returns: an awaitable of the iterator's next item that gives the
default where the iterator is exhausted (CPython's `anext_awaitable`, a coroutine here)."""


async def anext_default(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
