from enum import StrEnum


class RegisterFormat(StrEnum):
    CSV = "csv"
    HTML = "html"
    JSON = "json"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
