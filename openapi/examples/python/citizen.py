"""A citizen's journey with the generated Python client, against the demo (``make demo``):

search a procedure, upload its documents, submit a dossier (development citizen token), look it up
with its code and PIN, pay the copy fee in the demo's sandbox gateway, supplement what the desk asks
for, download the electronic result, rate.

    .venv/bin/python openapi/examples/python/citizen.py http://127.0.0.1:8000

Each step asserts what the API answered; ``tests/clients/test_journeys.py`` runs it on a live demo.
"""

from __future__ import annotations

import html
import re
import sys
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import httpx
from common import BIRTH, CITIZEN_ID, COMMUNE, COMMUNE_UNIT, citizen, officer, ok, upload
from motcua_client import AuthenticatedClient, Client
from motcua_client.api.catalog import get_procedure, search_procedures
from motcua_client.api.dossiers import (
    add_dossier_documents,
    dossier_action,
    download_dossier_result,
    get_dossier,
    submit_dossier,
)
from motcua_client.api.lookup import lookup_dossier
from motcua_client.api.payments import get_payment, start_payment
from motcua_client.models import (
    Action,
    ActionRequest,
    Applicant,
    DocumentInput,
    DossierCreate,
    DossierRead,
    DossierStatus,
    FeeChoice,
    IdentifierKind,
    PaymentCreate,
    PaymentProvider,
    PaymentRead,
    PaymentStatus,
    ResultDelivery,
    SubmissionChannel,
    SupplementItem,
)


@dataclass
class Journey:
    code: str
    pin: str
    receipt_number: str
    rating: int


def online_documents(client: AuthenticatedClient, procedure_code: str) -> list[str]:
    """The requirement codes a dossier submitted online must bring (mandatory, for the online
    channel, not only shown at a desk)."""
    procedure = ok(get_procedure.sync_detailed(procedure_code, client=client))
    return [
        doc.code
        for doc in procedure.documents
        if doc.mandatory
        and not doc.presented_only
        and (not doc.channels or SubmissionChannel.ONLINE in doc.channels)
    ]


def submit(
    client: AuthenticatedClient,
    name: str,
    delivery: ResultDelivery = ResultDelivery.ONLINE,
    copies: int = 2,
) -> tuple[str, str]:
    """Uploads the documents and submits a birth registration (``copies`` of the certificate, the
    result delivered ``delivery``); returns the receipt's code and lookup PIN."""
    documents = [
        DocumentInput(requirement_code=code, upload_id=uuid.UUID(upload(client)))
        for code in online_documents(client, BIRTH)
    ]
    body = DossierCreate(
        procedure_code=BIRTH,
        agency_code=COMMUNE,
        applicant=Applicant(
            name=name,
            id_kind=IdentifierKind.PERSONAL_ID,
            id_number=CITIZEN_ID,
            phone="0912345678",
            unit_code=COMMUNE_UNIT,
        ),
        documents=documents,
        result_delivery=delivery,
        fee_choices=[FeeChoice(index=1, copies=copies)],
    )
    dossier = ok(
        submit_dossier.sync_detailed(client=client, body=body, idempotency_key=str(uuid.uuid4())),
        201,
    )
    assert dossier.status == DossierStatus.SUBMITTED
    assert dossier.pin
    return dossier.code, dossier.pin


