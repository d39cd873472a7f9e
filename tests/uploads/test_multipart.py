"""The streaming multipart reader: each part's headers bound to its own data, whatever the order of
the fields and wherever the body's chunks split."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import DomainError
from app.services.uploads.multipart import MultipartReader

BOUNDARY = "----motcua-property-boundary"
FILE = (
    "file",
    "giay to.pdf",
    "application/pdf",
    b"%PDF-1.7\r\n--not-a-boundary\r\n" + bytes(range(256)),
)
PURPOSE = ("purpose", None, None, b"submitted")
NOTE = ("note", None, None, "ghi chú".encode())
PARTS = (FILE, PURPOSE, NOTE)


def body(parts: Sequence[tuple[str, str | None, str | None, bytes]]) -> bytes:
    out = b""
    for name, file_name, content_type, data in parts:
        disposition = f'form-data; name="{name}"'
        if file_name is not None:
            disposition += f'; filename="{file_name}"'
        out += f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n".encode()
        if content_type is not None:
            out += f"Content-Type: {content_type}\r\n".encode()
        out += b"\r\n" + data + b"\r\n"
    return out + f"--{BOUNDARY}--\r\n".encode()


async def parse(chunks: Sequence[bytes]) -> Any:
    """What the reader makes of a body: the file part, its bytes and the text fields, or the error."""

    async def stream() -> AsyncIterator[bytes]:
        for chunk in chunks:
            yield chunk

    reader = MultipartReader(BOUNDARY.encode(), stream(), max_file_bytes=10_000)
    try:
        part = await reader.next_file("file")
        data = b"".join([c async for c in reader.file_data()]) if part is not None else None
        if part is not None:
            await reader.finish("file")
        return part, data, dict(reader.fields), reader.complete
    except DomainError as exc:
        return type(exc).__name__, exc.instance_code


def split(raw: bytes, cuts: Sequence[int]) -> list[bytes]:
    points = [0, *sorted(set(cuts)), len(raw)]
    return [raw[a:b] for a, b in itertools.pairwise(points)]


ORDERS = [
    list(p)
    for n in (1, 2, 3)
    for c in itertools.combinations(PARTS, n)
    for p in itertools.permutations(c)
]


def expected(parts: Sequence[tuple[str, str | None, str | None, bytes]]) -> Any:
    fields = {name: data.decode() for name, file_name, _, data in parts if file_name is None}
    has_file = any(name == "file" for name, *_ in parts)
    return has_file, fields


@settings(max_examples=300, deadline=None)
@given(
    order=st.sampled_from(ORDERS),
    cuts=st.lists(st.integers(min_value=1, max_value=2000), max_size=12),
)
def test_every_split_of_a_body_parses_the_same(order: list[Any], cuts: list[int]) -> None:
    raw = body(order)
    whole = asyncio.run(parse([raw]))
    has_file, fields = expected(order)
    if has_file:
        part, data, parsed_fields, complete = whole
        assert (part.field_name, part.file_name, part.content_type) == FILE[:3]
        assert data == FILE[3]
        assert parsed_fields == fields
        assert complete
    else:
        part, data, parsed_fields, complete = whole
        assert part is None
        assert parsed_fields == fields
    chunks = split(raw, [c for c in cuts if c < len(raw)])
    assert asyncio.run(parse(chunks)) == whole


def test_byte_by_byte_and_every_two_way_split_parse_the_same() -> None:
    for order in ORDERS:
        raw = body(order)
        whole = asyncio.run(parse([raw]))
        assert asyncio.run(parse([raw[i : i + 1] for i in range(len(raw))])) == whole
        for cut in range(1, len(raw)):
            assert asyncio.run(parse([raw[:cut], raw[cut:]])) == whole, (order, cut)
