"""The satisfaction scale of a dossier's rating (đánh giá mức độ hài lòng).

Five levels, as the national portal's survey names them (Rất hài lòng ... Rất không hài lòng), stored
as 1-5. Decision 766/QĐ-TTg indicator 5.4 ("satisfaction in handling": 100% minus the late-dossier
rate and the rate of dossiers with feedback or a *dislike*) reads the two lowest levels as a dislike.
Every dossier can be rated: online by its owner, at the desk on a rating device (kiosk or tablet)
given the dossier's code and PIN (``rate_on_device``, throttled like the public lookup).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    code: str
    label_vi: str
    dislike: bool  # what the national index counts against satisfaction


RATING_SCALE: dict[int, Level] = {
    5: Level("very_satisfied", "Rất hài lòng", dislike=False),
    4: Level("satisfied", "Hài lòng", dislike=False),
    3: Level("acceptable", "Chấp nhận được", dislike=False),
    2: Level("dissatisfied", "Không hài lòng", dislike=True),
    1: Level("very_dissatisfied", "Rất không hài lòng", dislike=True),
}
