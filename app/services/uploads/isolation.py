"""Run an untrusted-input parser in a child process that can be killed (issue 11).

A thread cannot be stopped: a crafted PDF that sends pypdf into a loop would hold a worker thread for
ever, and a handful of them would starve the process. :func:`run_isolated` runs a function in a child
forked from a ``forkserver`` that has already imported the parsers (a start costs milliseconds, not
an interpreter start-up), waits for its answer on a pipe without blocking the event loop, and kills
the child when the time limit passes. The child's address space is capped (``RLIMIT_AS``), so a
decompression bomb ends as a ``MemoryError`` in the child, not in the server.

The function and its arguments cross a pipe, so they are picklable: a module-level function (by its
qualified name) and plain data. Its result or exception comes back the same way; an exception that
cannot be pickled, or a child that dies without answering, is :class:`ChildFailed`.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import resource
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")

_context = multiprocessing.get_context("forkserver")
# the server imports the parsers once; every child is forked from it with them loaded
_context.set_forkserver_preload(["app.services.uploads.content"])


class ChildFailed(Exception):
    """The child ended without an answer we can read (killed, crashed, or an unpicklable error)."""


def _child(
    conn: Connection, memory_bytes: int, function: Callable[..., Any], args: tuple[Any, ...]
) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        outcome: tuple[str, Any] = ("returned", function(*args))
    except BaseException as exc:  # everything goes back to the parent, which decides
        outcome = ("raised", exc)
    try:
        conn.send(outcome)
    except Exception as exc:  # an unpicklable result or error: say only what kind of failure
        conn.send(("failed", type(exc).__name__))
    finally:
        conn.close()


async def _readable(conn: Connection) -> None:
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    loop.add_reader(conn.fileno(), wake)
    try:
        await ready
    finally:
        loop.remove_reader(conn.fileno())


async def run_isolated(
    function: Callable[..., T],
    *args: Any,
    timeout_seconds: float,
    memory_bytes: int,
) -> T:
    """``function(*args)`` in a killable child; ``TimeoutError`` after the limit (the child killed)."""
    receiving, sending = _context.Pipe(duplex=False)
    process = _context.Process(
        target=_child, args=(sending, memory_bytes, function, args), daemon=True
    )
    try:
        # start() hands the arguments to the fork server over a socket: off the loop
        await asyncio.to_thread(process.start)
        sending.close()
        await asyncio.wait_for(_readable(receiving), timeout_seconds)
        try:
            kind, value = receiving.recv()
        except (EOFError, OSError) as exc:
            raise ChildFailed("the child ended without an answer") from exc
    finally:
        sending.close()
        receiving.close()
        if process.is_alive():
            process.kill()
        if process.pid is not None:
            await asyncio.to_thread(process.join)
            process.close()
    if kind == "failed":
        raise ChildFailed(f"the child's answer could not be sent back ({value})")
    if kind == "raised":
        raise value
    return value  # type: ignore[no-any-return]
