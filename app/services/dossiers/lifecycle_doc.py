"""The lifecycle table as the README shows it: who may take which action, generated from
``lifecycle.LIFECYCLE`` so that the documentation cannot drift from the rules (a test compares)."""

from __future__ import annotations

from app.models.dossier import DossierStatus
from app.services.dossiers.lifecycle import LIFECYCLE, Actor, Clock, Next

README_START = (
    "<!-- lifecycle-table:start (generated: python -m app.services.dossiers.lifecycle_doc) -->"
)
README_END = "<!-- lifecycle-table:end -->"

ACTOR_LABEL: dict[Actor, str] = {
    Actor.desk: "desk (receptionist of the receiving office)",
    Actor.any_desk: "any desk of the province (with code and PIN)",
    Actor.step: "officer of the current step",
    Actor.step_leader: "leader at the current agency",
    Actor.owner: "owner (the citizen who submitted online)",
    Actor.system: "system (sweeps)",
    Actor.gateway: "payment gateway (verified callback)",
    Actor.device: "desk rating device (with code and PIN)",
}

_TARGET = {Next.same: "(unchanged)", Next.resume: "(the status before the pause)"}


def who_may_table() -> str:
    """One row per rule of the table: action, from, to, who may act, clock effect."""
    lines = [
        "| action | from status | to status | who may act | clock |",
        "|---|---|---|---|---|",
    ]
    for action, rules in LIFECYCLE.items():
        for rule in rules:
            sources = ", ".join(f"`{s.value}`" for s in DossierStatus if s in rule.sources)
            target = (
                _TARGET[rule.target] if isinstance(rule.target, Next) else f"`{rule.target.value}`"
            )
            actors = "; ".join(ACTOR_LABEL[actor] for actor in Actor if actor in rule.actors)
            clock = "" if rule.clock is Clock.none else rule.clock.value
            lines.append(f"| `{action.value}` | {sources} | {target} | {actors} | {clock} |")
    return "\n".join(lines) + "\n"


def readme_section() -> str:
    return f"{README_START}\n{who_may_table()}{README_END}"


if __name__ == "__main__":
    print(readme_section())
