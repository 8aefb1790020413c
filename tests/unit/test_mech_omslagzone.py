"""Mechanism omslagzone (near the tipping point): distance, typical moves, fall-backs, strictness, sample.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_mech_omslagzone.py
The lower bound of 'voldoende' is -0.16405 (release 2024).
"""

from math import sqrt

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.mechanisms.omslagzone import omslagzone
from vroegsignalering.core.scores import as_of, wide_scores
from vroegsignalering.tests.unit.mech_helpers import sample_buurten, tidy_frame

GRENZEN = load_klassegrenzen()
GRENS = -0.16405


ROWS = [
    # 1 close and sliding steadily
    ("BU00010001", "G1", {2018: -0.10, 2020: -0.12, 2022: -0.13, 2024: -0.14}),
    # 2 further away but restless
    ("BU00010002", "G1", {2018: -0.02, 2020: -0.10, 2022: -0.04, 2024: -0.10}),
    # 3 far and quiet
    ("BU00010003", "G1", {2018: 0.10, 2020: 0.11, 2022: 0.10, 2024: 0.11}),
    # 4 already 'zwak'
    ("BU00010004", "G1", {2018: -0.19, 2020: -0.19, 2022: -0.20, 2024: -0.20}),
    # 5 starts in 2022: one change only
    ("BU00010005", "G1", {2022: -0.05, 2024: -0.06}),
    # 6 not measured in 2024
    ("BU00010006", "G1", {2018: 0.0, 2020: 0.0, 2022: 0.0, 2024: None}),
]

RMS = [
    sqrt((0.02**2 + 0.01**2 + 0.01**2) / 3),  # 0.0141421
    sqrt((0.08**2 + 0.06**2 + 0.06**2) / 3),  # 0.0673300
    0.01,
    sqrt(0.01**2 / 3),  # 0.0057735
]
MEDIAN = 0.01  # of the own values 0.0141421, 0.06733, 0.01, 0.0057735 and 0 (unit 6, up to 2022)


@pytest.fixture()
def units():
    return wide_scores(tidy_frame(ROWS), GRENZEN)


def test_hand_computed(units):
    result = omslagzone(units)
    frame = result.frame
    afstand = np.array([-0.14, -0.10, 0.11, -0.20, -0.06, np.nan]) - GRENS
    assert frame["omslagzone_afstand"].to_numpy() == pytest.approx(afstand, nan_ok=True)
    assert frame["omslagzone_referentie"].tolist() == [GRENS] * 6
    beweging = RMS + [MEDIAN, 0.0]  # 6: all zero changes -> 0
    assert frame["omslagzone_beweging"].to_numpy() == pytest.approx(beweging)
    # 1: 0.02405 / 0.0141421 = 1.700594; 2: 0.06405 / 0.06733 = 0.951284; 5: 0.10405 / 0.01 = 10.405
    assert frame["omslagzone_bewegingen"].to_numpy()[[0, 1, 2, 4]] == pytest.approx(
        [1.700594, 0.951284, 27.405, 10.405], abs=1e-5)
    # score = max(1 - afstand / 0.0784, 1 - bewegingen / 4)
    # 1: max(0.693240, 0.574851); 2: max(0.183036, 0.762179); 3 and 5: 0; 4: already zwak: no score
    assert frame["omslagzone_score"].to_numpy() == pytest.approx(
        [0.693240, 0.762179, 0.0, np.nan, 0.0, np.nan], abs=1e-6, nan_ok=True)
    assert frame["omslagzone_signaal"].fillna(-1).tolist() == [1, 1, 0, -1, 0, -1]
    # two-year intervals: the typical move per year is half the move per measurement
    assert frame["omslagzone_beweging_per_jaar"].to_numpy() == pytest.approx([b / 2 for b in beweging])
    assert frame.at[0, "omslagzone_toelichting"] == (
        "Score 0,02 boven de grens van voldoende, 1,7 keer de gewone schommeling tussen twee metingen")
    assert frame.at[3, "omslagzone_toelichting"] == "Al zwak of lager: score 0,04 onder de grens van voldoende"
    assert frame.at[4, "omslagzone_toelichting"] == (
        "Score 0,10 boven de grens van voldoende, 10,4 keer de gewone schommeling tussen twee metingen in de gemeente")
    assert frame.at[5, "omslagzone_toelichting"] == "Geen meting in 2024"
    assert "1 eenheid met minder dan 2 veranderingen: typische beweging = mediaan van hun gemeente (of van alle eenheden)" in result.notes
    assert "1 eenheid zonder meting in 2024" in result.notes
    assert "1 eenheid al zwak of lager in 2024: buiten de doelgroep (geen score)" in result.notes


