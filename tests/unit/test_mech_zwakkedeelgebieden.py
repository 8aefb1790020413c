"""Mechanism zwakkedeelgebieden (weak sub-areas): hand-computed shares, edge cases, strictness, sample.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_mech_zwakkedeelgebieden.py
"""

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.errors import InputError
from vroegsignalering.core.mechanisms.base import MissingInputError
from vroegsignalering.core.mechanisms.zwakkedeelgebieden import zwakkedeelgebieden
from vroegsignalering.core.scores import as_of, read_score_csv, wide_scores
from vroegsignalering.tests.unit.mech_helpers import BUURT_SCORES, GRID_SCORES, sample_polygons, tidy_frame

GRENZEN = load_klassegrenzen()  # 'voldoende' from afw -0.16405
COLUMNS = ["aandeel_zwak", "aandeel_dalend", "n_cellen", "referentie_dalend", "referentie", "score", "signaal"]


BUURTEN = [
    ("BU00010001", "G1", {2018: -0.08, 2024: -0.10}),  # A: class 6, target group
    ("BU00010002", "G1", {2018: -0.15, 2024: -0.20}),  # B: class 4, already weak
    ("BU00010003", "G1", {2018: -0.05, 2024: -0.05}),  # C: no cells at all
]
# cell, buurt, {jaar: afw}
CELLEN = [
    ("E1000N5000", "BU00010001", {2018: -0.10, 2024: -0.20}),  # c1: weak, fell 0.10
    ("E1001N5000", "BU00010001", {2018: -0.05, 2024: -0.09}),  # c2: fell 0.04 >= 0.0392
    ("E1002N5000", "BU00010001", {2018: 0.00, 2024: 0.00}),  # c3
    ("E1003N5000", "BU00010001", {2018: -0.10, 2024: -0.12}),  # c4: fell 0.02 only
    ("E1004N5000", "BU00010001", {2024: 0.05}),  # c5: new in 2024, change unknown
    ("E1000N5001", "BU00010002", {2018: -0.15, 2024: -0.25}),  # c6: weak, fell 0.10
    ("E1001N5001", "BU00010002", {2018: -0.20, 2024: -0.22}),  # c7: weak, fell 0.02
    ("E1002N5001", "BU00010002", {2018: -0.10, 2024: -0.10}),  # c8
]
A, B, C = range(3)


def make(buurt_rows=BUURTEN, cel_rows=CELLEN):
    buurten = wide_scores(tidy_frame(buurt_rows), GRENZEN)
    cellen = wide_scores(tidy_frame([(code, None, series) for code, _, series in cel_rows]), GRENZEN)
    cellen["buurtcode"] = cellen["code"].map({code: buurt for code, buurt, _ in cel_rows})
    return buurten, cellen


def values(result):
    return {c: result.frame[f"zwakkedeelgebieden_{c}"].astype(float).to_numpy() for c in COLUMNS}


def test_hand_computed():
    buurten, cellen = make()
    result = zwakkedeelgebieden(buurten, cellen)
    v = values(result)
    # A: 5 scored cells, 1 weak (c1) -> 0.2; 4 with a change since 2018, 2 fell (c1, c2) -> 0.5
    # B: 3 cells, 2 weak (c6, c7) -> 2/3; 3 changes, 1 fell (c6) -> 1/3; C: no cells
    assert v["n_cellen"] == pytest.approx([5, 3, 0])
    assert v["aandeel_zwak"] == pytest.approx([0.2, 2 / 3, np.nan], nan_ok=True)
    assert v["aandeel_dalend"] == pytest.approx([0.5, 1 / 3, np.nan], nan_ok=True)
    # gemeente G1: weak c1, c6, c7 of 8 scored cells = 0.375; fell c1, c2, c6 of 7 known changes = 3/7
    assert v["referentie"] == pytest.approx([0.375] * 3)
    assert v["referentie_dalend"] == pytest.approx([3 / 7] * 3)
    # A: max(0.2 / 0.2, 0.5 / 0.4) clipped = 1; B: already zwak, keeps its numbers but gets no score; C: nothing
    assert v["score"] == pytest.approx([1.0, np.nan, np.nan], nan_ok=True)
    signaal = result.signaal
    assert signaal.iloc[A] == 1 and signaal.isna().iloc[B] and signaal.isna().iloc[C]
    text = result.frame["zwakkedeelgebieden_toelichting"]
    assert text.iloc[A] == ("20 % van 5 deelgebieden van 100 m zwak of lager tegen 38 % in de gemeente, "
                            "50 % een halve klasse gedaald sinds 2018 tegen 43 %")
    assert text.iloc[B].startswith("Buurt al zwak of lager: 67 % van 3 deelgebieden van 100 m")
    assert text.iloc[C] == "Geen deelgebieden van 100 m in deze buurt gemeten in of vóór 2024"
    assert "1 buurt zonder rastercellen (gemeten in of vóór 2024): geen uitkomst" in result.notes
    assert any(note.startswith("1 buurt al zwak of lager in 2024") for note in result.notes)


