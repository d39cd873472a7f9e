"""Who may call an operation, declared once: the audience of a route.

Rule (issue 18, DESIGN.md section 1): every operation's documentation says who may call it, and the
sentence is never written by hand. Each security dependency of ``app.security`` is marked with the
:class:`Audience` it admits (``get_officer`` admits officers, ``require_province_admin`` the province
administrator...), so a route inherits its audience from the dependency it already uses. A route whose
rule is finer than its dependency (the desk's register, an administrator whose body names the
agencies) or that authenticates without a token (a gateway's signature, a signed link, the portal's
HMAC) marks its endpoint with :func:`callers`. A route with neither is public.

The OpenAPI document reads the audience (``app.openapi_docs``): the "Who may call" sentence of the
description and the security schemes the operation accepts; the authorisation matrix
(``tests/auth/test_authorization_matrix.py``) checks it against the scope it calls the route with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from enum import StrEnum
from typing import Any, TypeVar

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

_ATTRIBUTE = "__motcua_audience__"

# the security schemes of the OpenAPI document (components.securitySchemes)
OFFICER_SCHEME = "OAuth2PasswordBearer"
CITIZEN_SCHEME = "CitizenBearer"


class Audience(StrEnum):
    """Who may call an operation (the values are the authorisation matrix's scopes)."""

    public = "public"  # anyone, no token
    link = "link"  # anyone holding a link we signed (the link is the permission)
    gateway = "gateway"  # a payment gateway's server, checked by the gateway's own signature
    signed = "signed"  # the national portal, by a request signed with HMAC
    caller = "caller"  # any authenticated officer or citizen; rows scoped to whom they concern
    citizen = "citizen"  # citizens and businesses (citizen bearer token)
    officer = "officer"  # any officer
    desk = "desk"  # officers with a role at the desk, its administrators, the province's
    admin = "admin"  # an administrator of any agency
    agency = "agency"  # an administrator of the agency concerned (its subtree), or the province's
    province = "province"  # the province administrator only


WHO_MAY_CALL: Mapping[Audience, str] = {
    Audience.public: "anyone; no token is needed.",
    Audience.link: "anyone holding a link this service signed and sent; the link is the "
    "permission and expires.",
    Audience.gateway: "the payment gateway's servers only: the request is verified with the "
    "gateway's own signature before anything else, and answered in the gateway's protocol.",
    Audience.signed: "the National Public Service Portal only: the request is signed "
    "(HMAC-SHA256 over the timestamp and the body); no token.",
    Audience.caller: "any signed-in officer (password-flow token) or citizen (citizen bearer "
    "token); each sees and acts only on what concerns them.",
    Audience.citizen: "citizens and businesses, with a citizen bearer token; an officer's token "
    "is refused (403 `citizen_required`).",
    Audience.officer: "any signed-in officer; a citizen's token is refused (403 "
    "`officer_required`). Answers are limited to the officer's own agencies.",
    Audience.desk: "officers with a role at the desk (one-stop office) named in the path, the "
    "administrators of its agency or of an agency above it, and the province administrator.",
    Audience.admin: "an administrator of any agency (an officer with the `admin` role).",
    Audience.agency: "an administrator of the agencies concerned (admin there or at an agency "
    "above them), or the province administrator.",
    Audience.province: "the province administrator only (admin at the province's root agency).",
}

# the security requirements an operation declares (alternatives: any one of them suffices)
SECURITY: Mapping[Audience, list[dict[str, list[str]]]] = {
    Audience.caller: [{OFFICER_SCHEME: []}, {CITIZEN_SCHEME: []}],
    Audience.citizen: [{CITIZEN_SCHEME: []}],
    **{
        audience: [{OFFICER_SCHEME: []}]
        for audience in (
            Audience.officer,
            Audience.desk,
            Audience.admin,
            Audience.agency,
            Audience.province,
        )
    },
}

F = TypeVar("F", bound=Callable[..., Any])


def callers(audience: Audience) -> Callable[[F], F]:
    """Marks a security dependency, or an endpoint, with the audience it admits."""

    def mark(function: F) -> F:
        setattr(function, _ATTRIBUTE, audience)
        return function

    return mark


def _marked(dependant: Dependant) -> Iterator[Audience]:
    """The audiences of the outermost marked dependencies (a marked dependency's own
    dependencies are less specific: ``get_officer`` depends on ``get_caller``)."""
    for dependency in dependant.dependencies:
        audience = getattr(dependency.call, _ATTRIBUTE, None)
        if audience is not None:
            yield Audience(audience)
        else:
            yield from _marked(dependency)


def audience_of(route: APIRoute) -> Audience:
    """The route's audience: its endpoint's mark, else its security dependency's, else public."""
    own = getattr(route.endpoint, _ATTRIBUTE, None)
    if own is not None:
        return Audience(own)
    found = set(_marked(route.dependant))
    if len(found) > 1:
        raise TypeError(
            f"route {route.path} has dependencies of audiences {sorted(found)}: "
            "mark its endpoint with @callers(...)"
        )
    return found.pop() if found else Audience.public
