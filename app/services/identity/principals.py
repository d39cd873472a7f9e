"""Who is calling: an officer with (agency, role) pairs, or a citizen as their identity provider names
them; and who acts without calling: the system's own sweeps, a payment gateway's verified confirmation.
Plain values, no framework: every layer may import them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.models.user import Role


@dataclass(frozen=True)
class OfficerPrincipal:
    """An authenticated officer and the (agency, role) pairs the token carries."""

    user_id: uuid.UUID
    username: str
    roles: frozenset[tuple[str, Role]]
    issued_at: datetime

    def has_role(self, agency_code: str, *roles: Role) -> bool:
        return any((agency_code, role) in self.roles for role in roles)

    def agencies_with(self, *roles: Role) -> set[str]:
        return {agency for agency, role in self.roles if role in roles}


class PrincipalKind(StrEnum):
    officer = "officer"
    citizen = "citizen"


@dataclass(frozen=True)
class CitizenPrincipal:
    """An authenticated citizen (or business representative) as their identity provider names them.

    ``subject`` is unique only within ``issuer`` (OIDC), so ownership is recorded as the pair.
    """

    issuer: str
    subject: str
    name: str | None
    personal_id: str | None
    # the account was verified with VNeID (level 2 electronic identification)
    vneid_verified: bool = False


Principal = OfficerPrincipal | CitizenPrincipal


class ServiceKind(StrEnum):
    system = "system"  # the service's own periodic sweeps (supplement deadlines, ...)
    gateway = "gateway"  # a payment gateway whose callback was verified
    device = "device"  # a desk rating device, acting only with a dossier's code and PIN


@dataclass(frozen=True)
class ServicePrincipal:
    """A non-human actor. It never authenticates over HTTP: the code that acts for it (a sweep, a
    verified payment callback) names it, and the lifecycle table says what it may do."""

    kind: ServiceKind
    name: str  # "motcua" for the system; the provider for a gateway ("vnpay", "momo", ...)


SYSTEM = ServicePrincipal(ServiceKind.system, "motcua")


def gateway(provider: str) -> ServicePrincipal:
    return ServicePrincipal(ServiceKind.gateway, provider)


RATING_DEVICE = ServicePrincipal(ServiceKind.device, "rating_device")


# Whoever takes a lifecycle action: a caller, or the system or a gateway.
ActingPrincipal = Principal | ServicePrincipal
