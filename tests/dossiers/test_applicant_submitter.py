"""The applicant and the submitter (issue 13): an online citizen submits for themselves (the
applicant's personal id is the token's verified one) or as a declared representative (relationship,
authorisation document); the dossier records whether the account was verified with VNeID."""

from __future__ import annotations

from typing import Any

from tests.dossiers.conftest import BIRTH, CITIZEN_ID, COMMUNE, COMMUNE_UNIT, World

OTHER_PERSON = {
    "name": "Lê Thị Cúc",
    "id_kind": "personal_id",
    "id_number": "001188077665",
    "unit_code": COMMUNE_UNIT,
}


def _submitter(**extra: Any) -> dict[str, Any]:
    return {
        "name": "Nguyễn Văn An",
        "id_kind": "personal_id",
        "id_number": CITIZEN_ID,
        "relationship": "authorised",
        **extra,
    }


async def test_a_citizen_cannot_submit_under_another_persons_id(world: World) -> None:
    citizen = await world.citizen("applicant-1")
    refused = await world.submit_online(citizen, BIRTH, COMMUNE, applicant=OTHER_PERSON)
    assert (refused.status_code, refused.json()["code"]) == (403, "applicant_not_caller")
    # a declared submitter who is someone else again is refused too
    impostor = await world.submit_online(
        citizen,
        BIRTH,
        COMMUNE,
        applicant=OTHER_PERSON,
        submitter=_submitter(
            id_number="001077000111",
            authorisation_upload_id=await world.upload(citizen),
        ),
    )
    assert (impostor.status_code, impostor.json()["code"]) == (403, "applicant_not_caller")
    # an account without a verified personal id cannot submit online
    unverified_token, _ = await world.app.state.dev_issuer.mint("no-id", "Không Định Danh")
    unverified = await world.submit_online(
        {"Authorization": f"Bearer {unverified_token}"}, BIRTH, COMMUNE
    )
    assert (unverified.status_code, unverified.json()["code"]) == (403, "personal_id_unverified")


async def test_a_citizen_submits_for_themselves(world: World) -> None:
    citizen = await world.citizen("applicant-2", vneid_verified=True)
    own = await world.submit_online(citizen, BIRTH, COMMUNE)
    assert own.status_code == 201, own.text
    dossier = own.json()
    assert dossier["applicant"]["id_number"] == CITIZEN_ID
    assert dossier["submitter"] is None
    assert dossier["owner_vneid_verified"] is True
    plain = await world.citizen("applicant-3")
    assert (await world.submit_online(plain, BIRTH, COMMUNE)).json()[
        "owner_vneid_verified"
    ] is False


async def test_a_citizen_submits_as_a_declared_representative(world: World) -> None:
    citizen = await world.citizen("representative-1")
    missing = await world.submit_online(
        citizen, BIRTH, COMMUNE, applicant=OTHER_PERSON, submitter=_submitter()
    )
    assert missing.status_code == 422  # an authorised submitter brings the authorisation
    paper = await world.submit_online(
        citizen,
        BIRTH,
        COMMUNE,
        applicant=OTHER_PERSON,
        submitter=_submitter(authorisation_paper_checked=True),
    )
    assert (paper.status_code, paper.json()["code"]) == (422, "paper_only_at_desk")
    same = await world.submit_online(
        citizen,
        BIRTH,
        COMMUNE,
        submitter=_submitter(authorisation_upload_id=await world.upload(citizen)),
    )
    assert (same.status_code, same.json()["code"]) == (422, "submitter_invalid")

    submitted = await world.submit_online(
        citizen,
        BIRTH,
        COMMUNE,
        applicant=OTHER_PERSON,
        submitter=_submitter(
            phone="0912000111", authorisation_upload_id=await world.upload(citizen)
        ),
    )
    assert submitted.status_code == 201, submitted.text
    dossier = submitted.json()
    assert dossier["applicant"]["id_number"] == OTHER_PERSON["id_number"]
    assert dossier["submitter"] == {
        "name": "Nguyễn Văn An",
        "id_kind": "personal_id",
        "id_number": CITIZEN_ID,
        "phone": "0912000111",
        "relationship": "authorised",
        "authorisation_document": "GIAY_UY_QUYEN",
    }
    assert "GIAY_UY_QUYEN" in [d["requirement_code"] for d in dossier["documents"]]
    # a parent (legal representative) needs no authorisation document
    parent = await world.submit_online(
        citizen,
        BIRTH,
        COMMUNE,
        applicant=OTHER_PERSON,
        submitter=_submitter(relationship="legal_representative"),
    )
    assert parent.status_code == 201, parent.text


async def test_the_desk_records_a_submitter_checked_on_paper(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(
        desk,
        BIRTH,
        submitter={
            "name": "Phạm Văn Đông",
            "id_number": "001066055444",
            "relationship": "authorised",
            "authorisation_paper_checked": True,
        },
    )
    assert created.status_code == 201, created.text
    assert created.json()["submitter"]["relationship"] == "authorised"
    assert created.json()["owner_vneid_verified"] is None
