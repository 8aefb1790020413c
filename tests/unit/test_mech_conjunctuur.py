"""Mechanism conjunctuur (economic sensitivity): crisis reaction, CBS structure, missing parts, sample.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_mech_conjunctuur.py
"""

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.cbs import join_context, read_kerncijfers
from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.mechanisms.base import MissingInputError
from vroegsignalering.core.mechanisms.conjunctuur import conjunctuur, percentielrang
from vroegsignalering.core.scores import as_of, wide_scores
from vroegsignalering.tests.unit.mech_helpers import SAMPLE, sample_buurten, tidy_frame

GRENZEN = load_klassegrenzen()


ROWS = [
    ("BU00010001", "G1", {2008: 0.10, 2012: 0.02, 2016: 0.05}),  # crisis -0.08
    ("BU00010002", "G1", {2008: 0.00, 2012: 0.00, 2016: 0.01}),  # 0
    ("BU00020003", "G2", {2008: -0.05, 2012: -0.06, 2016: -0.05}),  # -0.01
    ("BU00020004", "G2", {2008: 0.05, 2012: 0.07, 2016: 0.08}),  # +0.02
    ("BU00020005", "G2", {2012: 0.0, 2016: 0.0}),  # starts 2012
]
CONTEXT = {
    "PersonenInArmoede": [10, 5, 20, np.nan, np.nan],
    "InBezitWoningcorporatie": [30, 30, 60, 10, np.nan],
    "GemiddeldeWOZWaardeVanWoningen": [200, 300, 150, -99997, np.nan],  # -99997: CBS secret
}


def make_units(rows=ROWS, context=True):
    units = wide_scores(tidy_frame(rows), GRENZEN)
    if context:
        for name, values in CONTEXT.items():
            units[name] = values[: len(units)]
    return units


def test_hand_computed():
    result = conjunctuur(make_units())
    frame = result.frame
    assert frame["conjunctuur_crisisverandering"].to_numpy() == pytest.approx(
        [-0.08, 0.0, -0.01, 0.02, np.nan], nan_ok=True)
    # reference: mean of the four known changes = -0.07 / 4 = -0.0175 (also shown for the unit without one)
    assert frame["conjunctuur_referentie"].to_numpy() == pytest.approx([-0.0175] * 5)
    assert frame["conjunctuur_crisis_relatief"].to_numpy() == pytest.approx(
        [-0.0625, 0.0175, 0.0075, 0.0375, np.nan], nan_ok=True)
    # empirical part: 0.0625 / 0.0784 = 0.797194, others 0
    assert frame["conjunctuur_empirisch"].to_numpy() == pytest.approx(
        [0.797194, 0, 0, 0, np.nan], abs=1e-6, nan_ok=True)
    # ranks (rank - 1) / (n - 1): armoede 10, 5, 20 -> 0.5, 0, 1; corporatie 30, 30, 60, 10 -> 0.5, 0.5, 1, 0;
    # the WOZ value is not used (it is concurrentiepositie's figure: one figure, one vote)
    # structural: a 0.5, b (0 + 0.5) / 2 = 0.25, c 1, d 0 (corporatie only), e none
    assert frame["conjunctuur_structureel"].to_numpy() == pytest.approx(
        [0.5, 0.25, 1.0, 0.0, np.nan], nan_ok=True)
    # score: the larger part; the structural part is 0.5 at rank 0.8, 1 at rank 1, 0 at rank 0.6 and below:
    # a max(0.797194, 0), b 0, c max(0, 1), d 0, e nothing
    assert frame["conjunctuur_score"].to_numpy() == pytest.approx(
        [0.797194, 0.0, 1.0, 0.0, np.nan], abs=1e-6, nan_ok=True)
    # signal: a fell 0.0625 more than the reference (>= 0.0392); c structural 1.0 >= 0.8
    assert frame["conjunctuur_signaal"].fillna(-1).tolist() == [1, 0, 1, 0, -1]
    assert frame.at[0, "conjunctuur_toelichting"] == (
        "Score 0,08 gedaald in de crisis 2008-2012, alle eenheden gemiddeld -0,02, "
        "meer armoede dan 50 % en meer corporatiebezit dan 50 % van de rest, gemiddelde rang 0,50")
    assert frame.at[3, "conjunctuur_toelichting"].endswith(
        ", meer corporatiebezit dan 0 % van de rest, gemiddelde rang 0,00")
    assert frame.at[4, "conjunctuur_toelichting"] == "Niet gemeten in 2008 of 2012"
    assert "1 eenheid zonder meting in 2008 of 2012: geen crisisreactie" in result.notes
    assert "Structuur uit CBS-context: armoede, corporatiebezit" in result.notes
    assert "1 eenheid zonder CBS-context" in result.notes


def test_gemeente_and_number_reference():
    frame = conjunctuur(make_units(), referentie="gemeente").frame
    # G1 (-0.08 + 0) / 2 = -0.04 -> a -0.04 (signal, 0.04 / 0.0784 = 0.510204); G2 (-0.01 + 0.02) / 2 = 0.005
    assert frame["conjunctuur_referentie"].to_numpy()[:4] == pytest.approx([-0.04, -0.04, 0.005, 0.005])
    assert frame["conjunctuur_empirisch"].to_numpy()[:4] == pytest.approx([0.510204, 0, 0.191327, 0], abs=1e-6)
    assert frame.at[0, "conjunctuur_signaal"] == 1
    frame = conjunctuur(make_units(), referentie=-0.01).frame
    # fixed national change -0.01: a -0.07 -> 0.892857
    assert frame.at[0, "conjunctuur_empirisch"] == pytest.approx(0.07 / 0.0784)
    assert "vaste referentie -0,01" in frame.at[0, "conjunctuur_toelichting"]


