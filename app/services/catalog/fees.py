"""What a fee costs: the pure computation of the catalog's fee rules (``app.schemas.fees``).

    amount(rule, quantities, channel, on_date) -> đồng

1. The price: the channel's own price when the rule has one (1.001612: online differs), else the
   rule's.
2. Units: the counted quantity (pages, copies, sets; one when the rule counts nothing). Each unit
   costs its tier's amount (2.000815: 2,000 đ a page, 1,000 đ from page 3), or the flat amount.
3. Cap: at most ``cap`` for each item of ``per`` (2.000815: 200,000 đ a copy), times the items; with
   no ``per``, at most ``cap`` for the line.
4. Reduction: the largest reduction in force on ``on_date`` for the channel (reductions do not add
   up: Thông tư 64/2025/TT-BTC replaces the earlier online reduction for 1.014063), rounded half up
   to the đồng.

Fees follow Luật Phí và lệ phí 2015 and the Ministry of Finance's circulars (Thông tư 226/2016/TT-BTC
for certified copies, 2.000815; Thông tư 64/2025/TT-BTC for identity cards, 1.014063; Thông tư
85/2019/TT-BTC leaves business-household registration, 1.001612, to the province).
A fee with a condition ("nếu có yêu cầu") is charged only once confirmed (``charge``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from app.models.dossier import Channel
from app.models.procedure import FeesDue
from app.schemas.fees import FeeRule, Price, QuantityKind

Quantities = Mapping[QuantityKind, int]


class FeeNotSet(ValueError):
    """The rule's amount is left to the province and was not configured: nothing can be charged."""


class MissingQuantity(ValueError):
    """The rule counts a quantity the caller did not give (to be confirmed at the desk)."""


def price_for(rule: FeeRule, channel: Channel) -> Price:
    """The channel's own price when the rule names one, else the rule's."""
    return rule.channels.get(channel, rule)


def _count(quantities: Quantities, kind: QuantityKind) -> int:
    if kind is QuantityKind.none:
        return 1
    value = quantities.get(kind)
    if value is None:
        raise MissingQuantity(f"the fee counts {kind.value}")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{kind.value} is a whole number, not negative")
    return value


def _units_cost(price: Price, units: int) -> int:
    """``units`` units at the tiers' amounts (each unit at the tier it falls in), or flat."""
    if not price.tiers:
        if price.amount is None:
            raise FeeNotSet("the amount is set by the province and not configured")
        return price.amount * units
    total = 0
    for index, tier in enumerate(price.tiers):
        last = price.tiers[index + 1].first_unit - 1 if index + 1 < len(price.tiers) else units
        in_tier = min(units, last) - tier.first_unit + 1
        if in_tier <= 0:
            break
        total += in_tier * tier.amount
    return total


def _capped(price: Price, cost: int) -> int:
    return cost if price.cap is None else min(cost, price.cap)


def reduction_percent(rule: FeeRule, channel: Channel, on_date: date) -> int:
    """The largest reduction in force on ``on_date`` for ``channel`` (0 when none)."""
    return max(
        (
            reduction.percent
            for reduction in rule.reductions
            if (reduction.starts_on is None or reduction.starts_on <= on_date)
            and (reduction.ends_on is None or on_date <= reduction.ends_on)
            and (reduction.channels is None or channel in reduction.channels)
        ),
        default=0,
    )


def amount(rule: FeeRule, quantities: Quantities, channel: Channel, on_date: date) -> int:
    """What the fee costs, in đồng, for these quantities through this channel on this date."""
    price = price_for(rule, channel)
    units = _count(quantities, rule.quantity)
    if rule.per is None:
        gross = _capped(price, _units_cost(price, units))
    else:
        gross = _count(quantities, rule.per) * _capped(price, _units_cost(price, units))
    percent = reduction_percent(rule, channel, on_date)
    return (gross * (100 - percent) + 50) // 100


def needs_confirmation(rule: FeeRule) -> bool:
    """A line with a condition or a quantity is confirmed (by the desk, or by the citizen's choices
    at submission) before it is due."""
    return (
        rule.requires_confirmation or rule.quantity is not QuantityKind.none or rule.per is not None
    )


def charge(
    rule: FeeRule,
    quantities: Quantities,
    channel: Channel,
    on_date: date,
    *,
    confirmed: bool,
) -> int:
    """What is charged: nothing for a conditional fee nobody confirmed (issue 15), else ``amount``."""
    if rule.requires_confirmation and not confirmed:
        return 0
    return amount(rule, quantities, channel, on_date)


def due_point(rule: FeeRule, procedure_default: FeesDue) -> FeesDue:
    """When the fee is due: the rule's own point, else the procedure's ``fees_due``."""
    return rule.due or procedure_default
