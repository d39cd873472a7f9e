"""Schemathesis hooks of the fuzz runs (loaded by ``SCHEMATHESIS_HOOKS=tests.fuzz.hooks``).

The runner (``tests/fuzz/run.py``) sets three variables: ``MOTCUA_FUZZ_STATE`` (the JSON file of
``tests/fuzz/fixtures.py``: tokens and realistic identifiers), ``MOTCUA_FUZZ_IDENTITY``
(``anonymous`` or ``admin``) and ``MOTCUA_FUZZ_RECORD`` (where every answer's status is appended).

``before_call`` runs before every request of every phase (examples, coverage, fuzzing, stateful):

* **Identity.** The admin run sends the province administrator's token. Three kinds of operation
  are sent as someone else, because the administrator cannot succeed there or must not act there:
  the self-service operations (``/auth/revoke``, ``/auth/password``) always run as the run's own
  account ``fuzz.self`` (never the administrator's own: the run must not revoke or change its own
  account); in the realistic share, the citizen's own read as the citizen, and dossier submission,
  actions and reads as the commune's receptionist.
* **Guard.** An administrator's user operation (``/admin/users/{username}...``) aimed at a demo
  account or at ``fuzz.self`` is pointed at one of the run's target accounts; state changes of
  demo catalog records (publish/retire, units and agencies the province hangs on) are pointed at
  the run's own records. The run never locks or rewires what it relies on.
* **Realistic share.** Every other positive case of an operation (its first included) gets real
  identifiers and valid bodies (a procedure code of the demo catalog, a dossier code with its PIN, a
  valid PNG): without them nearly every answer would be 404/422 and no 2xx would prove the
  operation works. Negative cases are left as generated.

``after_call`` records ``{"op", "status"}`` and renews ``fuzz.self``'s token once it revoked it or
changed its password.
"""

from __future__ import annotations

import json
import os
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import schemathesis
from schemathesis import Case, GenerationMode, HookContext, Response

from app.services.identity.users import normalise_username
from tests.samples import PNG

# Agencies that may apply the run's procedure (each once; later attempts are 409).
APPLYING_AGENCIES = ["000.32.00.H99", "000.33.00.H99", "000.00.11.H99", "000.00.12.H99"]

_STATE_PATH = os.environ.get("MOTCUA_FUZZ_STATE")
STATE: dict[str, Any] = json.loads(Path(_STATE_PATH).read_text()) if _STATE_PATH else {}
IDENTITY = os.environ.get("MOTCUA_FUZZ_IDENTITY", "anonymous")
RECORD = os.environ.get("MOTCUA_FUZZ_RECORD")
DEBUG = os.environ.get("MOTCUA_FUZZ_DEBUG") == "1"  # record bodies and answers too
_lock = threading.Lock()
_rng = random.Random(int(os.environ.get("MOTCUA_FUZZ_SEED", "0")))
_counter = iter(range(1, 10**9))
_self_service: dict[str, str] = {}
_positive: Counter[str] = Counter()  # positive cases seen per operation


def _self_service_token() -> str:
    """``fuzz.self``'s current token (logged in again after it revoked or changed its password)."""
    if "token" not in _self_service:
        response = httpx.post(
            f"{STATE['base_url']}/api/v1/auth/token",
            data={
                "username": STATE["self_service"],
                "password": _self_service.get("password", STATE["self_service_password"]),
            },
            timeout=30,
        )
        response.raise_for_status()
        _self_service["token"] = response.json()["access_token"]
    return _self_service["token"]


# -- realistic values, one function per operation --------------------------------------------------


def _pick(key: str) -> Any:
    return _rng.choice(STATE[key])


def _dossier() -> dict[str, str]:
    found: dict[str, str] = _rng.choice(STATE["dossiers"])
    return found


def _login(case: Case) -> None:
    case.body = {"username": STATE["login_probe"], "password": STATE["demo_password"]}


def _set_path(**values: Any) -> Callable[[Case], None]:
    def apply(case: Case) -> None:
        case.path_parameters = {**(case.path_parameters or {}), **values}

    return apply


