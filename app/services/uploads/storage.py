"""Where uploaded bytes live: a small interface, a local-folder implementation.

Keys are generated here (``ab/cd/<uuid>``), never derived from anything a client sent, so no file name
can reach a path. An S3-compatible store can implement the same four operations later.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterable, AsyncIterator
from pathlib import Path
from typing import BinaryIO, Protocol

import anyio

READ_CHUNK = 64 * 1024


class Storage(Protocol):
    async def put(self, chunks: AsyncIterable[bytes]) -> str:
        """Store the stream under a new key and return it. If the stream raises, nothing remains."""
        ...

    def open(self, key: str) -> AsyncIterator[bytes]:
        """The stored bytes, in chunks (``FileNotFoundError`` when the key does not exist)."""
        ...

    async def delete(self, key: str) -> None:
        """Remove the object; a missing key is not an error."""
        ...

    async def exists(self, key: str) -> bool: ...


class LocalStorage:
    """Files under ``root``; written to a temporary file, synced, then renamed into place."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        parts = key.split("/")
        if len(parts) != 3 or not all(part.isalnum() for part in parts):
            raise ValueError("not a storage key")
        return self.root / key

    async def put(self, chunks: AsyncIterable[bytes]) -> str:
        name = uuid.uuid4().hex
        key = f"{name[:2]}/{name[2:4]}/{name}"
        final = self._path(key)
        await asyncio.to_thread(final.parent.mkdir, parents=True, exist_ok=True)
        temp = final.with_name(f".{name}.part")
        handle: BinaryIO = await asyncio.to_thread(open, temp, "xb")
        try:
            try:
                async for chunk in chunks:
                    await asyncio.to_thread(handle.write, chunk)
                await asyncio.to_thread(handle.flush)
                await asyncio.to_thread(os.fsync, handle.fileno())
            finally:
                await asyncio.to_thread(handle.close)
            await asyncio.to_thread(os.replace, temp, final)
        except BaseException:
            await asyncio.to_thread(temp.unlink, missing_ok=True)
            raise
        return key

    async def open(self, key: str) -> AsyncIterator[bytes]:
        async with await anyio.open_file(self._path(key), "rb") as handle:
            while chunk := await handle.read(READ_CHUNK):
                yield chunk

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, missing_ok=True)

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self._path(key).is_file)