def test_thresholds_scale_the_score():
    buurten, cellen = make()
    # drempel 0.25: weak 0.2 / 0.5 = 0.4, falling 0.5 / 1.0 = 0.5 -> score 0.5, signal (falling share = 2 x 0.25)
    v = values(zwakkedeelgebieden(buurten, cellen, drempel_aandeel=0.25))
    assert v["score"][A] == pytest.approx(0.5)
    assert v["signaal"][A] == 1
    # drempel 0.3: weak 0.2 / 0.6 = 1/3, falling 0.5 / 1.2 = 5/12 -> score 5/12, no signal
    v = values(zwakkedeelgebieden(buurten, cellen, drempel_aandeel=0.3))
    assert v["score"][A] == pytest.approx(5 / 12)
    assert v["signaal"][A] == 0


def test_too_few_cells():
    buurten, cellen = make()
    # with min_cellen 4, B (3 cells) is too small to speak of a share
    result = zwakkedeelgebieden(buurten, cellen, min_cellen=4)
    v = values(result)
    assert v["aandeel_zwak"][B] == pytest.approx(2 / 3)  # the numbers stay
    assert np.isnan(v["score"][B]) and result.signaal.isna().iloc[B]
    assert result.frame["zwakkedeelgebieden_toelichting"].iloc[B] == (
        "Te weinig gemeten deelgebieden van 100 m in 2024: 3, minimaal 4")
    assert any("1 buurt met minder dan 4 gemeten cellen" in note for note in result.notes)


def test_all_cells_weak():
    rows = [(code, buurt, {2018: -0.30, 2024: -0.30}) for code, buurt, _ in CELLEN if buurt == "BU00010001"]
    buurten, cellen = make(cel_rows=rows)
    v = values(zwakkedeelgebieden(buurten, cellen))
    assert v["aandeel_zwak"][A] == 1.0 and v["aandeel_dalend"][A] == 0.0
    assert v["score"][A] == 1.0 and v["signaal"][A] == 1
    assert np.isnan(v["score"][B]) and np.isnan(v["score"][C])  # both without cells now


def test_one_year_only():
    buurten, cellen = make(
        [(c, g, {2024: s[2024]}) for c, g, s in BUURTEN], [(c, b, {2024: s[2024]}) for c, b, s in CELLEN]
    )
    result = zwakkedeelgebieden(buurten, cellen)
    v = values(result)
    # no base measurement: the decline part is unknown, the weak share alone scores (0.2 / 0.2 = 1)
    assert np.isnan(v["aandeel_dalend"][A]) and np.isnan(v["referentie_dalend"][A])
    assert v["score"][A] == 1.0 and v["signaal"][A] == 1
    assert "daling onbekend" in result.frame["zwakkedeelgebieden_toelichting"].iloc[A]
    assert any("daling onbekend" in note for note in result.notes)


def test_cells_outside_the_input_and_without_buurt():
    buurten, cellen = make()
    extra = wide_scores(tidy_frame([("E1003N5001", None, {2018: -0.3, 2024: -0.3}),
                                    ("E1004N5001", None, {2018: -0.3, 2024: -0.3})]), GRENZEN)
    extra["buurtcode"] = ["BU00999999", None]
    result = zwakkedeelgebieden(buurten, pd.concat([cellen, extra], ignore_index=True))
    assert values(result)["n_cellen"] == pytest.approx([5, 3, 0])  # the two extra weak cells count nowhere
    assert "2 cellen zonder buurt in de invoer: niet meegeteld" in result.notes


def test_needs_buurtcode_and_valid_parameters():
    buurten, cellen = make()
    with pytest.raises(MissingInputError):
        zwakkedeelgebieden(buurten, cellen.drop(columns="buurtcode"))
    with pytest.raises(InputError):
        zwakkedeelgebieden(buurten, cellen, drempel_aandeel=0)
    with pytest.raises(InputError):
        zwakkedeelgebieden(buurten, cellen, periode=0)


