"""Mechanism ontwikkeling (trend): hand-computed changes, references, slope, strictness, sample.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_mech_ontwikkeling.py
"""

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.mechanisms.ontwikkeling import helling, ontwikkeling
from vroegsignalering.core.scores import as_of, read_score_csv, wide_scores
from vroegsignalering.tests.unit.mech_helpers import BUURT_SCORES, tidy_frame

GRENZEN = load_klassegrenzen()


# G1: a, b, c; G2: d, e (starts 2020), f (not measured 2018: its base is 2014)
ROWS = [
    ("BU00010001", "G1", {2014: 0.10, 2018: 0.10, 2020: 0.08, 2024: 0.04}),
    ("BU00010002", "G1", {2014: 0.00, 2018: 0.00, 2020: 0.01, 2024: 0.02}),
    ("BU00010003", "G1", {2014: -0.05, 2018: -0.05, 2020: -0.05, 2024: -0.05}),
    ("BU00020004", "G2", {2014: 0.20, 2018: 0.20, 2020: 0.18, 2024: 0.15}),
    ("BU00020005", "G2", {2020: 0.10, 2024: 0.11}),
    ("BU00020006", "G2", {2014: 0.05, 2018: None, 2020: 0.05, 2024: 0.05}),
]
A, B, C, D, E, F = range(6)


@pytest.fixture()
def units():
    return wide_scores(tidy_frame(ROWS), GRENZEN)


def test_gemeente_reference(units):
    result = ontwikkeling(units)
    frame = result.frame
    # changes since 2018 (f: since 2014, its latest measurement at or before 2018; e: none)
    assert frame["ontwikkeling_verandering"].to_numpy() == pytest.approx(
        [-0.06, 0.02, 0.0, -0.05, np.nan, 0.0], nan_ok=True)
    assert frame["ontwikkeling_basisjaar"].to_numpy() == pytest.approx(
        [2018, 2018, 2018, 2018, np.nan, 2014], nan_ok=True)
    # G1 (base 2018): (-0.06 + 0.02 + 0) / 3 = -0.013333; G2: d and f have different base years, each is
    # alone with its own: both compared with all of G2, (-0.05 + 0) / 2 = -0.025
    assert frame["ontwikkeling_referentie"].to_numpy() == pytest.approx(
        [-0.04 / 3] * 3 + [-0.025] * 3)  # e (no change of its own) is shown its gemeente's
    # a: -0.06 + 0.013333 = -0.046667 <= -0.0392 -> signal; score 0.046667 / 0.0784 = 0.595238
    assert frame["ontwikkeling_achterstand"].to_numpy() == pytest.approx(
        [-0.046667, 0.033333, 0.013333, -0.025, np.nan, 0.025], abs=1e-6, nan_ok=True)
    # d: 0.025 / 0.0784 = 0.318878
    assert frame["ontwikkeling_score"].to_numpy() == pytest.approx(
        [0.595238, 0, 0, 0.318878, np.nan, 0], abs=1e-6, nan_ok=True)
    assert result.signaal.tolist()[:4] == [1, 0, 0, 0]
    assert result.signaal.isna().tolist() == [False, False, False, False, True, False]
    assert frame.at[A, "ontwikkeling_toelichting"] == "Score 0,06 gedaald sinds 2018, gemeente gemiddeld -0,01"
    assert frame.at[B, "ontwikkeling_toelichting"] == "Score 0,02 gestegen sinds 2018, gemeente gemiddeld -0,01"
    assert frame.at[F, "ontwikkeling_toelichting"] == "Score gelijk gebleven sinds 2014, gemeente gemiddeld -0,03"
    assert frame.at[E, "ontwikkeling_toelichting"] == "Geen meting in of vóór 2018"
    assert "1 eenheid zonder meting in of vóór 2018: geen ontwikkeling" in result.notes
    assert "2 eenheden zonder andere eenheden met hetzelfde basisjaar: vergeleken met hun hele groep" in result.notes


def test_alle_reference(units):
    frame = ontwikkeling(units, referentie="alle").frame
    # base 2018: mean of a, b, c, d = (-0.06 + 0.02 + 0 - 0.05) / 4 = -0.0225;
    # f (alone with base 2014): all five, (-0.06 + 0.02 + 0 - 0.05 + 0) / 5 = -0.018
    assert frame["ontwikkeling_referentie"].to_numpy() == pytest.approx(
        [-0.0225] * 4 + [-0.018] * 2)
    # a: -0.0375 (not <= -0.0392: no signal), score 0.0375 / 0.0784 = 0.478316; d: -0.0275 -> 0.350765
    assert frame["ontwikkeling_score"].to_numpy() == pytest.approx(
        [0.478316, 0, 0, 0.350765, np.nan, 0], abs=1e-6, nan_ok=True)
    assert frame["ontwikkeling_signaal"].fillna(-1).tolist() == [0, 0, 0, 0, -1, 0]
    assert "alle eenheden gemiddeld -0,02" in frame.at[A, "ontwikkeling_toelichting"]


