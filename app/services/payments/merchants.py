"""Merchant accounts from settings only (``MOTCUA_PAYMENT_MERCHANTS``,
``MOTCUA_PAYMENT_AGENCY_MERCHANTS``, ``MOTCUA_PAYMENT_NATIONAL``): the gateway objects, and which
account collects for an agency.

The national payment platform is one partner account (``MOTCUA_PAYMENT_NATIONAL``) spoken to by the
adapter it names: the fake (``gateways/national.py``, wire format [U]) or one a province registers in
a ``MOTCUA_PAYMENT_NATIONAL_PLUGINS`` module (``NATIONAL_PAYMENT_ADAPTERS = {name: factory}``), as
``MOTCUA_WORKER_PLUGINS`` modules add handlers. Its partner code collects for every agency unless
``MOTCUA_PAYMENT_AGENCY_MERCHANTS`` names another for ``national``.

URLs, merchant codes and secrets never come from the database or a request, and never go back out:
the gateway modules keep secrets in ``repr=False`` fields and return none of them (issue 15).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.config import Settings
from app.errors import ProblemCode, field_error
from app.models.payment import PaymentProvider
from app.services.payments.gateways.base import Gateway
from app.services.payments.gateways.momo import MomoGateway, MomoMerchant
from app.services.payments.gateways.national import (
    AdapterFactory,
    NationalPlatformConfig,
    adapter_for,
)
from app.services.payments.gateways.vnpay import VnpayGateway, VnpayMerchant
from app.services.payments.gateways.zalopay import ZalopayGateway, ZalopayMerchant

ONLINE_PROVIDERS = (
    PaymentProvider.vnpay,
    PaymentProvider.momo,
    PaymentProvider.zalopay,
    PaymentProvider.national,
)
# what a MOTCUA_PAYMENT_NATIONAL_PLUGINS module defines: {adapter name: factory(config)}
ADAPTERS_ATTRIBUTE = "NATIONAL_PAYMENT_ADAPTERS"


@dataclass(frozen=True)
class Merchants:
    gateways: Mapping[PaymentProvider, Gateway]
    by_agency: Mapping[str, Mapping[str, str]]

    def gateway(self, provider: PaymentProvider) -> Gateway | None:
        return self.gateways.get(provider)

    def account_for(self, agency_code: str, provider: PaymentProvider) -> str:
        """The merchant code collecting for ``agency_code`` through ``provider``: the agency's own
        entry, else the province-wide ``*`` (a 422 when the provider is not offered)."""
        for key in (agency_code, "*"):
            code = self.by_agency.get(key, {}).get(provider.value)
            if code is not None and self.gateways.get(provider) is not None:
                return code
        raise field_error(
            "provider",
            "Cơ quan giải quyết chưa nhận thanh toán qua kênh này.",
            code=ProblemCode.provider_unavailable,
        )

    def collects_for(self, agency_code: str) -> bool:
        """Some configured provider has an account of ``agency_code``'s own (not the ``*`` one)."""
        own = self.by_agency.get(agency_code, {})
        return any(
            self.gateways.get(PaymentProvider(provider)) is not None
            for provider in own
            if provider in PaymentProvider.__members__
        )


def check_payee(settings: Settings, agency_code: str | None) -> None:
    """A procedure application may name another payee only when that agency has a merchant account
    of its own configured for some provider (a 422 otherwise; issue 15)."""
    if agency_code is not None and not merchants(settings).collects_for(agency_code):
        raise field_error(
            "payee_agency",
            f"Cơ quan {agency_code} chưa có tài khoản thu phí, lệ phí trực tuyến nào được cấu hình",
            code=ProblemCode.validation_failed,
            field_code="no_payment_account",
        )


def _build(provider: str, accounts: Mapping[str, Mapping[str, Any]]) -> Gateway | None:
    if provider == PaymentProvider.vnpay:
        return VnpayGateway(
            {code: VnpayMerchant(tmn_code=code, **values) for code, values in accounts.items()}
        )
    if provider == PaymentProvider.momo:
        return MomoGateway(
            {code: MomoMerchant(partner_code=code, **values) for code, values in accounts.items()}
        )
    if provider == PaymentProvider.zalopay:
        return ZalopayGateway(
            {code: ZalopayMerchant(app_id=code, **values) for code, values in accounts.items()}
        )
    return None  # the national platform has a setting of its own (MOTCUA_PAYMENT_NATIONAL)


def national_factories(plugins: tuple[str, ...]) -> dict[str, AdapterFactory]:
    """The adapters the province's plugin modules register (``NATIONAL_PAYMENT_ADAPTERS``)."""
    factories: dict[str, AdapterFactory] = {}
    for name in plugins:
        factories.update(getattr(importlib.import_module(name), ADAPTERS_ATTRIBUTE))
    return factories


def national_config(national_json: str) -> NationalPlatformConfig | None:
    """``MOTCUA_PAYMENT_NATIONAL`` as the adapter's configuration (None when not offered)."""
    if not national_json.strip():
        return None
    values = json.loads(national_json)
    return NationalPlatformConfig(**{**values, "options": dict(values.get("options") or {})})


@lru_cache(maxsize=8)
def _parse(
    merchants_json: str, agencies_json: str, national_json: str, plugins: tuple[str, ...]
) -> Merchants:
    configured = json.loads(merchants_json) if merchants_json.strip() else {}
    gateways: dict[PaymentProvider, Gateway] = {}
    for provider, accounts in configured.items():
        built = _build(provider, accounts)
        if built is not None and accounts:
            gateways[PaymentProvider(provider)] = built
    by_agency: dict[str, dict[str, str]] = json.loads(agencies_json or "{}")
    national = national_config(national_json)
    if national is not None:
        gateways[PaymentProvider.national] = adapter_for(national, national_factories(plugins))
        by_agency.setdefault("*", {}).setdefault(
            PaymentProvider.national.value, national.partner_code
        )
    return Merchants(gateways, by_agency)


def merchants(settings: Settings) -> Merchants:
    """The merchant accounts the settings configure (parsed once per distinct settings)."""
    return _parse(
        settings.payment_merchants.get_secret_value(),
        settings.payment_agency_merchants,
        settings.payment_national.get_secret_value(),
        tuple(settings.payment_national_plugins),
    )
