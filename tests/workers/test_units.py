"""Back-off, signatures, schedules and settings, without a database."""

from __future__ import annotations

import hashlib
import hmac
import random
import types
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import SecretStr, ValidationError

from app.config import Environment, Settings
from app.schemas.system import ReplayRequest
from app.services.notifications import channels as notifications
from app.services.system import registry
from app.services.system.registry import PeriodicJob
from app.services.system.topics import notification_topics
from app.workers.delivery import backoff_seconds
from app.workers.runner import load_registry


async def _noop(*_: object) -> None:
    return None


@pytest.mark.parametrize(
    ("attempts", "low", "high"),
    [(1, 1.0, 2.0), (2, 2.0, 4.0), (3, 4.0, 8.0), (10, 512.0, 1024.0), (30, 1800.0, 3600.0)],
)
def test_backoff_grows_exponentially_with_jitter_and_a_cap(
    attempts: int, low: float, high: float
) -> None:
    rng = random.Random(attempts)
    delays = [backoff_seconds(attempts, base=2.0, cap=3600.0, rng=rng) for _ in range(200)]
    assert all(low <= d < high for d in delays)
    assert max(delays) - min(delays) > (high - low) / 4  # jittered, not constant


def test_signature_is_hmac_sha256_over_timestamp_dot_body() -> None:
    body = b'{"id":1,"data":{"status":"received"}}'
    header = notifications.sign("s3cret", 1_700_000_000, body)
    expected = hmac.new(b"s3cret", b"1700000000." + body, hashlib.sha256).hexdigest()
    assert header == f"t=1700000000,v1={expected}"
    assert notifications.verify_signature("s3cret", header, body, now=1_700_000_100)


@pytest.mark.parametrize(
    ("secret", "header_change", "body", "now"),
    [
        ("wrong", None, b"{}", 1_700_000_000),  # another secret
        ("s3cret", None, b"{} ", 1_700_000_000),  # body changed by one byte
        ("s3cret", None, b"{}", 1_700_000_301),  # too old: a replay
        ("s3cret", "t=1700000001", b"{}", 1_700_000_000),  # timestamp changed
        ("s3cret", "garbage", b"{}", 1_700_000_000),  # not a signature header at all
    ],
)
def test_signature_refuses_tampering_and_replays(
    secret: str, header_change: str | None, body: bytes, now: int
) -> None:
    header = notifications.sign("s3cret", 1_700_000_000, b"{}")
    if header_change == "garbage":
        header = "garbage"
    elif header_change:
        header = header_change + "," + header.split(",", 1)[1]
    assert not notifications.verify_signature(secret, header, body, now=now)


def test_interval_periods_are_aligned_to_the_epoch() -> None:
    job = PeriodicJob("j", _noop, every=timedelta(minutes=5))
    now = datetime(2026, 11, 23, 1, 7, 30, tzinfo=UTC)
    assert job.next_after(now) == datetime(2026, 11, 23, 1, 10, tzinfo=UTC)
    boundary = datetime(2026, 11, 23, 1, 10, tzinfo=UTC)
    assert job.next_after(boundary) == datetime(2026, 11, 23, 1, 15, tzinfo=UTC)
    assert job.schedule == "every 300s"


def test_cron_is_read_in_vietnam_time() -> None:
    job = PeriodicJob("j", _noop, cron="0 7 * * 1-5")  # 07:00 on weekdays, Asia/Ho_Chi_Minh
    friday_night = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)  # Friday 21:00 in Vietnam
    assert job.next_after(friday_night) == datetime(2026, 11, 23, 0, 0, tzinfo=UTC)  # Monday 07:00
    every_five = PeriodicJob("k", _noop, cron="*/5 * * * *")
    assert every_five.next_after(datetime(2026, 11, 23, 1, 7, 30, tzinfo=UTC)) == datetime(
        2026, 11, 23, 1, 10, tzinfo=UTC
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"every": timedelta(0)},
        {"cron": "61 * * * *"},
        {"every": timedelta(1), "cron": "* * * * *"},
    ],
)
def test_bad_schedules_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="periodic job"):
        PeriodicJob("bad", _noop, **kwargs)  # type: ignore[arg-type]


def test_production_refuses_a_placeholder_webhook_secret() -> None:
    base = {
        "env": Environment.production,
        "database_url": SecretStr("postgresql+asyncpg://u:p@db/motcua"),
        "secret_key": SecretStr("k" * 40),
        "notify_webhook_url": "https://sms-gateway.example.gov.vn/motcua",
    }
    with pytest.raises(ValidationError, match="MOTCUA_NOTIFY_WEBHOOK_SECRET"):
        Settings(**base)  # type: ignore[arg-type]
    Settings(**base, notify_webhook_secret=SecretStr("w" * 40))  # type: ignore[arg-type]
    Settings(**{**base, "notify_webhook_url": None})  # type: ignore[arg-type]


@pytest.mark.parametrize("body", [{}, {"ids": [1], "topic": "x"}, {"ids": []}])
def test_replay_request_needs_exactly_one_selector(body: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        ReplayRequest.model_validate(body)


def test_the_registry_lists_every_domains_work_and_the_plugins() -> None:
    work = load_registry(["tests.workers.plugins"])
    assert {"notification.status_changed", "test.deliver", "test.user_ref"} <= set(work.handlers)
    assert set(work.resolvers) == {"dossier", "user"}
    assert list(work.jobs) == [
        "dossiers.overdue_sweep",
        "dossiers.supplement_deadlines",
        "outbox.purge_delivered",
        "payments.reconcile",
        "portal.pull_catalog",
        "portal.reconcile",
        "stats.compact",
        "stats.freeze_months",
        "throttle.purge_expired",
        "uploads.purge_expired",
    ]
    assert work.handler_for("nobody.handles.this") is None


def test_a_name_listed_twice_or_a_wrong_shape_is_refused_at_start() -> None:
    first, second = types.ModuleType("first"), types.ModuleType("second")
    first.HANDLERS = {"t": _noop}  # type: ignore[attr-defined]
    second.HANDLERS = {"t": _noop}  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="'t' is listed by both first and second"):
        registry.assemble([first, second])
    second.HANDLERS = {}  # type: ignore[attr-defined]
    second.JOBS = (PeriodicJob("j", _noop, every=timedelta(1)),) * 2  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="periodic job 'j'"):
        registry.assemble([first, second])
    second.JOBS = ["not a job"]  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match=r"second\.JOBS"):
        registry.assemble([first, second])
    second.JOBS = ()  # type: ignore[attr-defined]
    second.RESOLVERS = {"kind": "not a function"}  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match=r"second\.RESOLVERS"):
        registry.assemble([first, second])


def test_a_notification_goes_to_the_log_and_to_the_webhook_only_when_one_is_set() -> None:
    log_only = Settings(env=Environment.test, notify_webhook_url=None)  # type: ignore[call-arg]
    assert notification_topics(log_only) == ("notification.log",)
    hooked = log_only.model_copy(update={"notify_webhook_url": "https://sms.example.gov.vn/hook"})
    assert notification_topics(hooked) == ("notification.log", "notification.webhook")
