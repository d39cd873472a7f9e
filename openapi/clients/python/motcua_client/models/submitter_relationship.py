from enum import StrEnum


class SubmitterRelationship(StrEnum):
    AUTHORISED = "authorised"
    LEGAL_REPRESENTATIVE = "legal_representative"
    ORGANISATION_REPRESENTATIVE = "organisation_representative"

    def __str__(self) -> str:
        return str(self.value)
