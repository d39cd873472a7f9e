from enum import StrEnum


class UnitKind(StrEnum):
    COMMUNE = "commune"
    PROVINCE = "province"
    SPECIAL_ZONE = "special_zone"
    WARD = "ward"

    def __str__(self) -> str:
        return str(self.value)
