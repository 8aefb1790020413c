"""Mechanism dimensies (hidden weakness): classes, declines, old years without dimensions, sample.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_mech_dimensies.py
Dimension classes (release 2024, measured): class 3 is -0.1567925 .. -0.0784, class 4 -0.0784 .. -0.0392,
class 5 -0.0392 .. 0.0391909. With max_klasse 3 the level part is -value / 0.1568, the decline part
-change / 0.1568 (daling 0.0784).
"""

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.errors import InputError
from vroegsignalering.core.mechanisms.dimensies import dimensies
from vroegsignalering.core.scores import as_of, wide_scores
from vroegsignalering.tests.unit.mech_helpers import sample_buurten

GRENZEN = load_klassegrenzen()
DIMS = ("fys", "onv", "soc", "vrz", "won")


def tidy_frame(rows):
    """rows: (code, {jaar: afw (no dimensions) or (fys, onv, soc, vrz, won)}); afw = sum of dimensions."""
    records = []
    for code, series in rows:
        for jaar, values in series.items():
            record = {"code": code, "naam": code, "gemeente": "G1", "jaar": jaar, "lbm": np.nan}
            if isinstance(values, tuple):
                record.update(dict(zip(DIMS, values)), afw=sum(values))
            else:
                record.update(dict.fromkeys(DIMS, np.nan), afw=values)
            records.append(record)
    return pd.DataFrame(records)


ROWS = [
    # 1 onv class 3 under a class-6 total
    ("BU00010001", {2002: 0.01, 2008: (0.05, -0.09, 0.02, 0.03, 0.0), 2014: (0.05, -0.10, 0.02, 0.03, 0.0)}),
    # 2 soc fell 0.09 (class 4 now) under a class-8 total
    ("BU00010002", {2002: 0.15, 2008: (0.10, 0.01, 0.05, 0.05, 0.02), 2014: (0.10, 0.01, -0.04, 0.05, 0.02)}),
    # 3 onv class 3, but the total is zwak: nothing hidden
    ("BU00010003", {2002: -0.2, 2008: (-0.02, -0.11, -0.05, 0.0, -0.03), 2014: (-0.02, -0.12, -0.05, 0.0, -0.03)}),
    # 4 healthy
    ("BU00010004", {2002: 0.1, 2008: (0.02,) * 5, 2014: (0.02,) * 5}),
    # 5 starts in 2014 with onv class 3
    ("BU00010005", {2014: (0.0, -0.08, 0.0, 0.0, 0.0)}),
]


@pytest.fixture()
def units():
    return wide_scores(tidy_frame(ROWS), GRENZEN)