def _path_from(**keys: str) -> Callable[[Case], None]:
    def apply(case: Case) -> None:
        case.path_parameters = {
            **(case.path_parameters or {}),
            **{name: _pick(key) for name, key in keys.items()},
        }

    return apply


def _no_query(case: Case) -> None:
    case.query = {}


def _procedure(case: Case) -> None:
    case.path_parameters = {"code": _pick("procedures")}
    case.query = {}


def _due_date(case: Case) -> None:
    case.query = {
        "amount": str(_rng.randint(1, 30)),
        "unit": _rng.choice(["working_days", "working_hours", "calendar_days"]),
        "start": "2026-02-13T16:00:00+07:00",
    }


def _lookup(case: Case) -> None:
    dossier = _dossier()
    case.path_parameters = {"code": dossier["code"]}
    case.query = {"pin": dossier["pin"]}


_ratings = iter(range(10**9))


def _device_rating(case: Case) -> None:
    """The next returned dossier of this run's half (the anonymous and admin runs never share one)."""
    returned = STATE["returned"][0 if IDENTITY == "anonymous" else 1 :: 2]
    dossier = returned[next(_ratings) % len(returned)]
    case.body = {"code": dossier["code"], "pin": dossier["pin"], "rating": _rng.randint(1, 5)}


def _result(case: Case) -> None:
    case.path_parameters = {"code": _rng.choice(STATE["returned"])["code"]}
    case.query = {}


def _citizen_token(case: Case) -> None:
    case.body = {"subject": f"fuzz-{next(_counter)}", "full_name": "Công Dân Thử"}


def _password_change(case: Case) -> None:
    case.body = {
        "current_password": _self_service.get("password", STATE["self_service_password"]),
        "new_password": f"fuzz-doi-mat-khau-{STATE['run']}-{next(_counter)}",
    }


def _new_user(case: Case) -> None:
    case.body = {
        "username": f"fuzz.u{STATE['run']}.{next(_counter)}",
        "full_name": "Cán bộ kiểm thử",
        "password": STATE["self_service_password"],
        "roles": [{"agency": STATE["commune"], "role": "specialist"}],
    }


def _update_user(case: Case) -> None:
    case.path_parameters = {"username": _pick("targets")}
    case.body = _rng.choice([{"full_name": "Cán bộ đổi tên"}, {"active": True}, {"active": False}])


def _reset_password(case: Case) -> None:
    case.path_parameters = {"username": _pick("targets")}
    case.body = {"password": f"fuzz-dat-lai-{next(_counter)}-mat-khau"}


def _unit(case: Case) -> None:
    case.path_parameters = {"code": f"FUZZ-U-{STATE['run']}-{_rng.randint(1, 5)}"}
    case.body = {"name": "Xã Kiểm Thử", "kind": "commune", "parent": "H99"}


def _agency(case: Case) -> None:
    case.path_parameters = {"code": f"FUZZ-A-{STATE['run']}-{_rng.randint(1, 5)}"}
    case.body = {
        "name": "Cơ quan kiểm thử",
        "kind": "other",
        "parent": "000.00.00.H99",
        "receives_dossiers": False,
    }


def _field(case: Case) -> None:
    case.path_parameters = {"code": f"FUZZ-F-{STATE['run']}-{_rng.randint(1, 5)}"}
    case.body = {"name": "Lĩnh vực kiểm thử"}


def _new_procedure(case: Case) -> None:
    case.body = {
        "code": f"FUZZ.{STATE['run']}.p{next(_counter)}",
        "name": "Thủ tục kiểm thử",
        **STATE["procedure_data"],
    }


def _update_procedure(case: Case) -> None:
    case.path_parameters = {"code": _pick("fuzz_procedures")}
    case.body = {"name": "Thủ tục kiểm thử (sửa)", **STATE["procedure_data"]}


def _procedure_state(case: Case) -> None:
    case.path_parameters = {  # the first stays published: its applications need it
        "code": _rng.choice(STATE["fuzz_procedures"][1:]),
        "version": 1,
        "action": _rng.choice(["publish", "retire"]),
    }


def _new_template(case: Case) -> None:
    case.body = {**STATE["template_body"], "code": f"FUZZ-T-{STATE['run']}-{next(_counter)}"}


