"""Documents by channel (issue 12): each document says which channels require it and whether it is
only shown at the desk ("Xuất trình (không nộp)"). An online birth registration (1.001193) needs
only the online documents; the desk ticks the paper form and the identity card shown."""

from __future__ import annotations

import copy
from typing import Any

from app.schemas.dossiers import DossierCreate
from tests.dossiers.conftest import BIRTH, COMMUNE, World

ONLINE_FORM, BIRTH_CERTIFICATE, PAPER_FORM, ID_CARD = "TP02", "TP03", "TP01", "TP07"


async def test_an_online_birth_registration_needs_only_the_online_documents(world: World) -> None:
    assert await world.mandatory_documents(BIRTH, "online") == [ONLINE_FORM, BIRTH_CERTIFICATE]
    citizen = await world.citizen("birth-online-documents")
    response = await world.submit_online(
        citizen, BIRTH, COMMUNE, documents=[ONLINE_FORM, BIRTH_CERTIFICATE]
    )
    assert response.status_code == 201, response.text
    assert {d["requirement_code"] for d in response.json()["documents"]} == {
        ONLINE_FORM,
        BIRTH_CERTIFICATE,
    }


async def test_online_the_missing_document_named_is_the_online_form(world: World) -> None:
    citizen = await world.citizen("birth-online-missing")
    response = await world.submit_online(citizen, BIRTH, COMMUNE, documents=[BIRTH_CERTIFICATE])
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "mandatory_documents_missing"
    assert [e["message"].split(":")[0] for e in body["errors"]] == [
        f"Thiếu thành phần bắt buộc {ONLINE_FORM}"
    ]


async def test_a_document_only_shown_at_the_desk_is_never_uploaded(world: World) -> None:
    citizen = await world.citizen("birth-online-id-card")
    response = await world.submit_online(
        citizen, BIRTH, COMMUNE, documents=[ONLINE_FORM, BIRTH_CERTIFICATE, ID_CARD]
    )
    assert response.status_code == 422
    assert response.json()["code"] == "document_only_presented"
    assert response.json()["errors"][0]["field"] == "documents.2.upload_id"


async def test_at_the_desk_the_paper_form_and_the_id_card_shown_are_required(
    world: World,
) -> None:
    assert await world.mandatory_documents(BIRTH, "desk") == [
        PAPER_FORM,
        BIRTH_CERTIFICATE,
        ID_CARD,
    ]
    desk = await world.officer("tiepnhan.xa")
    body = {
        "procedure_code": BIRTH,
        "agency_code": COMMUNE,
        "receiving_office_code": COMMUNE,
        "applicant": {"name": "Trần Thị Bình", "id_number": "001199054321"},
        "documents": [
            {"requirement_code": code, "paper_original_checked": True}
            for code in (PAPER_FORM, BIRTH_CERTIFICATE)
        ],
        "outcome": "receive",
    }
    missing = await world.client.post("/api/v1/dossiers", json=body, headers=desk)
    assert missing.status_code == 422
    assert missing.json()["code"] == "mandatory_documents_missing"
    assert ID_CARD in missing.json()["detail"]
    body["documents"].append({"requirement_code": ID_CARD, "paper_original_checked": True})
    received = await world.client.post("/api/v1/dossiers", json=body, headers=desk)
    assert received.status_code == 201, received.text


async def test_the_docs_example_of_an_online_birth_registration_is_accepted(world: World) -> None:
    example: dict[str, Any] = copy.deepcopy(
        DossierCreate.model_config["json_schema_extra"]["example"]
    )  # type: ignore[index]
    assert example["procedure_code"] == BIRTH
    citizen = await world.citizen("docs-example")
    for document in example["documents"]:
        document["upload_id"] = await world.upload(citizen)
    response = await world.client.post("/api/v1/dossiers", json=example, headers=citizen)
    assert response.status_code == 201, response.text
