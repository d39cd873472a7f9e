from enum import StrEnum


class Action(StrEnum):
    ASSIGN = "assign"
    FORWARD = "forward"
    RATE = "rate"
    RECEIVE = "receive"
    RECORD_DELIVERY = "record_delivery"
    RECORD_PAYMENT = "record_payment"
    REFUSE = "refuse"
    REJECT = "reject"
    REQUEST_PAYMENT = "request_payment"
    REQUEST_SUPPLEMENT = "request_supplement"
    RESCHEDULE = "reschedule"
    RESOLVE = "resolve"
    RETURN_RESULT = "return_result"
    SEND_BACK = "send_back"
    STOP = "stop"
    SUPPLEMENT = "supplement"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