def _template_version(case: Case) -> None:
    code, version = _pick("templates")
    case.path_parameters = {"code": code, "version": version}


def _new_application(case: Case) -> None:
    case.body = {
        **STATE["application_data"],
        "procedure": STATE["fuzz_procedures"][0],
        "agency": _rng.choice(APPLYING_AGENCIES),
    }


def _update_application(case: Case) -> None:
    case.path_parameters = {"procedure": STATE["fuzz_procedures"][0], "agency": STATE["commune"]}
    case.body = dict(STATE["application_data"])


def _application_state(case: Case) -> None:
    case.path_parameters = {
        "procedure": STATE["fuzz_procedures"][0],
        "agency": STATE["commune"],
        "version": 1,
        "action": _rng.choice(["publish", "retire"]),
    }


def _calendar_day(case: Case) -> None:
    case.path_parameters = {"day": _pick("calendar_days")}
    if case.method.upper() == "PUT":
        # weekdays: a day off is always a change (a working day there would be 422 already_working_day)
        case.body = {"kind": "day_off", "reason": "Kiểm thử"}


def _upload(case: Case) -> None:
    case.body = {"file": PNG}


def _submit(case: Case) -> None:
    case.body = dict(STATE["desk_body"])
    case.headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "idempotency-key"}


def _dossier_read(case: Case) -> None:
    case.path_parameters = {**(case.path_parameters or {}), "code": _dossier()["code"]}
    case.query = {}


def _form(case: Case) -> None:
    case.path_parameters = {"code": _pick("received"), "form": "receipt"}
    case.query = {"format": _rng.choice(["json", "html"])}


def _register(case: Case) -> None:
    today = datetime.now(UTC).date()
    case.path_parameters = {"office_code": STATE["commune"]}
    case.query = {
        "received_from": (today - timedelta(days=1)).isoformat(),
        "received_to": (today + timedelta(days=1)).isoformat(),
        "format": _rng.choice(["json", "csv", "xlsx", "html"]),
    }


def _stats(case: Case) -> None:
    period = datetime.now(UTC).date()
    case.query = {
        "period": _rng.choice([f"{period:%Y-%m}", f"{period:%Y}", f"{period.year}-Q4"]),
        "agency": STATE["commune"],
        "format": _rng.choice(["json", "csv", "xlsx"]),
    }


def _stats_dossiers(case: Case) -> None:
    case.path_parameters = {"indicator": _rng.choice(["2.1", "3.3", "4.2"])}
    case.query = {
        "period": f"{datetime.now(UTC).date():%Y-%m}",
        "part": _rng.choice(["numerator", "denominator"]),
    }


def _action(case: Case) -> None:
    case.path_parameters = {"code": _pick("submitted"), "action": "receive"}
    case.body = {"note": "Tiếp nhận"}
    case.headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "if-match"}


def _documents(case: Case) -> None:
    case.path_parameters = {"code": _pick("in_progress")}
    case.body = {"documents": [{"requirement_code": "KQ01", "upload_id": _pick("desk_uploads")}]}


def _start_payment(case: Case) -> None:
    case.path_parameters = {"code": _pick("payable")}
    case.body = {"provider": "vnpay"}


def _refund(case: Case) -> None:
    case.path_parameters = {"payment_id": _pick("payments")}
    case.body = {"reason": "Kiểm thử hoàn tiền", "reference": f"HT-{next(_counter)}"}


def _replay(case: Case) -> None:
    case.body = {"topic": "notification.log"}


def _portal_file(case: Case) -> None:
    """A signed link the run's runner made with the demo's own key (``run.portal_link``)."""
    link = STATE["portal_link"]
    case.path_parameters = {"document_id": link["document_id"]}
    case.query = {"expires": link["expires"], "signature": link["signature"]}


def _portal_replay(case: Case) -> None:
    case.body = _rng.choice([{}, {"ids": [1]}])


