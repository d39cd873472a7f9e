"""An officer's journey with the generated Python client, against the demo (``make demo``):

log in (OAuth2 password flow), find the new dossier in the worklist, receive it, forward it along the
commune's steps (desk → specialist → leader), resolve it with its result, return the result at the
desk. A citizen submits the dossier first (development citizen token).

    .venv/bin/python openapi/examples/python/officer.py http://127.0.0.1:8000

Each step asserts what the API answered; ``tests/clients/test_journeys.py`` runs it on a live demo.
"""

from __future__ import annotations

import sys
import uuid

from citizen import act, submit
from common import COMMUNE, citizen, officer, ok, upload
from motcua_client import AuthenticatedClient
from motcua_client.api.auth import auth_me
from motcua_client.api.dossiers import add_dossier_documents, dossier_events, list_dossiers
from motcua_client.models import (
    Action,
    ActionRequest,
    DocumentInput,
    DossierStatus,
    ResultDelivery,
)


def worklist(client: AuthenticatedClient, *statuses: DossierStatus) -> list[str]:
    """The codes in the officer's worklist at the commune, in the given statuses (every page)."""
    codes: list[str] = []
    cursor: str | None = None
    while True:
        page = ok(
            list_dossiers.sync_detailed(
                client=client, status=list(statuses), agency=COMMUNE, cursor=cursor, limit=100
            )
        )
        codes += [item.code for item in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return codes


def officer_journey(base_url: str) -> list[str]:
    """Returns the dossier's events, in order."""
    applicant = citizen(base_url, "journey-officer", "Trần Văn C")
    code, _pin = submit(applicant, "Trần Văn C", delivery=ResultDelivery.DESK, copies=0)

    # 1. log in (password flow) and see who we are
    desk = officer(base_url, "tiepnhan.xa")
    me = ok(auth_me.sync_detailed(client=desk))
    assert me.username == "tiepnhan.xa"

    # 2. the worklist shows the new dossier; receive it (the clock starts)
    assert code in worklist(desk, DossierStatus.SUBMITTED)
    received = act(desk, code, Action.RECEIVE)
    assert received.status == DossierStatus.RECEIVED and received.due_at is not None

    # 3. forward: desk → specialist → leader
    forwarded = act(desk, code, Action.FORWARD)
    assert forwarded.status == DossierStatus.IN_PROGRESS
    specialist = officer(base_url, "chuyenvien.xa")
    assert code in worklist(specialist, DossierStatus.IN_PROGRESS)
    act(specialist, code, Action.FORWARD)

    # 4. the leader attaches the result and resolves
    leader = officer(base_url, "lanhdao.xa")
    result = ActionRequest(
        documents=[DocumentInput(requirement_code="KQ", upload_id=uuid.UUID(upload(leader)))]
    )
    ok(add_dossier_documents.sync_detailed(code, client=leader, body=result))
    resolved = act(leader, code, Action.RESOLVE)
    assert resolved.status == DossierStatus.RESOLVED and resolved.finished_at is not None

    # 5. the desk returns the result to the applicant
    returned = act(desk, code, Action.RETURN_RESULT)
    assert returned.status == DossierStatus.RETURNED and returned.returned_at is not None

    trail = ok(dossier_events.sync_detailed(code, client=desk))
    return [str(event.action) for event in trail.events]


if __name__ == "__main__":
    print(officer_journey(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"))