def drop_later(wide, jaar):
    later = [c for c in wide.columns if c[-4:].isdigit() and c[-5] == "_" and int(c[-4:]) > jaar]
    out = wide.drop(columns=later)
    out[["lbm", "afw", "fys", "onv", "soc", "vrz", "won"]] = np.nan
    return out


def test_no_later_data_used():
    buurten, cellen = make()
    result = zwakkedeelgebieden(buurten, cellen, 2018)
    v = values(result)
    # 2018: A has 4 scored cells (c5 not yet), none weak; nothing before 2012 -> decline unknown
    assert v["n_cellen"][A] == 4 and v["aandeel_zwak"][A] == 0.0 and np.isnan(v["aandeel_dalend"][A])
    pd.testing.assert_frame_equal(result.frame, zwakkedeelgebieden(drop_later(buurten, 2018),
                                                                   drop_later(cellen, 2018), 2018).frame)


def test_cells_of_later_new_build_do_not_exist_yet():
    rows = CELLEN + [("E1003N5001", "BU00010003", {2024: -0.05}), ("E1004N5001", "BU00010003", {2024: -0.05})]
    buurten, cellen = make(cel_rows=rows)
    result = zwakkedeelgebieden(buurten, cellen, 2018)
    # C's cells are first measured in 2024: in 2018 C has no cells, as if the data ended in 2018
    assert result.frame["zwakkedeelgebieden_toelichting"].iloc[C] == (
        "Geen deelgebieden van 100 m in deze buurt gemeten in of vóór 2018")
    assert np.isnan(values(result)["score"][C])
    assert values(zwakkedeelgebieden(buurten, cellen))["n_cellen"][C] == 2


# --------------------------------------------------------------------------- the Lelystad sample


@pytest.fixture(scope="module")
def sample():
    from vroegsignalering.core.buurten import buurt_of_cells
    from vroegsignalering.core.lattice import parse_grid_ids

    tidy_b = read_score_csv(BUURT_SCORES)
    tidy_c = read_score_csv(GRID_SCORES)
    codes, wkbs = sample_polygons()

    def cells(tidy):
        wide = wide_scores(tidy, GRENZEN)
        index, _ = buurt_of_cells(*parse_grid_ids(wide["code"]), wkbs)
        wide["buurtcode"] = np.where(index >= 0, np.asarray(codes, dtype=object)[np.maximum(index, 0)], None)
        return wide

    return tidy_b, tidy_c, wide_scores(tidy_b, GRENZEN), cells(tidy_c), cells


def test_sample_pockets_come_before_decline(sample):
    tidy_b, tidy_c, buurten, cellen, cells = sample
    result = zwakkedeelgebieden(buurten, cellen, 2016)
    start = buurten["klasse_2016"].astype(float)
    later = buurten[[f"klasse_{y}" for y in buurten.attrs["jaren"] if y > 2016]].astype(float)
    target = (start >= 5).to_numpy()  # 68 buurten
    declined = ((later.min(axis=1) <= 4) | (buurten["klasse_2024"].astype(float) < start)).to_numpy()
    flagged = target & (result.signaal.fillna(0).to_numpy() == 1)
    # 14 flagged, 10 of them declined later, against 12 of 68 (18 %) of the target group
    assert flagged.sum() >= 5
    assert declined[flagged].mean() > 3 * declined[target].mean()
    # the 2024 cases the sample README names: voldoende buurten with weak pockets growing since 2016
    now = zwakkedeelgebieden(buurten, cellen)
    names = buurten["naam"].to_numpy()
    flagged_2024 = set(names[now.signaal.fillna(0).to_numpy() == 1])
    assert {"Kempenaar West", "Jol", "Schouw", "IJssellaan"} <= flagged_2024
    # strict: only data up to 2016, the same numbers for every buurt that existed then
    early = zwakkedeelgebieden(wide_scores(as_of(tidy_b, 2016), GRENZEN), cells(as_of(tidy_c, 2016)), 2016)
    by_code = result.frame.set_axis(buurten["code"])
    early_frame = early.frame.set_axis(wide_scores(as_of(tidy_b, 2016), GRENZEN)["code"])
    pd.testing.assert_frame_equal(by_code.loc[early_frame.index], early_frame)
