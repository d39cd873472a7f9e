"""Applicant data: identifier, phone and e-mail checks, and the masked name of the public lookup.

Personal data protection (Decree 13/2023/NĐ-CP): the public lookup shows the applicant's name masked
and nothing else that identifies them.
"""

from __future__ import annotations

import re
from enum import StrEnum


class IdentifierKind(StrEnum):
    personal_id = "personal_id"  # số định danh cá nhân / CCCD: 12 digits
    passport = "passport"
    tax_code = "tax_code"  # mã số thuế: 10 digits, or 10 digits + "-" + 3 digits for a branch


_PATTERNS: dict[IdentifierKind, re.Pattern[str]] = {
    IdentifierKind.personal_id: re.compile(r"^\d{12}$"),
    # Vietnamese passports are a letter and 7 digits; foreign ones vary, so 6-20 letters and digits.
    IdentifierKind.passport: re.compile(r"^[A-Z0-9]{6,20}$"),
    IdentifierKind.tax_code: re.compile(r"^\d{10}(?:-\d{3})?$"),
}

_MESSAGES: dict[IdentifierKind, str] = {
    IdentifierKind.personal_id: "Số định danh cá nhân phải gồm đúng 12 chữ số",
    IdentifierKind.passport: "Số hộ chiếu phải gồm 6-20 chữ cái in hoa hoặc chữ số",
    IdentifierKind.tax_code: "Mã số thuế phải gồm 10 chữ số, hoặc dạng 0123456789-001 đối với chi nhánh",
}

# Mobile: 0 + 3/5/7/8/9 + 8 digits; landline: 02 + 9 digits. +84 / 84 may replace the leading 0.
_PHONE = re.compile(r"^(?:\+?84|0)((?:[35789]\d{8})|(?:2\d{9}))$")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")


def normalise_identifier(kind: IdentifierKind, value: str) -> str:
    """The canonical form, or ValueError with a Vietnamese message for the caller."""
    cleaned = re.sub(r"\s+", "", value).upper()
    if not _PATTERNS[kind].match(cleaned):
        raise ValueError(_MESSAGES[kind])
    return cleaned


def normalise_phone(value: str) -> str:
    """``0912345678`` form of a Vietnamese phone number, or ValueError."""
    cleaned = re.sub(r"[\s.()-]+", "", value)
    match = _PHONE.match(cleaned)
    if not match:
        raise ValueError("Số điện thoại không hợp lệ (ví dụ 0912345678)")
    return "0" + match.group(1)


def normalise_email(value: str) -> str:
    cleaned = value.strip()
    if len(cleaned) > 254 or not _EMAIL.match(cleaned):
        raise ValueError("Địa chỉ thư điện tử không hợp lệ")
    local, _, domain = cleaned.rpartition("@")
    return f"{local}@{domain.lower()}"


def mask_person_name(name: str) -> str:
    """``Nguyễn Văn An`` → ``Nguyễn V** A**``: the family name stays, other words keep one letter."""
    words = name.split()
    if not words:
        return ""
    return " ".join([words[0], *(word[0] + "**" for word in words[1:])])
