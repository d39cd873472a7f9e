"""What every ``motcua`` command shares: its settings, refused with a clear message when unsafe."""

from __future__ import annotations

import click

from app.config import Settings


def load_settings(**overrides: object) -> Settings:
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValueError as exc:  # pydantic ValidationError is a ValueError
        raise click.ClickException(f"refusing to start: {exc}") from exc