def test_number_reference(units):
    frame = ontwikkeling(units, referentie=0.0).frame
    # fixed reference 0: a -0.06 -> 0.765306, d -0.05 -> 0.637755, both signal
    assert frame["ontwikkeling_score"].to_numpy() == pytest.approx(
        [0.765306, 0, 0, 0.637755, np.nan, 0], abs=1e-6, nan_ok=True)
    assert frame["ontwikkeling_signaal"].fillna(-1).tolist() == [1, 0, 0, 1, -1, 0]
    assert frame.at[D, "ontwikkeling_toelichting"] == "Score 0,05 gedaald sinds 2018, vaste referentie +0,00"
    # a number given as text (as a dialog would) is the same
    assert ontwikkeling(units, referentie="0,0").frame.equals(frame)


def test_percentile(units):
    frame = ontwikkeling(units, referentie="alle", percentiel=25).frame
    # achterstand a -0.0375 (lowest of 5 known: rank 1/5 = 0.2 <= 0.25), d -0.0275 (rank 0.4)
    assert frame["ontwikkeling_signaal"].fillna(-1).tolist() == [1, 0, 0, 0, -1, 0]
    assert frame.at[A, "ontwikkeling_toelichting"].endswith(", bij de laagste 25 % van alle eenheden")
    # score: the larger of the threshold part (0.478316) and the percentile part, 0.5 at the 25th
    # percentile and 1 for the lowest rank: 0.5 + 0.5 * (0.25 - 0.2) / 0.25 = 0.6 (>= 0.5: the signal)
    assert frame.at[A, "ontwikkeling_score"] == pytest.approx(0.6)
    assert frame.at[D, "ontwikkeling_score"] == pytest.approx(0.350765, abs=1e-6)


def test_slope(units):
    frame = ontwikkeling(units).frame
    # a: x 2014, 2018, 2020, 2024 (mean 2019), y .10 .10 .08 .04 (mean .08):
    # sum dx dy = -5*.02 - 1*.02 + 0 + 5*(-.04) = -0.32; sum dx^2 = 52 -> -0.0061538 per year
    assert frame.at[A, "ontwikkeling_helling"] == pytest.approx(-0.32 / 52)
    # e: only 2020 and 2024: 0.01 / 4
    assert frame.at[E, "ontwikkeling_helling"] == pytest.approx(0.0025)
    # f: the missing 2018 is skipped, the slope is 0
    assert frame.at[F, "ontwikkeling_helling"] == pytest.approx(0.0)


def test_period_and_earlier_year(units):
    frame = ontwikkeling(units, periode=4).frame
    # since 2020: a 0.04 - 0.08 = -0.04
    assert frame.at[A, "ontwikkeling_verandering"] == pytest.approx(-0.04)
    assert frame.at[A, "ontwikkeling_basisjaar"] == 2020
    frame = ontwikkeling(units, 2020).frame
    # 2020, base <= 2014: a -0.02, b +0.01, c 0; G1 mean -0.003333; a -0.016667 -> 0.212585
    assert frame.at[A, "ontwikkeling_achterstand"] == pytest.approx(-0.02 + 0.01 / 3)
    assert frame.at[A, "ontwikkeling_score"] == pytest.approx((0.02 - 0.01 / 3) / 0.0784)


def test_strict_no_later_data(units):
    tidy = tidy_frame(ROWS)
    early = wide_scores(as_of(tidy, 2020), GRENZEN)
    expected = ontwikkeling(early, 2020)
    got = ontwikkeling(units, 2020)
    pd.testing.assert_frame_equal(got.frame, expected.frame)
    assert got.notes == expected.notes
    # scribbling over the later columns changes nothing either
    changed = units.copy()
    changed["afw_2024"] = -1.0
    changed["afw"] = -1.0
    pd.testing.assert_frame_equal(ontwikkeling(changed, 2020).frame, expected.frame)


def test_one_year_only():
    units = wide_scores(tidy_frame([(code, g, {2024: s[2024]}) for code, g, s in ROWS]), GRENZEN)
    result = ontwikkeling(units)
    assert result.score.isna().all()
    assert result.signaal.isna().all()
    assert result.frame["ontwikkeling_helling"].isna().all()
    assert "6 eenheden zonder meting in of vóór 2018: geen ontwikkeling" in result.notes
    assert "6 eenheden met minder dan twee metingen t/m 2024: geen helling" in result.notes
    assert (result.frame["ontwikkeling_toelichting"] == "Geen meting in of vóór 2018").all()


def test_missing_in_analysis_year():
    rows = ROWS + [("BU00020007", "G2", {2014: 0.0, 2018: 0.0, 2020: 0.0, 2024: None})]
    result = ontwikkeling(wide_scores(tidy_frame(rows), GRENZEN))
    assert np.isnan(result.frame["ontwikkeling_score"].iloc[-1])
    assert result.frame["ontwikkeling_toelichting"].iloc[-1] == "Geen meting in 2024"
    assert "1 eenheid zonder meting in 2024" in result.notes


