"""Answers with personal data are never cached; the printable form is locked down (issue 11).

Rule: every JSON answer that carries personal data (dossier views, events, forms, worklists, uploads
metadata, accounts, tokens) says ``Cache-Control: no-store``; the printable form adds a Content
Security Policy without scripts, ``nosniff`` and ``X-Frame-Options: DENY``. Public catalog answers
carry no such header. The lookup's own test checks it on both of its paths (test_lookup.py).
"""

from __future__ import annotations

from tests.dossiers.conftest import BIRTH, COMMUNE, World


async def test_personal_answers_say_no_store(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    citizen = await world.citizen()
    upload_id = await world.upload(citizen)
    created = await world.submit_at_desk(desk, BIRTH, COMMUNE)
    assert created.headers["cache-control"] == "no-store"
    code = created.json()["code"]
    answers = {
        "dossier": await world.get(code, desk),
        "events": await world.client.get(f"/api/v1/dossiers/{code}/events", headers=desk),
        "worklist": await world.client.get("/api/v1/dossiers", headers=desk),
        "form json": await world.client.get(f"/api/v1/dossiers/{code}/forms/receipt", headers=desk),
        "upload": await world.client.get(f"/api/v1/uploads/{upload_id}", headers=citizen),
        "officer me": await world.client.get("/api/v1/auth/me", headers=desk),
        "citizen me": await world.client.get("/api/v1/auth/citizen/me", headers=citizen),
        "dev token": await world.client.post(
            "/api/v1/dev/citizen-token", json={"subject": "c-9", "full_name": "Lê Văn C"}
        ),
    }
    for name, response in answers.items():
        assert response.status_code == 200, (name, response.text)
        assert response.headers["cache-control"] == "no-store", name
    content = await world.client.get(f"/api/v1/uploads/{upload_id}/content", headers=citizen)
    assert content.headers["cache-control"] == "private, no-store"  # its own, kept
    public = await world.client.get("/api/v1/procedures", params={"q": "khai sinh"})
    assert public.status_code == 200
    assert "cache-control" not in public.headers


async def test_the_printable_form_allows_no_script_no_frame_no_cache(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    code = (await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()["code"]
    page = await world.client.get(
        f"/api/v1/dossiers/{code}/forms/receipt", params={"format": "html"}, headers=desk
    )
    assert page.status_code == 200
    csp = {
        directive.split()[0]: directive.split()[1:]
        for directive in page.headers["content-security-policy"].split(";")
    }
    assert csp["default-src"] == ["'none'"]  # hence no script-src: no script runs
    assert "script-src" not in csp
    assert csp["style-src"] == ["'unsafe-inline'"]  # the page's own <style>
    assert csp["img-src"] == ["data:"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["cache-control"] == "no-store"
    assert "<script" not in page.text.lower()
