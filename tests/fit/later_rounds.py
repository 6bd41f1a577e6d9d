"""The collection rounds from the fourth on (tests/fit/round4/ … round14/), in order: the one place a new
round is added. public_sources.py takes their sources and ids, measurements_speed.py and measurements_added.py
their rows."""

from __future__ import annotations

from . import round4, round5, round6, round7, round8, round9, round10, round11, round12, round13, round14
from .collection_round import Round

LATER_ROUNDS: dict[int, Round] = {
    4: round4.ROUND,
    5: round5.ROUND,
    6: round6.ROUND,
    7: round7.ROUND,
    8: round8.ROUND,
    9: round9.ROUND,
    10: round10.ROUND,
    11: round11.ROUND,
    12: round12.ROUND,
    13: round13.ROUND,
    14: round14.ROUND,
}