def pay_in_sandbox(client: AuthenticatedClient, code: str) -> str:
    """Starts a VNPay payment of the fees due and pays it in the demo's sandbox page over HTTP:
    the page's form (``Thanh toán``) sends the signed IPN and redirects to our return page."""
    payment = ok(
        start_payment.sync_detailed(
            code, client=client, body=PaymentCreate(provider=PaymentProvider.VNPAY)
        ),
        201,
    )
    assert payment.status == PaymentStatus.PENDING and payment.pay_url
    with httpx.Client(timeout=30, follow_redirects=True) as browser:
        page = browser.get(payment.pay_url)
        assert page.status_code == 200 and "Thanh toán" in page.text, page.text
        query = re.search(r"name='query' value='([^']*)'", page.text)
        assert query, page.text
        back = browser.post(
            urljoin(payment.pay_url, "/sandbox/vnpay/pay"),
            data={"query": html.unescape(query.group(1)), "choice": "pay"},
        )
        assert back.status_code == 200 and "Đã thanh toán" in back.text, back.text
    settled: PaymentRead = ok(get_payment.sync_detailed(payment.id, client=client))
    assert settled.status == PaymentStatus.SUCCEEDED and settled.receipt_number
    return settled.receipt_number


def act(client: AuthenticatedClient, code: str, action: Action, **body: Any) -> DossierRead:
    """Takes a lifecycle action on a dossier; answers the dossier after it."""
    dossier: DossierRead = ok(
        dossier_action.sync_detailed(code, action, client=client, body=ActionRequest(**body))
    )
    return dossier


def citizen_journey(base_url: str) -> Journey:
    me = citizen(base_url, "journey-citizen", "Nguyễn Thị B")

    # 1. search the catalog
    found = ok(search_procedures.sync_detailed(client=me, q="khai sinh"))
    assert BIRTH in [p.code for p in found.items], [p.code for p in found.items]

    # 2-3. upload the documents, submit
    code, pin = submit(me, "Nguyễn Thị B")

    # 4. the public lookup (no token) with code and PIN
    anonymous = Client(base_url=base_url)
    public = ok(lookup_dossier.sync_detailed(code, client=anonymous, pin=pin))
    assert public.status == DossierStatus.SUBMITTED and public.code == code

    # 5. pay the copy fee (2 × 8,000 đ) in the sandbox
    receipt_number = pay_in_sandbox(me, code)
    paid = [
        line for line in ok(get_dossier.sync_detailed(code, client=me)).fee_lines if line.paid_at
    ]
    assert paid and paid[0].receipt_number == receipt_number

    # 6. the desk receives and asks for a supplement; the citizen supplements it
    desk = officer(base_url, "tiepnhan.xa")
    act(desk, code, Action.RECEIVE)
    asked_for = online_documents(me, BIRTH)[-1]
    requested = act(
        desk,
        code,
        Action.REQUEST_SUPPLEMENT,
        note="Bản chụp không đọc được",
        items=[SupplementItem(requirement_code=asked_for, reason="Bản chụp không đọc được")],
    )
    assert requested.status == DossierStatus.SUPPLEMENT_REQUESTED
    supplemented = act(
        me,
        code,
        Action.SUPPLEMENT,
        documents=[DocumentInput(requirement_code=asked_for, upload_id=uuid.UUID(upload(me)))],
    )
    assert supplemented.status == DossierStatus.RECEIVED
    assert supplemented.supplement_count == 1

    # 7. processing: desk → specialist → leader, who attaches the result and resolves
    act(desk, code, Action.FORWARD)
    act(officer(base_url, "chuyenvien.xa"), code, Action.FORWARD)
    leader = officer(base_url, "lanhdao.xa")
    result = ActionRequest(
        documents=[DocumentInput(requirement_code="KQ", upload_id=uuid.UUID(upload(leader)))]
    )
    ok(add_dossier_documents.sync_detailed(code, client=leader, body=result))
    assert act(leader, code, Action.RESOLVE).status == DossierStatus.RESOLVED

    # 8. the citizen downloads the electronic result: the first download is its return
    download = download_dossier_result.sync_detailed(code, client=me)
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
    returned = ok(get_dossier.sync_detailed(code, client=me))
    assert returned.status == DossierStatus.RETURNED

    # 9. rate
    rated = act(me, code, Action.RATE, rating=5)
    assert rated.rating == 5
    return Journey(code=code, pin=pin, receipt_number=receipt_number, rating=rated.rating)


if __name__ == "__main__":
    print(citizen_journey(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"))
