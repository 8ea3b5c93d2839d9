"""Two sessions side by side: each area's change in score, new areas and resolved ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from bodymap.chart.model import AreaKey, SessionChart


class Change(Enum):
    """What happened to an area between two sessions."""

    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    NEW = "new"
    """Marked now, not before."""
    RESOLVED = "resolved"
    """Marked before; now unmarked or scored 0."""


@dataclass(frozen=True)
class AreaChange:
    """One area across two sessions; a score is None where the area was not marked."""

    key: AreaKey
    before: int | None
    after: int | None

    @property
    def change(self) -> Change:
        if self.before is None:
            return Change.NEW
        if self.after is None or (self.after == 0 and self.before > 0):
            return Change.RESOLVED
        if self.after < self.before:
            return Change.BETTER
        if self.after > self.before:
            return Change.WORSE
        return Change.SAME

    @property
    def scores(self) -> str:
        """``"7 → 4"``, ``"new: 5"``, ``"6 → not marked"``."""
        if self.before is None:
            return f"new: {self.after}"
        after = "not marked" if self.after is None else str(self.after)
        return f"{self.before} \u2192 {after}"


@dataclass(frozen=True)
class Comparison:
    """The changes from an earlier session to a later one, in the later one's order of need:
    areas marked now by score (highest first), then those resolved."""

    before: SessionChart
    after: SessionChart
    changes: tuple[AreaChange, ...]

    def of(self, kind: Change) -> list[AreaChange]:
        return [change for change in self.changes if change.change is kind]


def compare(before: SessionChart, after: SessionChart) -> Comparison:
    """How ``after`` differs from ``before`` (``before`` is the earlier session)."""
    earlier = {area.key: area.score for area in before.areas}
    changes = [AreaChange(area.key, earlier.get(area.key), area.score) for area in after.by_score()]
    now = {area.key for area in after.areas}
    changes += [AreaChange(a.key, a.score, None) for a in before.by_score() if a.key not in now]
    return Comparison(before, after, tuple(_ordered(changes)))


def _ordered(changes: Sequence[AreaChange]) -> list[AreaChange]:
    """Resolved areas last, the rest as given (by today's score)."""
    return sorted(changes, key=lambda c: c.change is Change.RESOLVED)