def test_thresholds(units):
    frame = omslagzone(units, drempel_bewegingen=0.9).frame
    # 2: 0.951 moves is no longer close, and 0.064 is above 0.0392: score max(0.183036, 1 - 0.951284 / 1.8)
    assert frame.at[1, "omslagzone_signaal"] == 0
    assert frame.at[1, "omslagzone_score"] == pytest.approx(1 - 0.951284 / 1.8, abs=1e-6)
    frame = omslagzone(units, drempel_afstand=0.02, drempel_bewegingen=1.0).frame
    # 1: 0.02405 >= 0.02 and 1.70 >= 1.0: no signal; score max(1 - 0.02405 / 0.04, 1 - 1.700594 / 2) = 0.39875
    assert frame.at[0, "omslagzone_signaal"] == 0
    assert frame.at[0, "omslagzone_score"] == pytest.approx(0.39875)


def test_gap_in_history():
    rows = [("BU00010001", "G1", {2018: 0.0, 2020: None, 2022: 0.02, 2024: 0.0})]
    frame = omslagzone(wide_scores(tidy_frame(rows), GRENZEN)).frame
    # changes 2018 -> 2022 (+0.02 in four years: 0.005 a year, across the gap) and 2022 -> 2024
    # (-0.02 in two: 0.01 a year): rms per year sqrt((0.005^2 + 0.01^2) / 2) = 0.0079057,
    # a typical move over one two-year interval 0.0158114
    assert frame.at[0, "omslagzone_beweging_per_jaar"] == pytest.approx(sqrt(0.0000625))
    assert frame.at[0, "omslagzone_beweging"] == pytest.approx(2 * sqrt(0.0000625))
    assert frame.at[0, "omslagzone_bewegingen"] == pytest.approx(-GRENS / (2 * sqrt(0.0000625)))


def test_long_early_gaps_count_per_year():
    """2002 -> 2008 (six years) and 2008 -> 2012 (four) are not single large moves."""
    rows = [("BU00010001", "G1", {2002: 0.0, 2008: 0.06, 2012: 0.02, 2014: 0.0})]
    frame = omslagzone(wide_scores(tidy_frame(rows), GRENZEN), 2014).frame
    # rates +0.06 / 6 = 0.01, -0.04 / 4 = -0.01, -0.02 / 2 = -0.01 a year: rms 0.01, two-year move 0.02
    assert frame.at[0, "omslagzone_beweging_per_jaar"] == pytest.approx(0.01)
    assert frame.at[0, "omslagzone_beweging"] == pytest.approx(0.02)
    # a three-year interval setting scales the move, not the rates
    assert omslagzone(wide_scores(tidy_frame(rows), GRENZEN), 2014, interval=3).frame.at[
        0, "omslagzone_beweging"] == pytest.approx(0.03)


def test_fallback_to_all_units_when_gemeente_has_none():
    rows = ROWS[:3] + [("BU00020007", "G2", {2022: -0.12, 2024: -0.13})]
    frame = omslagzone(wide_scores(tidy_frame(rows), GRENZEN)).frame
    # G2 has no own value: median of all units' own values (0.0141421, 0.06733, 0.01) = 0.0141421
    assert frame.at[3, "omslagzone_beweging"] == pytest.approx(RMS[0])


def test_never_moved():
    rows = [("BU00010001", "G1", {2020: -0.15, 2022: -0.15, 2024: -0.15})]
    frame = omslagzone(wide_scores(tidy_frame(rows), GRENZEN)).frame
    # typical move 0: the number of moves is unknown (not infinite), the distance 0.01405 decides
    assert frame.at[0, "omslagzone_beweging"] == 0
    assert np.isnan(frame.at[0, "omslagzone_bewegingen"])
    assert frame.at[0, "omslagzone_score"] == pytest.approx(1 - 0.01405 / 0.0784)
    assert frame.at[0, "omslagzone_signaal"] == 1


