from enum import StrEnum


class FormName(StrEnum):
    APOLOGY = "apology"
    CONTROL_SHEET = "control_sheet"
    RECEIPT = "receipt"
    REFUSAL = "refusal"
    STOP_NOTICE = "stop_notice"
    SUPPLEMENT_REQUEST = "supplement_request"

    def __str__(self) -> str:
        return str(self.value)