REALISTIC: dict[str, Callable[[Case], None]] = {
    "POST /api/v1/auth/token": _login,
    "POST /api/v1/auth/password": _password_change,
    "GET /api/v1/admin/agencies/{agency_code}/users": _path_from(agency_code="agencies"),
    "POST /api/v1/admin/users": _new_user,
    "PATCH /api/v1/admin/users/{username}": _update_user,
    "POST /api/v1/admin/users/{username}/password": _reset_password,
    "POST /api/v1/admin/users/{username}/revoke": _path_from(username="targets"),
    "GET /api/v1/units": _no_query,
    "GET /api/v1/units/{code}": _path_from(code="units"),
    "GET /api/v1/agencies": _no_query,
    "GET /api/v1/agencies/{code}": _path_from(code="agencies"),
    "GET /api/v1/procedures": _no_query,
    "GET /api/v1/procedures/{code}": _procedure,
    "PUT /api/v1/admin/units/{code}": _unit,
    "PUT /api/v1/admin/agencies/{code}": _agency,
    "PUT /api/v1/admin/fields/{code}": _field,
    "POST /api/v1/admin/procedures": _new_procedure,
    "PUT /api/v1/admin/procedures/{code}": _update_procedure,
    "GET /api/v1/admin/procedures/{code}/versions": _path_from(code="procedures"),
    "POST /api/v1/admin/procedures/{code}/versions/{version}/{action}": _procedure_state,
    "POST /api/v1/admin/templates": _new_template,
    "GET /api/v1/admin/templates/{code}/versions/{version}": _template_version,
    "POST /api/v1/admin/applications": _new_application,
    "PUT /api/v1/admin/applications/{procedure}/{agency}": _update_application,
    "GET /api/v1/admin/applications/{procedure}/{agency}/versions": _set_path(
        procedure=STATE.get("birth"), agency=STATE.get("commune")
    ),
    "POST /api/v1/admin/applications/{procedure}/{agency}/versions/{version}/{action}": (
        _application_state
    ),
    "GET /api/v1/calendar/due-date": _due_date,
    "POST /api/v1/uploads": _upload,
    "GET /api/v1/uploads/{upload_id}": _path_from(upload_id="admin_uploads"),
    "GET /api/v1/uploads/{upload_id}/content": _path_from(upload_id="admin_uploads"),
    "POST /api/v1/dossiers": _submit,
    "GET /api/v1/dossiers": _no_query,
    "GET /api/v1/dossiers/{code}": _dossier_read,
    "POST /api/v1/dossiers/{code}/actions/{action}": _action,
    "POST /api/v1/dossiers/{code}/documents": _documents,
    "GET /api/v1/dossiers/{code}/events": _dossier_read,
    "GET /api/v1/dossiers/{code}/forms/{form}": _form,
    "GET /api/v1/registers/{office_code}": _register,
    "GET /api/v1/stats/indicators": _stats,
    "GET /api/v1/stats/summary": _stats,
    "GET /api/v1/stats/grid": _stats,
    "GET /api/v1/stats/indicators/{indicator}/dossiers": _stats_dossiers,
    "GET /api/v1/lookup/{code}": _lookup,
    "POST /api/v1/ratings": _device_rating,
    "GET /api/v1/dossiers/{code}/result": _result,
    "GET /api/v1/admin/calendar": lambda case: setattr(case, "query", {"year": 2026}),
    "PUT /api/v1/admin/calendar/{day}": _calendar_day,
    "DELETE /api/v1/admin/calendar/{day}": _calendar_day,
    "POST /api/v1/admin/outbox/replay": _replay,
    "GET /api/v1/integrations/national-portal/files/{document_id}": _portal_file,
    "GET /api/v1/integrations/national-portal/sync": _no_query,
    "POST /api/v1/integrations/national-portal/sync/replay": _portal_replay,
    "POST /api/v1/dev/citizen-token": _citizen_token,
    "POST /api/v1/dossiers/{code}/payments": _start_payment,
    "GET /api/v1/payments/{payment_id}": _path_from(payment_id="payments"),
    "GET /api/v1/admin/payments/{payment_id}/callbacks": _path_from(payment_id="payments"),
    "POST /api/v1/admin/payments/{payment_id}/refund": _refund,
}

