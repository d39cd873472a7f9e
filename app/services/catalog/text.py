"""The one folding of Vietnamese text used for search, on the stored side and on the query side.

The embedded PostgreSQL has no ``unaccent`` and may run with the C locale, where ``lower()`` leaves
``Đ`` and ``Ấ`` alone. So the application folds: the catalog stores ``fold(name)`` next to the name
and the search folds the query with the same function, and both meet in plain ASCII.
"""

from __future__ import annotations

import re
import unicodedata

# đ/Đ is a letter of its own, not d plus a combining mark: NFD does not decompose it.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "d"})
_WORD = re.compile(r"[0-9a-z]+(?:\.[0-9a-z]+)*")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case ASCII-ish form: NFD, combining marks dropped, đ → d, spaces collapsed.

    ``fold("Cấp GIẤY phép  Xây dựng")`` is ``"cap giay phep xay dung"``.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower()).strip()


def search_words(text: str) -> list[str]:
    """The words of ``fold(text)`` that full-text search can match (letters, digits, dotted codes)."""
    return _WORD.findall(fold(text))


def prefix_tsquery(text: str) -> str | None:
    """A ``to_tsquery('simple', ...)`` argument: every word as a prefix, all required.

    Words contain only ``[0-9a-z.]`` so nothing in the user's text can act as tsquery syntax; the
    result is still passed as a bound parameter, never spliced into SQL.
    """
    words = search_words(text)
    if not words:
        return None
    return " & ".join(f"{word}:*" for word in words)