def test_one_year_only_uses_distance():
    rows = [(code, g, {2024: s[2024]}) for code, g, s in ROWS[:3]]
    result = omslagzone(wide_scores(tidy_frame(rows), GRENZEN))
    frame = result.frame
    assert frame["omslagzone_bewegingen"].isna().all()
    # the distance alone: 1 - 0.02405 / 0.0784, 1 - 0.06405 / 0.0784, 0
    assert frame["omslagzone_score"].to_numpy() == pytest.approx([0.693240, 0.183036, 0.0], abs=1e-6)
    assert frame["omslagzone_signaal"].tolist() == [1, 0, 0]
    assert "3 eenheden zonder typische beweging: alleen de afstand telt" in result.notes
    assert ", gewone schommeling onbekend" in frame.at[0, "omslagzone_toelichting"]


def test_all_units_weak():
    rows = [(f"BU0001000{i}", "G1", {2020: -0.2 - i / 100, 2024: -0.25 - i / 100}) for i in range(1, 4)]
    result = omslagzone(wide_scores(tidy_frame(rows), GRENZEN))
    # past the tipping point: outside the target group, no score and no signal
    assert result.score.isna().all() and result.signaal.isna().all()
    assert result.frame["omslagzone_toelichting"].str.startswith("Al zwak of lager").all()


def test_strict_no_later_data(units):
    tidy = tidy_frame(ROWS)
    expected = omslagzone(wide_scores(as_of(tidy, 2022), GRENZEN), 2022)
    got = omslagzone(units, 2022)
    pd.testing.assert_frame_equal(got.frame, expected.frame)
    assert got.notes == expected.notes
    # 2022: unit 1 at -0.13, changes -0.02, -0.01 -> rms sqrt(0.00025) = 0.0158114
    assert got.frame.at[0, "omslagzone_beweging"] == pytest.approx(sqrt(0.00025))
    assert got.frame.at[0, "omslagzone_afstand"] == pytest.approx(-0.13 - GRENS)


def test_class_boundaries_follow_grenzen(units):
    from vroegsignalering.core.classes import klassegrenzen_from_text

    eigen = klassegrenzen_from_text("-0.43, -0.35, -0.28, -0.15, -0.10, 0.01, 0.09, 0.17")
    frame = omslagzone(units, grenzen=eigen).frame
    assert frame.at[0, "omslagzone_afstand"] == pytest.approx(0.01)
    assert frame.at[0, "omslagzone_referentie"] == -0.15


# --------------------------------------------------------------------------- the Lelystad sample


@pytest.fixture(scope="module")
def sample():
    return sample_buurten()


def test_sample_2016(sample):
    wide = sample
    result = omslagzone(wide, 2016)
    start = wide["klasse_2016"].astype(float).to_numpy()
    target = start >= 5
    later = wide[[f"klasse_{y}" for y in (2018, 2020, 2022, 2024)]].astype(float)
    declined = ((later.min(axis=1) <= 4) | (wide["klasse_2024"].astype(float) < start)).to_numpy()
    signal = result.signaal.fillna(0).to_numpy() == 1
    # only the target group is signalled; the units already zwak get no score
    assert not signal[~target].any()
    weak = start <= 4
    assert np.isnan(result.score.to_numpy()[weak]).all()
    # the flagged buurten decline later far more often than the target group as a whole (12 of 68)
    assert signal.sum() >= 5
    assert declined[signal].mean() > 2 * declined[target].mean()
    # the buurten that slid to zwak by 2024 (Zuiderzeelaan, Bastion, Griend, Merenbuurt, ...) were mostly flagged
    slid = target & (wide["klasse_2024"].astype(float).to_numpy() <= 4)
    assert signal[slid].mean() >= 0.5
    # strict: the same without the later columns
    later_columns = [c for c in wide.columns if c[-4:].isdigit() and int(c[-4:]) > 2016]
    pd.testing.assert_frame_equal(result.frame, omslagzone(wide.drop(columns=later_columns), 2016).frame)
