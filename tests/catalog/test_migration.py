"""The catalog migration matches the models (generated column and partial GIN index included)."""

from __future__ import annotations

from app import migrate
from tests.conftest import PgServer

DB = "motcua_catalog_migration"


def test_models_match_migrations_and_downgrade_works(pg_server: PgServer) -> None:
    pg_server.admin(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)', f'CREATE DATABASE "{DB}"')
    url = pg_server.url(DB)
    try:
        migrate.upgrade(url)
        migrate.check(url)  # raises when autogenerate would emit anything
        migrate.downgrade(url, "0001")
        migrate.upgrade(url)
        migrate.check(url)
    finally:
        pg_server.drop(DB)
