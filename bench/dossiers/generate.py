"""Load N realistic dossiers into a MotCua database with COPY (bench only, never in production).

    python -m bench.dossiers.generate --url postgresql://postgres@127.0.0.1:5545/motcua_bench \
        --n 1000000 --seed 42 --codes-file /tmp/motcua-bench/codes.txt

The database must be migrated to head and seeded with the demo accounts and catalog (``--prepare``
does both: ``alembic upgrade head`` + ``app.services.demo.seed``). Nothing in the schema is dropped
or disabled: rows are COPYed into the real tables with their indexes, constraints and sequences, then
the sequences are moved past the loaded ids and the tables ANALYZEd.

What is loaded, deterministic for a given ``--seed``, ``--n`` and ``--until``:

- dossiers received on every day from the demo catalog's effective date (2025-07-01: the demo
  province only exists from then) to ``--until`` (default: today), fewer on weekends, at the four
  demo receiving offices, under the applications in force (procedure_id, application_id, competent
  agency), with the ``route`` resolved by the real routing service for each (application, receiving
  office, subject unit) and due dates from the processing time;
- codes ``{office}-{YYMMDD}-{NNNN}`` numbered per office and day, and the matching
  ``dossier_code_counters`` rows; 6-character PINs from the receipt alphabet;
- statuses by age: old dossiers mostly returned (some rejected, withdrawn, stopped, resolved but not
  collected, a few still in progress and overdue), recent ones submitted / received / in progress /
  waiting for a supplement or a payment;
- one ``submit`` event per dossier and one event for the transition to its current status;
- ``dossier_steps`` rows for every step a received dossier has reached (finished ones closed, the
  current one open for open dossiers), so the worklist scoping (EXISTS on dossier_steps) is real.

The codes file holds a random sample of ``CODE?pin=PIN`` lines: with the floor's ``lookup.lua`` and
``PATH_TEMPLATE=/api/v1/lookup/{code}`` every request is a successful public lookup.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
from sqlalchemy import select

from app.services.dossiers.rule_sets import rule_set_at

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
START = date(2025, 7, 1)  # effective date of every demo application (app/demo/catalog.json)
CITIZEN_ISSUER = "https://xacthuc.dichvucong.gov.vn"
PIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # as app.services.dossier_codes
OFFICE_WEIGHTS = {  # the service centre receives the most
    "000.00.01.H99": 0.40,
    "000.31.00.H99": 0.22,
    "000.32.00.H99": 0.22,
    "000.33.00.H99": 0.16,
}
COMMUNE_UNITS = ["H99.31", "H99.32", "H99.33"]
OFFICE_UNIT = {"000.31.00.H99": "H99.31", "000.32.00.H99": "H99.32", "000.33.00.H99": "H99.33"}
CALENDAR_DAYS_PER_UNIT = {"working_days": 1.4, "calendar_days": 1.0, "working_hours": 1.4 / 8}

FAMILY = (
    ["Nguyễn"] * 38 + ["Trần"] * 11 + ["Lê"] * 10 + ["Phạm"] * 7 + ["Hoàng"] * 5 + ["Huỳnh"] * 5
    + ["Phan"] * 4 + ["Vũ"] * 4 + ["Võ"] * 4 + ["Đặng"] * 2 + ["Bùi"] * 2
    + ["Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai"]
)  # fmt: skip
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Công", "Xuân", "Ngọc", "Anh", "Quốc"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Thùy", "Phương", "Mỹ"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Duy", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Khoa",
           "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng",
           "Thành", "Tiến", "Toàn", "Trung", "Tuấn", "Việt", "Vinh"]  # fmt: skip
GIVEN_F = ["Anh", "Châu", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng",
           "Hương", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương",
           "Quyên", "Tâm", "Thảo", "Thủy", "Trang", "Uyên", "Vân", "Vy", "Yến"]  # fmt: skip
STREETS = ["Lê Lợi", "Trần Phú", "Hùng Vương", "Nguyễn Huệ", "Quang Trung", "Hai Bà Trưng",
           "Bạch Đằng", "Lý Thường Kiệt", "Điện Biên Phủ", "Trần Hưng Đạo"]  # fmt: skip
FINAL = {"returned", "rejected", "withdrawn", "stopped"}

DOSSIER_COLUMNS = [
    "id", "code", "pin", "procedure_id", "application_id", "rule_set", "receiving_office_code",
    "competent_agency_code", "channel", "applicant_kind", "applicant_name", "applicant_id_kind",
    "applicant_id_number", "applicant_phone", "applicant_email", "applicant_address",
    "applicant_unit_code", "subject_unit_code", "owner_issuer", "owner_subject", "route", "status",
    "resume_status", "resume_step", "current_step", "current_agency_code", "submitted_at",
    "received_at", "due_at", "paused_at", "finished_at", "returned_at", "desk_supplement_count",
    "supplement_count", "supplement_deadline_at", "reschedule_count", "overdue", "due_soon",
    "result_delivery", "last_event_seq", "version", "created_at", "updated_at",
]  # fmt: skip
EVENT_COLUMNS = [
    "dossier_id", "seq", "action", "from_status", "to_status", "step", "agency_code", "actor_kind",
    "actor_id", "at", "payload",
]  # fmt: skip
STEP_COLUMNS = [
    "dossier_id", "position", "step_code", "agency_code", "role", "started_at", "due_at",
    "finished_at", "overdue",
]  # fmt: skip
# the event that led to each status (from the status before it)
LAST_ACTION = {
    "received": ("receive", "submitted"),
    "rejected": ("reject", "submitted"),
    "in_progress": ("forward", "received"),
    "supplement_requested": ("request_supplement", "in_progress"),
    "awaiting_payment": ("request_payment", "in_progress"),
    "withdrawn": ("withdraw", "in_progress"),
    "stopped": ("stop", "in_progress"),
    "resolved": ("resolve", "in_progress"),
    "returned": ("return_result", "resolved"),
}


@dataclass(frozen=True)
class Combo:
    """One way a dossier can be filed: application in force x receiving office x subject unit."""

    office: str
    procedure_id: int
    application_id: int
    competent: str
    subject_unit: str
    route: list[dict[str, Any]]
    route_json: str
    fractions: list[float]  # cumulative share of the processing time at the end of each step
    span_days: float  # processing time in calendar days
    processing_end: int  # last step that is not the trailing desk step
    weight: float


async def load_combos(url: str) -> list[Combo]:
    """Resolve applications and routes with the real catalog and routing services."""
    from app.config import Settings
    from app.db import create_engine, create_session_factory
    from app.models.dossier import Channel
    from app.models.procedure import ProcedureApplication
    from app.services.catalog import reads as catalog_service
    from app.services.dossiers.submission import _route

    sa_url = url.replace("postgresql://", "postgresql+asyncpg://", 1)
    settings = Settings(env="test", database_url=sa_url)  # type: ignore[arg-type]
    engine = create_engine(sa_url, settings)
    at = datetime.combine(START, datetime.min.time(), VIETNAM) + timedelta(hours=9)
    combos: list[Combo] = []
    try:
        async with create_session_factory(engine)() as session:
            pairs = (
                await session.execute(
                    select(ProcedureApplication.procedure_code, ProcedureApplication.agency_code)
                    .distinct()
                    .order_by(ProcedureApplication.procedure_code, ProcedureApplication.agency_code)
                )
            ).all()
            for procedure_code, agency_code in pairs:
                found = await catalog_service.application_in_force(
                    session, procedure_code, agency_code, at
                )
                if found is None:
                    continue
                amount, unit = found.processing_time
                span = float(Decimal(amount)) * CALENDAR_DAYS_PER_UNIT.get(str(unit), 1.4)
                offices = list(found.application.receiving_offices)
                # civil-status procedures at communes are the bulk of the traffic
                weight = 3.0 if procedure_code.startswith("1.00") else 1.0
                for office in offices:
                    units = [OFFICE_UNIT[office]] if office in OFFICE_UNIT else COMMUNE_UNITS
                    for unit_code in units:
                        # the desk's route (its step durations; online ones differ only in time)
                        route = await _route(session, found, office, unit_code, Channel.desk)
                        combos.append(
                            _combo(found, office, unit_code, route, span, weight / len(units))
                        )
    finally:
        await engine.dispose()
    if not combos:
        raise SystemExit("no application in force: seed the demo catalog first (--prepare)")
    return combos


def _combo(
    found: Any, office: str, unit: str, route: list[dict[str, Any]], span: float, weight: float
) -> Combo:
    amounts = [float(s["duration_amount"]) for s in route]
    total = sum(amounts) or 1.0
    cumulative, acc = [], 0.0
    for amount in amounts:
        acc += amount
        cumulative.append(acc / total)
    end = len(route) - 1
    while end > 0 and route[end]["agency_code"] == office and route[end]["role"] == "receptionist":
        end -= 1
    return Combo(
        office=office,
        procedure_id=found.procedure.id,
        application_id=found.application.id,
        competent=found.application.agency_code,
        subject_unit=unit,
        route=route,
        route_json=json.dumps(route, ensure_ascii=False),
        fractions=cumulative,
        span_days=max(span, 0.5),
        processing_end=end,
        weight=weight,
    )


def day_counts(n: int, until: date) -> list[tuple[date, int]]:
    """N spread over the days START..until: weekdays 1, Saturday 0.3, Sunday 0.1, growing 50 %."""
    days = [START + timedelta(days=i) for i in range((until - START).days + 1)]
    weights = [
        (1.0, 1.0, 1.0, 1.0, 1.0, 0.3, 0.1)[d.weekday()] * (1 + 0.5 * i / len(days))
        for i, d in enumerate(days)
    ]
    total = sum(weights)
    out, acc, given = [], 0.0, 0
    for d, w in zip(days, weights, strict=True):
        acc += w
        upto = round(n * acc / total)
        out.append((d, upto - given))
        given = upto
    return out


@dataclass
class Batch:
    dossiers: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    steps: list[tuple[Any, ...]]
    codes: list[tuple[str, str]]


def _status(rng: random.Random, age_days: float, span: float) -> str:
    if age_days > span * 1.3 + 10:
        r = rng.random()
        if r < 0.88:
            return "returned"
        return ("rejected", "withdrawn", "stopped", "resolved", "in_progress")[
            min(4, int((r - 0.88) / 0.024))
        ]
    r = rng.random()
    for status, upto in (
        ("submitted", 0.06),
        ("received", 0.18),
        ("in_progress", 0.62),
        ("supplement_requested", 0.72),
        ("awaiting_payment", 0.77),
        ("resolved", 0.87),
        ("rejected", 0.89),
    ):
        if r < upto:
            return status
    return "returned"


def generate_day(
    day: date,
    count: int,
    first_id: int,
    combos: list[Combo],
    cum_weights: list[float],
    now: datetime,
    seed: int,
) -> Batch:
    """The dossiers of one day (deterministic for (seed, day)), with their events and steps."""
    rng = random.Random(f"{seed}-{day.isoformat()}")
    opening = datetime(day.year, day.month, day.day, 7, 30, tzinfo=VIETNAM)
    offsets = sorted(rng.random() * 9.5 * 3600 for _ in range(count))
    rule = rule_set_at(opening).code  # the legal rules in force on that day
    numbers: dict[str, int] = {}
    batch = Batch([], [], [], [])
    for k in range(count):
        combo = rng.choices(combos, cum_weights=cum_weights)[0]
        number = numbers.get(combo.office, 0) + 1
        numbers[combo.office] = number
        code = f"{combo.office}-{day:%y%m%d}-{number:04d}"
        pin = "".join(rng.choices(PIN_ALPHABET, k=6))
        submitted = opening + timedelta(seconds=offsets[k])
        if submitted > now:
            submitted = now - timedelta(minutes=count - k)
        age = (now - submitted).total_seconds() / 86400
        status = _status(rng, age, combo.span_days)
        online = rng.random() < 0.35
        dossier_id = first_id + k
        batch.codes.append((code, pin))
        batch.dossiers.append(
            _dossier(rng, dossier_id, code, pin, combo, status, online, submitted, now, batch, rule)
        )
    return batch


def _dossier(
    rng: random.Random,
    dossier_id: int,
    code: str,
    pin: str,
    combo: Combo,
    status: str,
    online: bool,
    submitted: datetime,
    now: datetime,
    batch: Batch,
    rule: str,
) -> tuple[Any, ...]:
    female = rng.random() < 0.5
    name = " ".join(
        (
            rng.choice(FAMILY),
            rng.choice(MIDDLE_F if female else MIDDLE_M),
            rng.choice(GIVEN_F if female else GIVEN_M),
        )
    )
    birth = rng.randrange(1950, 2006)
    id_number = f"0{rng.randrange(1, 97):02d}{(2 if birth < 2000 else 4) + female}{birth % 100:02d}"
    id_number += f"{rng.randrange(10**6):06d}"
    phone = f"0{rng.choice('35789')}{rng.randrange(10**8):08d}"
    address = f"Số {rng.randrange(1, 300)} đường {rng.choice(STREETS)}"
    received = due = finished = returned = paused = deadline = None
    current_step: int | None = None
    current_agency = combo.office
    resume_status = resume_step = None
    span = timedelta(days=combo.span_days)
    if status not in ("submitted", "rejected"):
        received = submitted if not online else submitted + timedelta(hours=rng.uniform(0.5, 30))
        received = min(received, now)
        due = received + span
    if status in ("returned", "resolved", "withdrawn", "stopped"):
        assert received is not None
        finished = min(received + span * rng.uniform(0.3, 1.1), now)
        if status == "returned":
            returned = min(finished + timedelta(days=rng.uniform(0, 5)), now)
    elif status == "rejected":
        finished = submitted + timedelta(hours=rng.uniform(0.1, 24))
        finished = min(finished, now)
    end = combo.processing_end
    route = combo.route
    if status == "received":
        current_step = 0
    elif status in ("in_progress", "supplement_requested", "awaiting_payment"):
        assert received is not None
        elapsed = (now - received) / span if span else 1.0
        current_step = next(
            (i for i, f in enumerate(combo.fractions[: end + 1]) if f > elapsed), end
        )
        current_step = max(1, min(current_step, end)) if end >= 1 else 0
        if status != "in_progress":
            resume_status, resume_step = "in_progress", current_step
            paused = max(received, now - timedelta(days=rng.uniform(0.1, 10)))
            if status == "supplement_requested":
                deadline = paused + timedelta(days=14)
    elif status in ("resolved", "returned"):
        current_step = len(route) - 1
    elif status in ("withdrawn", "stopped"):
        current_step = max(0, min(end, 1))
    if current_step is not None:
        current_agency = route[current_step]["agency_code"]
    open_ = status not in FINAL and status != "resolved"
    overdue = bool(open_ and due is not None and due < now)
    if status in ("returned", "resolved") and due is not None and finished is not None:
        overdue = finished > due  # a late result stays counted as late
    due_soon = bool(open_ and due is not None and not overdue and due - now < timedelta(days=1))
    last_seq = 1
    clerk = None if online else "tiepnhan" if combo.office == "000.00.01.H99" else "tiepnhan.xa"
    batch.events.append(
        (dossier_id, 1, "submit", None, "submitted", None, combo.office,
         "officer" if clerk else "citizen", clerk or f"{CITIZEN_ISSUER}|{code}", submitted, "{}")
    )  # fmt: skip
    if status != "submitted":
        action, before = LAST_ACTION[status]
        at = returned or finished or paused or received or submitted
        last_seq = 2
        batch.events.append(
            (dossier_id, 2, action, before, status, current_step, current_agency,
             "officer", clerk or "tiepnhan", at, "{}")
        )  # fmt: skip
    if received is not None and current_step is not None:
        _steps(batch, dossier_id, combo, received, finished, current_step, status, now)
    updated = returned or finished or paused or received or submitted
    return (
        dossier_id, code, pin, combo.procedure_id, combo.application_id, rule,
        combo.office, combo.competent, "online" if online else "desk", "person", name,
        "personal_id", id_number, phone, None, address, combo.subject_unit, combo.subject_unit,
        CITIZEN_ISSUER if online else None, f"citizen-{id_number}" if online else None,
        combo.route_json, status, resume_status, resume_step, current_step, current_agency,
        submitted, received, due, paused, finished, returned, 0,
        1 if status == "supplement_requested" else 0, deadline, 0, overdue, due_soon, "desk",
        last_seq, 1, submitted, updated,
    )  # fmt: skip


def _steps(
    batch: Batch,
    dossier_id: int,
    combo: Combo,
    received: datetime,
    finished: datetime | None,
    current: int,
    status: str,
    now: datetime,
) -> None:
    span = timedelta(days=combo.span_days)
    closed = finished is not None
    end_time = finished if finished is not None else now
    start = received
    for position in range(current + 1):
        step = combo.route[position]
        due = received + span * combo.fractions[position]
        last = position == current
        stop = None
        if not last or closed:
            stop = min(received + (end_time - received) * combo.fractions[position], end_time)
            stop = max(stop, start)
        batch.steps.append(
            (dossier_id, position, step["code"], step["agency_code"], step["role"], start, due,
             stop, (stop or now) > due)
        )  # fmt: skip
        if stop is not None:
            start = stop


async def check_references(conn: asyncpg.Connection) -> None:
    """What the skipped foreign-key triggers would have checked, in a few set queries."""
    checks = {
        "dossiers.procedure_id": "SELECT DISTINCT procedure_id FROM dossiers"
        " EXCEPT SELECT id FROM procedures",
        "dossiers.application_id": "SELECT DISTINCT application_id FROM dossiers"
        " EXCEPT SELECT id FROM procedure_applications",
        "dossiers agencies": "SELECT DISTINCT unnest(ARRAY[receiving_office_code,"
        " competent_agency_code, current_agency_code]) FROM dossiers EXCEPT SELECT code FROM agencies",
        "dossiers units": "SELECT DISTINCT subject_unit_code FROM dossiers"
        " EXCEPT SELECT code FROM administrative_units",
        "dossier_steps.agency_code": "SELECT DISTINCT agency_code FROM dossier_steps"
        " EXCEPT SELECT code FROM agencies",
    }
    for name, query in checks.items():
        bad = [r[0] for r in await conn.fetch(query) if r[0] is not None]
        if bad:
            raise SystemExit(f"{name}: values without a referenced row: {bad[:5]}")
    # dossier ids are 1..N without gaps, so events and steps only need to stay within that range
    stray = await conn.fetchval(
        "SELECT (SELECT count(*) FROM dossier_steps WHERE dossier_id NOT BETWEEN 1 AND m)"
        " + (SELECT count(*) FROM dossier_events WHERE dossier_id NOT BETWEEN 1 AND m)"
        " FROM (SELECT count(*) AS m FROM dossiers) AS n"
    )
    if stray:
        raise SystemExit(f"{stray} events or steps point past the loaded dossiers")


async def copy_day_batches(
    conn: asyncpg.Connection, batches: Iterator[Batch], n: int, t0: float
) -> list[tuple[str, str]]:
    codes: list[tuple[str, str]] = []
    pending: list[Batch] = []
    loaded = 0

    async def flush() -> None:
        nonlocal loaded
        dossiers = [row for b in pending for row in b.dossiers]
        await conn.copy_records_to_table("dossiers", records=dossiers, columns=DOSSIER_COLUMNS)
        await conn.copy_records_to_table(
            "dossier_events", records=[r for b in pending for r in b.events], columns=EVENT_COLUMNS
        )
        await conn.copy_records_to_table(
            "dossier_steps", records=[r for b in pending for r in b.steps], columns=STEP_COLUMNS
        )
        loaded += len(dossiers)
        pending.clear()
        print(f"  {loaded:,}/{n:,} dossiers ({time.perf_counter() - t0:.1f}s)", file=sys.stderr)

    size = 0
    for batch in batches:
        pending.append(batch)
        codes.extend(batch.codes)
        size += len(batch.dossiers)
        if size >= 50_000:
            await flush()
            size = 0
    if pending:
        await flush()
    return codes


async def generate(args: argparse.Namespace) -> list[tuple[str, str]]:
    until = date.fromisoformat(args.until) if args.until else datetime.now(VIETNAM).date()
    now = datetime.combine(until, datetime.min.time(), VIETNAM) + timedelta(hours=17)
    combos = await load_combos(args.url)
    cum, acc = [], 0.0
    for combo in combos:
        acc += combo.weight
        cum.append(acc)
    conn = await asyncpg.connect(args.url)
    t0 = time.perf_counter()
    try:
        existing = await conn.fetchval("SELECT count(*) FROM dossiers")
        if existing:
            raise SystemExit(f"the database already holds {existing} dossiers: use a fresh one")
        # this session only: no WAL flush per commit, and no per-row foreign-key triggers (every key
        # comes from the catalog just read or from ids assigned here; checked below)
        await conn.execute("SET synchronous_commit = off; SET session_replication_role = replica")
        days = day_counts(args.n, until)
        starts, first = [], 1
        for _, count in days:
            starts.append(first)
            first += count
        batches = (
            generate_day(d, c, s, combos, cum, now, args.seed)
            for (d, c), s in zip(days, starts, strict=True)
        )
        async with conn.transaction():
            codes = await copy_day_batches(conn, batches, args.n, t0)
            counters: dict[tuple[str, date], int] = {}
            for code, _ in codes:
                office, ymd, number = code.rsplit("-", 2)
                key = (office, datetime.strptime(ymd, "%y%m%d").date())
                counters[key] = max(counters.get(key, 0), int(number))
            await conn.copy_records_to_table(
                "dossier_code_counters",
                records=[(o, d, last) for (o, d), last in counters.items()],
                columns=["office_code", "day", "last_number"],
            )
            for table in ("dossiers", "dossier_events", "dossier_steps"):
                await conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT coalesce(max(id), 1) FROM {table}))"
                )
        await conn.execute("RESET session_replication_role")
        await check_references(conn)
        t1 = time.perf_counter()
        for table in ("dossiers", "dossier_events", "dossier_steps", "dossier_code_counters"):
            await conn.execute(f"VACUUM ANALYZE {table}")
        stats = await conn.fetchrow(
            "SELECT (SELECT count(*) FROM dossier_events) AS events,"
            " (SELECT count(*) FROM dossier_steps) AS steps,"
            " pg_size_pretty(pg_total_relation_size('dossiers')) AS size"
        )
        print(
            f"loaded {len(codes):,} dossiers, {stats['events']:,} events, {stats['steps']:,} steps"
            f" in {t1 - t0:.1f}s (+{time.perf_counter() - t1:.1f}s vacuum analyze);"
            f" dossiers with indexes {stats['size']}",
            file=sys.stderr,
        )
    finally:
        await conn.close()
    return codes


def write_codes(args: argparse.Namespace, codes: list[tuple[str, str]]) -> None:
    if args.codes_file:
        sample = random.Random(args.seed + 1).sample(codes, min(args.codes_sample, len(codes)))
        with open(args.codes_file, "w", encoding="ascii") as out:
            out.writelines(f"{code}?pin={pin}\n" for code, pin in sample)
        print(f"wrote {len(sample):,} CODE?pin=PIN lines to {args.codes_file}", file=sys.stderr)


def prepare(url: str) -> None:
    """Migrate to head and seed the demo accounts and catalog."""
    from app import migrate
    from app.config import Settings
    from app.demo import seed as demo

    sa_url = url.replace("postgresql://", "postgresql+asyncpg://", 1)
    migrate.upgrade(sa_url)
    settings = Settings(env="test", database_url=sa_url)  # type: ignore[arg-type]
    asyncio.run(demo.seed(sa_url, settings=settings))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="postgresql://user@127.0.0.1:port/db")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--until", help="last day of reception, YYYY-MM-DD (default: today)")
    parser.add_argument("--codes-file")
    parser.add_argument("--codes-sample", type=int, default=100_000)
    parser.add_argument("--prepare", action="store_true", help="migrate + demo seed first")
    args = parser.parse_args()
    if args.prepare:
        prepare(args.url)
    write_codes(args, asyncio.run(generate(args)))


if __name__ == "__main__":
    main()