def test_unit_alone_in_its_gemeente():
    rows = ROWS + [("BU00030007", "G3", {2018: 0.1, 2024: 0.0})]
    result = ontwikkeling(wide_scores(tidy_frame(rows), GRENZEN))
    last = result.frame.iloc[-1]
    assert last["ontwikkeling_verandering"] == pytest.approx(-0.1)
    assert np.isnan(last["ontwikkeling_referentie"]) and np.isnan(last["ontwikkeling_score"])
    assert pd.isna(last["ontwikkeling_signaal"])
    assert last["ontwikkeling_toelichting"] == (
        "Score 0,10 gedaald sinds 2018, geen andere eenheden om mee te vergelijken")
    assert "1 eenheid zonder andere eenheden om mee te vergelijken: geen referentie" in result.notes
    # against all units it is compared
    assert ontwikkeling(wide_scores(tidy_frame(rows), GRENZEN), referentie="alle").signaal.iloc[-1] == 1


def test_all_declining_together():
    """Every unit falls 0.06: against its gemeente nothing stands out, against 0 everything does."""
    rows = [(f"BU0001000{i}", "G1", {2018: 0.1 * i, 2024: 0.1 * i - 0.06}) for i in range(1, 4)]
    units = wide_scores(tidy_frame(rows), GRENZEN)
    assert ontwikkeling(units).signaal.tolist() == [0, 0, 0]
    assert ontwikkeling(units).score.to_numpy() == pytest.approx([0, 0, 0], abs=1e-9)
    assert ontwikkeling(units, referentie=0).signaal.tolist() == [1, 1, 1]


def test_gemeente_from_buurtcode():
    rows = [(code, None, series) for code, _, series in ROWS]
    result = ontwikkeling(wide_scores(tidy_frame(rows), GRENZEN))
    # BU0001... -> GM0001, BU0002... -> GM0002: the same groups as G1, G2
    assert result.frame["ontwikkeling_referentie"].iloc[0] == pytest.approx(-0.04 / 3)
    assert "Gemeente van 6 eenheden afgeleid uit de buurtcode" in result.notes


def test_bad_parameters(units):
    from vroegsignalering.core.errors import InputError

    with pytest.raises(InputError):
        ontwikkeling(units, referentie="provincie")
    with pytest.raises(InputError):
        ontwikkeling(units, periode=0)
    with pytest.raises(InputError):
        ontwikkeling(units, percentiel=100)
    with pytest.raises(InputError):
        ontwikkeling(units, 2010)


def test_helling_vectorised_matches_polyfit(units):
    values = units[[f"afw_{y}" for y in (2014, 2018, 2020, 2024)]].to_numpy()
    slope = helling(units, 2024)
    assert slope[A] == pytest.approx(np.polyfit([2014, 2018, 2020, 2024], values[A], 1)[0])


# --------------------------------------------------------------------------- the Lelystad sample


@pytest.fixture(scope="module")
def sample():
    tidy = read_score_csv(BUURT_SCORES)
    return tidy, wide_scores(tidy, GRENZEN)


def later_decline(wide, jaar):
    """Target group in ``jaar`` and who of it later fell to 'zwak' or lower or lost a class by 2024."""
    start = wide[f"klasse_{jaar}"].astype(float)
    later = wide[[f"klasse_{y}" for y in wide.attrs["jaren"] if y > jaar]].astype(float)
    target = (start >= 5).to_numpy()
    declined = ((later.min(axis=1) <= 4) | (wide["klasse_2024"].astype(float) < start)).to_numpy()
    return target, declined


def test_sample_flags_later_decliners(sample):
    tidy, wide = sample
    result = ontwikkeling(wide, 2016)
    target, declined = later_decline(wide, 2016)
    base_rate = declined[target].mean()  # 12 of 68
    flagged = target & (result.signaal.fillna(0).to_numpy() == 1)
    assert flagged.sum() >= 2
    assert declined[flagged].mean() > 2 * base_rate
    # decliners score higher on average than the others
    score = result.score.to_numpy()
    assert np.nanmean(score[target & declined]) > 2 * np.nanmean(score[target & ~declined])
    # the sample has no gemeente column: Lelystad is found in the buurt codes
    assert "Gemeente van 80 eenheden afgeleid uit de buurtcode" in result.notes
    # strict: the same without the later columns, and the same from only the measurements up to 2016
    pd.testing.assert_frame_equal(result.frame, ontwikkeling(drop_later(wide, 2016), 2016).frame)
    early = wide_scores(as_of(tidy, 2016), GRENZEN)  # without Woonhavenpad, first measured in 2018
    by_code = result.frame.set_axis(wide["code"]).loc[early["code"]]
    assert np.allclose(by_code["ontwikkeling_score"], ontwikkeling(early, 2016).score, equal_nan=True)


def drop_later(wide, jaar):
    """The units frame without any column of a year after ``jaar`` (and the latest-year summary blanked)."""
    later = [c for c in wide.columns if c[-4:].isdigit() and c[-5] == "_" and int(c[-4:]) > jaar]
    out = wide.drop(columns=later)
    out[["lbm", "afw", "fys", "onv", "soc", "vrz", "won"]] = np.nan
    return out
