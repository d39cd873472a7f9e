from enum import StrEnum


class IdentifierKind(StrEnum):
    PASSPORT = "passport"
    PERSONAL_ID = "personal_id"
    TAX_CODE = "tax_code"

    def __str__(self) -> str:
        return str(self.value)