# Who sends the realistic share when the administrator cannot succeed there.
AS_CITIZEN = {
    "GET /api/v1/auth/citizen/me",
    "POST /api/v1/dossiers/{code}/payments",
    "GET /api/v1/payments/{payment_id}",
}
AS_RECEPTIONIST = {
    "POST /api/v1/dossiers",
    "POST /api/v1/dossiers/{code}/actions/{action}",
    "POST /api/v1/dossiers/{code}/documents",
    "GET /api/v1/dossiers/{code}/forms/{form}",
}
# Always as the run's own account, never as the administrator.
SELF_SERVICE = {"POST /api/v1/auth/revoke", "POST /api/v1/auth/password"}


def label(case: Case) -> str:
    return f"{case.method.upper()} {case.operation.path}"


APPLICATION_CHANGES = {
    "PUT /api/v1/admin/applications/{procedure}/{agency}",
    "POST /api/v1/admin/applications/{procedure}/{agency}/versions/{version}/{action}",
}


def _guard(op: str, case: Case) -> None:
    """Point state changes away from the accounts and records the run relies on."""
    path = case.path_parameters or {}
    if (
        "username" in path
        and normalise_username(str(path["username"])) in STATE["protected_accounts"]
    ):
        path["username"] = _pick("targets")
    if op in ("PUT /api/v1/admin/units/{code}", "PUT /api/v1/admin/agencies/{code}"):
        existing = STATE["units"] if "units" in op else STATE["agencies"]
        if str(path.get("code", "")).strip() in existing:
            path["code"] = f"FUZZ-X-{STATE['run']}"
    own_procedures = STATE["fuzz_procedures"]
    if (
        op.startswith("POST /api/v1/admin/procedures/{code}/versions/")
        and path.get("code") not in own_procedures[1:]
    ):
        path["code"] = own_procedures[-1]  # the first stays published
    if op in APPLICATION_CHANGES and path.get("procedure") not in own_procedures:
        path["procedure"] = own_procedures[0]
    if path:
        case.path_parameters = path


def _is_negative(case: Case) -> bool:
    meta = case.meta
    return meta is not None and meta.generation.mode == GenerationMode.NEGATIVE


def _authorize(case: Case, token: str) -> None:
    case.headers = {
        **{k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"},
        "Authorization": f"Bearer {token}",
    }


@schemathesis.hook
def before_call(context: HookContext, case: Case, kwargs: dict[str, Any]) -> None:
    op = label(case)
    with _lock:
        # every other positive case of an operation, its first included
        _positive[op] += 0 if _is_negative(case) else 1
        realistic = not _is_negative(case) and _positive[op] % 2 == 1
        substitute = REALISTIC.get(op)
        if realistic and substitute is not None:
            substitute(case)
        if IDENTITY != "admin":
            return
        _guard(op, case)
        token = STATE["admin_token"]
        if op in SELF_SERVICE:
            token = _self_service_token()
        elif realistic and op in AS_CITIZEN:
            token = STATE["citizen_token"]
        elif realistic and op in AS_RECEPTIONIST:
            token = STATE["receptionist_token"]
        _authorize(case, token)


@schemathesis.hook
def after_call(context: HookContext, case: Case, response: Response) -> None:
    op = label(case)
    with _lock:
        if RECORD:
            with open(RECORD, "a", encoding="utf-8") as sink:
                entry: dict[str, Any] = {"op": op, "status": response.status_code}
                if DEBUG:
                    entry["request"] = repr(case.body)[:300] if case.body is not None else None
                    entry["path"] = case.path_parameters
                    entry["answer"] = response.content[:300].decode("utf-8", "replace")
                sink.write(json.dumps(entry, default=str) + "\n")
        if IDENTITY == "admin" and op in SELF_SERVICE and 200 <= response.status_code < 300:
            if op == "POST /api/v1/auth/password" and isinstance(case.body, dict):
                _self_service["password"] = str(case.body["new_password"])
            _self_service.pop("token", None)  # earlier tokens are refused now
            # and so is a token issued within the same second (tokens_valid_after is the next
            # whole second: app/services/identity/users.py): log in again after it
            time.sleep(1.05 - time.time() % 1)
