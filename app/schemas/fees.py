"""The fee rule format: one fee of a procedure, as the catalog states it (docs/payments.md).

A rule extends the catalog's fee entry (``name``, ``kind``, ``amount``, ``condition``,
``requires_confirmation``; docs/catalog-format.md) with what real fees need (issue 15): tiers by unit
number, a cap, a quantity and what it is counted per, per-channel prices, dated reductions and when
the fee is due. Every key it adds is optional, so every fee entry of today is a rule: a flat amount.

    {"name": "Phí chứng thực bản sao từ bản chính", "kind": "charge",
     "quantity": "pages", "per": "copies",
     "tiers": [{"from": 1, "amount": 2000}, {"from": 3, "amount": 1000}], "cap": 200000}

The computation is ``app.services.catalog.fees``.
"""

from __future__ import annotations

import itertools
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from app.models.dossier import Channel
from app.models.procedure import FeesDue

Money = Annotated[int, Field(ge=0, strict=True, description="Số tiền (đồng), số nguyên không âm")]
FeeName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
FeeText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]


class QuantityKind(StrEnum):
    """What a fee counts: nothing (once per dossier), pages, copies (bản), sets (bộ)."""

    none = "none"
    pages = "pages"
    copies = "copies"
    sets = "sets"


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Tier(_Rule):
    """From unit number ``from`` on (1-based), each unit costs ``amount``."""

    first_unit: int = Field(alias="from", ge=1, le=1_000_000)
    amount: Money


class Price(_Rule):
    """A flat ``amount`` per unit, or ``tiers`` by unit number; at most ``cap`` per item."""

    amount: Money | None = Field(
        default=None, description="null: do tỉnh quy định (no amount can be charged until set)"
    )
    tiers: tuple[Tier, ...] = ()
    cap: Money | None = None

    @model_validator(mode="after")
    def _tiers_ascend_from_the_first_unit(self) -> Price:
        if self.tiers:
            if self.amount is not None:
                raise ValueError("a price is an amount or tiers, not both")
            starts = [tier.first_unit for tier in self.tiers]
            if starts[0] != 1 or any(b <= a for a, b in itertools.pairwise(starts)):
                raise ValueError("tiers start at unit 1 and ascend")
        return self


class Reduction(_Rule):
    """A dated reduction (e.g. Thông tư 64/2025/TT-BTC: 50 % until 31/12/2026), both dates included."""

    percent: int = Field(ge=1, le=100)
    starts_on: date | None = Field(default=None, alias="from")
    ends_on: date | None = Field(default=None, alias="until")
    channels: frozenset[Channel] | None = None  # None: every channel
    source: FeeText | None = None  # the legal basis

    @model_validator(mode="after")
    def _ordered(self) -> Reduction:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValueError("a reduction ends on or after it starts")
        return self


class FeeRule(Price):
    """One fee line of a procedure, with everything its amount depends on."""

    name: FeeName
    kind: str = Field(default="charge", pattern="^(charge|levy)$", description="phí / lệ phí")
    quantity: QuantityKind = QuantityKind.none
    per: QuantityKind | None = Field(
        default=None, description="the quantity is counted per copy or set; cap applies to each"
    )
    channels: dict[Channel, Price] = Field(
        default_factory=dict, description="another price for these submission channels"
    )
    reductions: tuple[Reduction, ...] = ()
    condition: FeeText | None = None
    requires_confirmation: bool = False  # "nếu có yêu cầu": charged only once confirmed
    due: FeesDue | None = Field(default=None, description="null: the procedure's fees_due")

    @model_validator(mode="after")
    def _per_counts_another_quantity(self) -> FeeRule:
        if self.per is not None:
            if self.per is QuantityKind.none or self.per is self.quantity:
                raise ValueError("per names another quantity than the one counted")
            if self.quantity is QuantityKind.none:
                raise ValueError("per needs a quantity counted per item")
        return self