def test_no_crisis_years_structure_only():
    rows = [(code, g, {2016: s[2016], 2020: s[2016]}) for code, g, s in ROWS]
    result = conjunctuur(make_units(rows))
    frame = result.frame
    assert frame["conjunctuur_empirisch"].isna().all()
    assert frame["conjunctuur_score"].to_numpy() == pytest.approx([0.0, 0.0, 1.0, 0.0, np.nan], nan_ok=True)
    assert frame["conjunctuur_signaal"].fillna(-1).tolist() == [0, 0, 1, 0, -1]
    assert "Geen meting in 2008 en 2012: crisisreactie onbekend, alleen de structuur telt" in result.notes
    assert frame.at[2, "conjunctuur_toelichting"].startswith("Meer armoede dan 100 %")


def test_crisis_only():
    result = conjunctuur(make_units(context=False))
    assert result.frame["conjunctuur_structureel"].isna().all()
    assert result.score.to_numpy() == pytest.approx([0.797194, 0, 0, 0, np.nan], abs=1e-6, nan_ok=True)
    assert "Geen CBS-context (armoede, corporatiebezit): alleen de crisisreactie telt" in result.notes


def test_nothing_to_measure():
    rows = [(code, g, {2016: s[2016], 2020: s[2016]}) for code, g, s in ROWS]
    with pytest.raises(MissingInputError, match="no units measured in both 2008 and 2012"):
        conjunctuur(make_units(rows, context=False))
    # the crisis after the analysis year counts as absent (strict)
    with pytest.raises(MissingInputError):
        conjunctuur(make_units(context=False), 2008)
    # crisis years present, but no unit measured in both
    rows = [("BU00010001", "G1", {2008: 0.1, 2012: None, 2016: 0.0}), ("BU00010002", "G1", {2012: 0.0, 2016: 0.0})]
    with pytest.raises(MissingInputError):
        conjunctuur(make_units(rows, context=False))
    result = conjunctuur(make_units(rows))
    assert "Geen eenheid gemeten in zowel 2008 als 2012: crisisreactie onbekend, alleen de structuur telt" in (
        result.notes)


def test_strict_no_later_data():
    units = make_units()
    got = conjunctuur(units, 2008)
    assert got.frame["conjunctuur_empirisch"].isna().all()
    assert "Crisis 2008-2012 ligt na het analysejaar 2008: alleen de structuur telt" in got.notes
    assert "De CBS-context heeft één peiljaar, mogelijk na het analysejaar 2008" in got.notes
    early = wide_scores(as_of(tidy_frame(ROWS), 2008), GRENZEN)
    for name, values in CONTEXT.items():
        early[name] = values[:4]
    # the unit starting in 2012 is absent early and shifts the ranks: compare without it
    reduced = units.iloc[:4].copy()
    pd.testing.assert_frame_equal(conjunctuur(reduced, 2008).frame, conjunctuur(early, 2008).frame)
    # 2012: the crisis is complete, later columns play no part
    later = [c for c in units.columns if c.endswith("_2016")]
    pd.testing.assert_frame_equal(conjunctuur(units, 2012).frame, conjunctuur(units.drop(columns=later), 2012).frame)


def test_other_context_names():
    units = make_units(context=False)
    units["percentage_huurwoningen_in_bezit_woningcorporaties"] = [30, 30, 60, 10, np.nan]
    units["gemiddelde_woningwaarde"] = [200, 300, 150, np.nan, np.nan]
    result = conjunctuur(units)
    assert "Structuur uit CBS-context: corporatiebezit" in result.notes
    # a: corporatiebezit rank 0.5 (the WOZ value plays no part)
    assert result.frame.at[0, "conjunctuur_structureel"] == pytest.approx(0.5)


def test_percentielrang():
    assert percentielrang([3.0, 1.0, 2.0, np.nan]) == pytest.approx([1.0, 0.0, 0.5, np.nan], nan_ok=True)
    assert percentielrang([7.0, np.nan]) == pytest.approx([0.5, np.nan], nan_ok=True)


# --------------------------------------------------------------------------- the Lelystad sample


@pytest.fixture(scope="module")
def sample():
    wide = sample_buurten()
    kern = read_kerncijfers(SAMPLE / "kerncijfers_wijken_en_buurten_2024_lelystad.csv")
    joined, _ = join_context(wide, kern[kern["soort"].str.lower() == "buurt"])
    return wide, joined


def test_sample_2016(sample):
    wide, joined = sample
    result = conjunctuur(joined, 2016)
    start = wide["klasse_2016"].astype(float).to_numpy()
    target = start >= 5
    later = wide[[f"klasse_{y}" for y in (2018, 2020, 2022, 2024)]].astype(float)
    declined = ((later.min(axis=1) <= 4) | (wide["klasse_2024"].astype(float) < start)).to_numpy()
    signal = result.signaal.fillna(0).to_numpy() == 1
    # the crisis-sensitive buurten with cheap rental stock decline later far more often than the rest
    assert signal[target].sum() >= 5
    assert declined[signal & target].mean() > 2 * declined[target].mean()
    # both CBS indicators were found under their StatLine names (suffixes stripped)
    assert "Structuur uit CBS-context: armoede, corporatiebezit" in result.notes
    # Biomassa (secret CBS values) and Woonhavenpad (first measured 2018: not there in 2016) have no structure;
    # the three buurten started after 2008 no crisis reaction
    assert result.frame["conjunctuur_structureel"].isna().sum() == 2
    assert result.frame["conjunctuur_crisisverandering"].isna().sum() == 3
    # without context: only the crisis reaction, still a result
    alone = conjunctuur(wide, 2016)
    assert alone.frame["conjunctuur_structureel"].isna().all()
    assert alone.score.notna().sum() == 77