def test_hand_computed(units):
    result = dimensies(units)
    frame = result.frame
    assert frame["dimensies_klasse_onv"].tolist() == [3, 5, 3, 5, 3]
    assert frame["dimensies_klasse_soc"].tolist() == [5, 4, 4, 5, 5]
    # won is concurrentiepositie's figure (one figure, one vote): not watched by default
    assert "dimensies_klasse_won" not in frame.columns
    # changes since 2008 (the latest measurement at or before 2014 - 6)
    assert frame["dimensies_verandering_onv"].to_numpy() == pytest.approx(
        [-0.01, 0.0, -0.01, 0.0, np.nan], abs=1e-12, nan_ok=True)
    assert frame["dimensies_verandering_soc"].to_numpy()[1] == pytest.approx(-0.09)
    # 1: onv 0.10 / 0.1568 = 0.637755 (decline part 0.01 / 0.1568 smaller)
    # 2: soc max(0.04 / 0.1568, 0.09 / 0.1568) = 0.573980
    # 3: total zwak, nothing hidden: no score; 4: 0; 5: onv 0.08 / 0.1568 = 0.510204 (no decline known)
    assert frame["dimensies_score"].to_numpy() == pytest.approx(
        [0.637755, 0.573980, np.nan, 0.0, 0.510204], abs=1e-6, nan_ok=True)
    assert frame["dimensies_signaal"].fillna(-1).tolist() == [1, 1, -1, 0, 1]
    assert frame["dimensies_n_zwak"].tolist() == [1, 1, 1, 0, 1]
    assert frame["dimensies_zwakste"].tolist() == ["onv", "soc", "onv", "onv", "onv"]
    assert frame["dimensies_zwakste_waarde"].to_numpy() == pytest.approx([-0.10, -0.04, -0.12, 0.02, -0.08])
    assert (frame["dimensies_referentie"] == -0.0784).all()
    assert frame.at[0, "dimensies_toelichting"] == (
        "Overlast en onveiligheid klasse 3 met -0,10, 0,01 gedaald sinds 2008, totaal klasse 6")
    assert frame.at[1, "dimensies_toelichting"] == (
        "Sociale samenhang klasse 4 met -0,04, 0,09 gedaald sinds 2008, totaal klasse 8")
    assert frame.at[2, "dimensies_toelichting"].endswith(", totaal al zwak of lager")
    assert frame.at[3, "dimensies_toelichting"] == (
        "Geen zwakke dimensie, de zwakste is overlast en onveiligheid met +0,02, totaal klasse 8")
    assert "1 eenheid zonder dimensiescores in of vóór 2008: daling onbekend, alleen het niveau telt" in result.notes


def test_old_year_without_dimensions(units):
    """2008 against 2002: the 2002 dimensions are missing, so the decline is unknown, never zero."""
    result = dimensies(units, 2008)
    frame = result.frame
    for d in ("onv", "soc"):
        assert frame[f"dimensies_verandering_{d}"].isna().all()
    # level only: 1 onv -0.09 -> 0.573980 (class 3, total 0.01 class 6: signal); 2: soc +0.05 -> 0; 3 zwak
    assert frame["dimensies_score"].to_numpy()[:4] == pytest.approx([0.573980, 0.0, np.nan, 0.0], abs=1e-6,
                                                                    nan_ok=True)
    assert frame["dimensies_signaal"].fillna(-1).tolist()[:4] == [1, 0, -1, 0]
    # unit 5 is not measured in 2008
    assert np.isnan(frame.at[4, "dimensies_score"]) and pd.isna(frame.at[4, "dimensies_signaal"])
    assert frame.at[4, "dimensies_toelichting"] == "Geen dimensiescores in 2008"
    assert "4 eenheden zonder dimensiescores in of vóór 2002: daling onbekend, alleen het niveau telt" in result.notes
    assert "1 eenheid zonder (alle) dimensiescores in 2008" in result.notes


def test_parameters(units):
    # all five dimensions, class 4 counts as weak too
    frame = dimensies(units, dimensies=DIMS, max_klasse=4).frame
    assert frame["dimensies_klasse_won"].tolist() == [5, 5, 5, 5, 5]
    assert list(frame.columns[:3]) == ["dimensies_zwakste", "dimensies_zwakste_waarde", "dimensies_n_zwak"]
    assert "dimensies_klasse_fys" in frame.columns and "dimensies_verandering_vrz" in frame.columns
    # max_klasse 4: the level part is -value / 0.0784; unit 2 soc -0.04 -> 0.510204 (decline part 0.09 / 0.1568
    # = 0.573980 is larger); unit 1 onv -0.10 -> 1
    assert frame["dimensies_score"].to_numpy()[:2] == pytest.approx([1.0, 0.573980], abs=1e-6)
    assert frame["dimensies_n_zwak"].tolist() == [1, 1, 2, 0, 1]  # 3: onv class 3 and soc class 4
    # a smaller decline threshold: unit 1's onv fell 0.01 -> with daling 0.01 that is weak too, part 0.5
    frame = dimensies(units, dimensies="soc", daling=0.01).frame
    assert frame["dimensies_signaal"].fillna(-1).tolist() == [0, 1, -1, 0, 0]
    assert frame.at[1, "dimensies_score"] == pytest.approx(1.0)  # 0.09 / 0.02, clipped
    with pytest.raises(InputError):
        dimensies(units, dimensies=("onv", "lbm"))
    with pytest.raises(InputError):
        dimensies(units, max_klasse=5)


