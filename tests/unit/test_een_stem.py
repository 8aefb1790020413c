"""One figure, one vote: a figure drives at most one mechanism, so a cheap buurt does not collect signals.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_een_stem.py
"""

import inspect

import pandas as pd

from vroegsignalering.core.analyse import analyse
from vroegsignalering.core.mechanisms.conjunctuur import INDICATOREN
from vroegsignalering.core.mechanisms.register import DRIJVERS, MECHANISMEN, VOORWAARDEN, mechanism_function
from vroegsignalering.tests.unit.mech_helpers import units_frame


def test_no_figure_drives_two_mechanisms():
    seen = {}
    for naam in MECHANISMEN:
        for figuur in DRIJVERS[naam]:
            assert figuur not in seen, f"{figuur} drives {seen.get(figuur)} and {naam}"
            seen[figuur] = naam
    # a condition is never also a driver of the same mechanism
    for naam, voorwaarden in VOORWAARDEN.items():
        assert not set(voorwaarden) & set(DRIJVERS[naam])


def test_the_register_matches_the_code():
    # dimensies watches the dimensions the register names as its drivers (won is concurrentiepositie's)
    default = inspect.signature(mechanism_function("dimensies")).parameters["dimensies"].default
    assert set(default) == set(DRIJVERS["dimensies"])
    # conjunctuur's structural figures are its drivers, and the WOZ value is not among them
    names = {naam for naam, _, _ in INDICATOREN}
    assert names <= set(DRIJVERS["conjunctuur"])
    assert not any("WOZ" in c or "woningwaarde" in c.lower() for _, columns, _ in INDICATOREN for c in columns)


def test_a_cheap_buurt_signals_once():
    """Five buurten alike but for the WOZ value: A costs a third of the others.

    By hand: concurrentiepositie compares A's WOZ (100) with its surroundings (about 315): 0.32 <= 0.8, a
    signal. doorstroom: A's 65+ share (15 %) is the lowest, below the 75th percentile (18 %): the cheap housing
    is only a condition, so no signal (the greyest buurten cost more and earn more than the medians). sloopelders: nothing was demolished. conjunctuur: poverty and corporation rentals
    are equal (rank 0.5: no signal) and the WOZ value plays no part. nieuwbouwelders: the surroundings build
    at the national pace. So A has exactly one signal, like the others have none.
    """
    units = units_frame(
        x=[0, 1000, 2000, 3000, 4000],
        percentage_personen_65_jaar_en_ouder=[15, 16, 17, 18, 19],
        gemiddelde_woningwaarde=[100, 300, 310, 320, 330],
        GemiddeldInkomenPerInwoner=[30, 40, 41, 42, 43],
        PersonenInArmoede=[5] * 5,
        InBezitWoningcorporatie=[20] * 5,
        aantal_woningen=[500] * 5,
        aantal_woningen_bouwjaar_afgelopen_tien_jaar=[40] * 5,
    )
    sloop = pd.DataFrame({"buurtcode": pd.Series([], dtype=object), "jaar": [], "gesloopte_woningen": []})
    frame = analyse(units, None, 2024, sloop=sloop).frames["buurt"]
    signals = {naam: int(frame.at[0, f"{naam}_signaal"]) for naam in MECHANISMEN
               if f"{naam}_signaal" in frame and pd.notna(frame.at[0, f"{naam}_signaal"])}
    assert signals["concurrentiepositie"] == 1
    assert {naam for naam, s in signals.items() if s == 1} == {"concurrentiepositie"}
    assert frame.at[0, "n_signalen"] == 1
    # the others: no signal at all
    assert (frame.loc[1:, "n_signalen"] == 0).all()
    # the WOZ condition shows in doorstroom's affordability part (1: A is very affordable), not in its score
    assert frame.at[0, "doorstroom_deel_betaalbaar"] == 1.0
    assert frame.at[0, "doorstroom_score"] < 0.5
    assert frame.at[0, "concurrentiepositie_woz_verhouding"] < 0.35


def test_every_mechanism_offers_one_key_threshold_it_really_takes():
    from vroegsignalering.core.mechanisms.register import KERNDREMPEL, instelbaar

    assert set(KERNDREMPEL) == set(MECHANISMEN)
    for naam, sleutel in KERNDREMPEL.items():
        assert sleutel in instelbaar(naam), naam
