"""The statistics' rule sets: group weights, indicator maxima and the [U] switches, with effective dates.

Decision 766/QĐ-TTg (23/06/2022) set five groups (18/20/22/22/18 = 100, reference 4.1 [V]); the
national portal operates six today, the online group split 12 + 10 (reference 4.2 [S]). Both are
configuration: the rule set in force on a period's first day scores it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

# Indicator maxima as the portal operates them (reference 4.2 [S]); 3.1-3.3 follow the Thanh Hóa
# self-score's split of the 12 online points (2 + 4 + 6) [S], 5.4 its 6 points.
INDICATOR_MAXIMA: Mapping[str, float] = MappingProxyType(
    {
        "1.1": 6,
        "1.2": 4,
        "1.3": 2,
        "1.4": 6,
        "2.1": 20,
        "2.2": 0,
        "3.1": 2,
        "3.2": 4,
        "3.3": 6,
        "3.5": 4,
        "3.6": 6,
        "4.1": 6,
        "4.2": 4,
        "4.2b": 2,
        "4.3": 2,
        "4.4": 4,
        "4.5a": 2,
        "4.5": 2,
        "5.2": 6,
        "5.3": 6,
        "5.4": 6,
    }
)

SIX_GROUPS: Mapping[str, str] = MappingProxyType(
    {
        "1.1": "publicity",
        "1.2": "publicity",
        "1.3": "publicity",
        "1.4": "publicity",
        "2.1": "progress",
        "2.2": "progress",
        "3.1": "online",
        "3.2": "online",
        "3.3": "online",
        "3.5": "payment",
        "3.6": "payment",
        "4.1": "digitisation",
        "4.2": "digitisation",
        "4.2b": "digitisation",
        "4.3": "digitisation",
        "4.4": "digitisation",
        "4.5a": "digitisation",
        "4.5": "digitisation",
        "5.2": "satisfaction",
        "5.3": "satisfaction",
        "5.4": "satisfaction",
    }
)


@dataclass(frozen=True)
class StatsRuleSet:
    """One rule set: its name, first day in force, group weights and indicator groups.

    ``subtract_supplement_again`` [U]: the index subtracts the supplement time from the end of
    processing (reference 4.3, 2.1); our ``due_at`` already moves by the time paused (DESIGN.md 4), so
    subtracting it again credits the pause twice. Off: the dossier module's one "on time"
    (``finished_at <= due_at``); on: ``end - supplement time <= due_at``, as the portal would apply its
    formula to the ``due_at`` we sync as NgayHenTra.
    """

    name: str
    effective_from: date
    group_weights: Mapping[str, float]
    groups: Mapping[str, str]
    subtract_supplement_again: bool = False


RULE_SETS: tuple[StatsRuleSet, ...] = (
    StatsRuleSet(
        name="766-2022",
        effective_from=date(2022, 8, 1),  # official operation (reference 4.1 [V])
        group_weights=MappingProxyType(
            {"publicity": 18, "progress": 20, "digitisation": 22, "online": 22, "satisfaction": 18}
        ),
        # the 2022 decision's online group holds the payment indicators too (22 = 12 + 10)
        groups=MappingProxyType(
            {k: ("online" if g == "payment" else g) for k, g in SIX_GROUPS.items()}
        ),
    ),
    StatsRuleSet(
        name="dvcqg-6-groups",
        # [U] the day the portal switched to six groups is not documented; taken as 2025-01-01
        effective_from=date(2025, 1, 1),
        group_weights=MappingProxyType(
            {
                "publicity": 18,
                "progress": 20,
                "online": 12,
                "payment": 10,
                "digitisation": 22,
                "satisfaction": 18,
            }
        ),
        groups=SIX_GROUPS,
    ),
)


def in_force(day: date, rule_sets: tuple[StatsRuleSet, ...] | None = None) -> StatsRuleSet:
    """The rule set in force on ``day`` (the latest that started on or before it; the first before)."""
    ordered = sorted(rule_sets or RULE_SETS, key=lambda r: r.effective_from)
    chosen = ordered[0]
    for rule_set in ordered:
        if rule_set.effective_from <= day:
            chosen = rule_set
    return chosen