def test_all_units_weak():
    rows = [(f"BU0001000{i}", {2014: (-0.05, -0.10, -0.05, 0.0, -0.01 * i)}) for i in range(1, 4)]
    result = dimensies(wide_scores(tidy_frame(rows), GRENZEN))
    # totals -0.21 .. -0.23: class 4, so the weak onv hides nothing: no score, no signal
    assert result.signaal.isna().all() and result.score.isna().all()
    assert result.frame["dimensies_klasse_onv"].tolist() == [3, 3, 3]  # the numbers are kept


def test_strict_no_later_data(units):
    tidy = tidy_frame(ROWS)
    expected = dimensies(wide_scores(as_of(tidy, 2008), GRENZEN), 2008)
    got = dimensies(units, 2008)
    # unit 5 starts in 2014 and is absent from the early frame: compare the others
    pd.testing.assert_frame_equal(got.frame.iloc[:4], expected.frame)


# --------------------------------------------------------------------------- the Lelystad sample


@pytest.fixture(scope="module")
def sample():
    return sample_buurten()


def test_sample_2016(sample):
    wide = sample
    result = dimensies(wide, 2016)
    start = wide["klasse_2016"].astype(float).to_numpy()
    target = start >= 5
    slid = target & (wide[[f"klasse_{y}" for y in (2018, 2020, 2022, 2024)]].astype(float).min(axis=1) <= 4)
    signal = result.signaal.fillna(0).to_numpy() == 1
    # signals only where the total is voldoende or better
    assert not signal[~target].any()
    # declines in the sample run through onv: most buurten that slid to zwak later had a weak onv in 2016
    assert signal[slid.to_numpy()].mean() >= 0.5
    assert (result.frame.loc[signal & slid.to_numpy(), "dimensies_zwakste"].isin(["onv", "soc", "won"])).all()
    assert signal.sum() <= 0.25 * target.sum()  # not everything is flagged
    # strict
    later = [c for c in wide.columns if c[-4:].isdigit() and int(c[-4:]) > 2016]
    pd.testing.assert_frame_equal(result.frame, dimensies(wide.drop(columns=later), 2016).frame)
    # 2002 has no dimension scores: with 2008 as analysis year no decline is known
    early = dimensies(wide, 2008)
    assert early.frame["dimensies_verandering_onv"].isna().all()
    assert any("daling onbekend" in note for note in early.notes)


def test_boundary_of_a_weak_class_is_not_weak():
    """-0.0784 is the lower bound of class 4: not 'class 3 or lower', so just short of a signal."""
    rows = [("BU00010001", {2014: (0.05, -0.0784, 0.02, 0.03, 0.0)}), ("BU00010002", {2014: (0.05, -0.0785, 0.02, 0.03, 0.0)})]
    frame = dimensies(wide_scores(tidy_frame(rows), GRENZEN)).frame
    assert frame["dimensies_klasse_onv"].tolist() == [4, 3]
    assert frame["dimensies_signaal"].tolist() == [0, 1]
    assert frame.at[0, "dimensies_score"] < 0.5 <= frame.at[1, "dimensies_score"]
    assert frame.at[0, "dimensies_score"] == pytest.approx(0.5)


def test_unknown_total_gives_no_score():
    rows = [("BU00010001", {2014: (0.05, -0.12, 0.02, 0.03, 0.0)})]
    units = wide_scores(tidy_frame(rows), GRENZEN)
    units["afw_2014"] = np.nan
    units["klasse_2014"] = pd.NA
    frame = dimensies(units).frame
    assert np.isnan(frame.at[0, "dimensies_score"]) and pd.isna(frame.at[0, "dimensies_signaal"])
