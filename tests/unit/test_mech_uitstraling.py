"""Mechanism uitstraling (spill-over): disc shares on a 5 x 5 lattice, buurt neighbours, strictness, sample.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_mech_uitstraling.py
"""

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.errors import InputError
from vroegsignalering.core.mechanisms.base import MissingInputError
from vroegsignalering.core.mechanisms.uitstraling import uitstraling
from vroegsignalering.core.scores import as_of, read_score_csv, wide_scores
from vroegsignalering.tests.unit.mech_helpers import GRID_SCORES, tidy_frame

GRENZEN = load_klassegrenzen()  # 'voldoende' from afw -0.16405


def lattice_rows():
    """5 x 5 cells E1000..1004 N5000..5004: a weak 2 x 2 south-west corner (afw -0.30 in both years);
    the east column ix 1004 fell from 0.00 (2018) to -0.05 (2024); the rest stays at -0.05."""
    rows = []
    for iy in range(5000, 5005):
        for ix in range(1000, 1005):
            if ix <= 1001 and iy <= 5001:
                series = {2018: -0.30, 2024: -0.30}
            elif ix == 1004:
                series = {2018: 0.00, 2024: -0.05}
            else:
                series = {2018: -0.05, 2024: -0.05}
            rows.append((f"E{ix}N{iy}", "G1", series))
    return rows


@pytest.fixture()
def cells():
    return wide_scores(tidy_frame(lattice_rows()), GRENZEN)


def row_of(units, code):
    return int(np.flatnonzero(units["code"].to_numpy() == code)[0])


def column(result, name):
    return result.frame[f"uitstraling_{name}"].astype(float).to_numpy()


def test_lattice_hand_computed(cells):
    result = uitstraling(cells)
    zwak, dalend, n = (column(result, c) for c in ("aandeel_zwak_omgeving", "aandeel_dalend_omgeving", "n_omgeving"))
    score = column(result, "score")
    # centre E1002N5002: every other cell lies within 300 m (offsets up to (2, 2), 283 m): 24 cells,
    # 4 weak -> 1/6; 5 of the falling east column (dc = +2, dr = -2..2) -> 5/24; score max / 0.5
    c = row_of(cells, "E1002N5002")
    assert (n[c], zwak[c], dalend[c]) == pytest.approx((24, 4 / 24, 5 / 24))
    assert score[c] == pytest.approx((5 / 24) / 0.5)
    assert result.signaal.iloc[c] == 0
    # corner E1004N5004: offsets dc, dr in -3..0 with dc² + dr² <= 9 (excluding itself): 3 + 3 + 3 + 1 = 10,
    # no weak cell (the nearest is 424 m away); the 3 cells south of it in its column fell -> 0.3, signal
    c = row_of(cells, "E1004N5004")
    assert (n[c], zwak[c], dalend[c]) == pytest.approx((10, 0.0, 0.3))
    assert score[c] == pytest.approx(0.6) and result.signaal.iloc[c] == 1
    # south middle E1002N5000: rows 0..3 north: 4 + 5 + 5 + 1 = 15 cells; the 4 weak ones all within -> 4/15
    c = row_of(cells, "E1002N5000")
    assert (n[c], zwak[c], dalend[c]) == pytest.approx((15, 4 / 15, 3 / 15))
    assert result.signaal.iloc[c] == 1
    # weak corner E1000N5000: 10 cells around, 3 weak -> 0.3, but already weak itself: numbers, no score
    c = row_of(cells, "E1000N5000")
    assert (n[c], zwak[c]) == pytest.approx((10, 0.3))
    assert np.isnan(score[c]) and pd.isna(result.signaal.iloc[c])
    assert result.frame["uitstraling_toelichting"].iloc[c].startswith(
        "Al zwak of lager: 30 % van 10 omliggende deelgebieden van 100 m binnen 300 m zwak of lager")
    # gemeente reference: 4 weak of 25
    assert column(result, "referentie") == pytest.approx(np.full(25, 0.16))
    assert result.frame["uitstraling_toelichting"].iloc[row_of(cells, "E1004N5004")] == (
        "0 % van 10 omliggende deelgebieden van 100 m binnen 300 m zwak of lager tegen 16 % in de gemeente, "
        "30 % een halve klasse gedaald sinds 2018")


def test_lattice_matches_brute_force(cells):
    result = uitstraling(cells, straal=250.0, met_zelf=True)
    zwak = (cells["afw_2024"] < -0.16405).to_numpy(dtype=float)
    from vroegsignalering.core.lattice import parse_grid_ids

    ix, iy = parse_grid_ids(cells["code"])
    d = np.hypot(ix[:, None] - ix[None, :], iy[:, None] - iy[None, :]) * 100
    within = d <= 250.0  # itself included
    assert column(result, "n_omgeving") == pytest.approx(within.sum(axis=1))
    assert column(result, "aandeel_zwak_omgeving") == pytest.approx(within @ zwak / within.sum(axis=1))


@pytest.mark.parametrize("buren_max", [0, 10**9])  # the disc summed over the window, or over the cells
def test_lattice_matches_brute_force_both_ways(cells, monkeypatch, buren_max):
    from vroegsignalering.core.lattice import parse_grid_ids
    from vroegsignalering.core.mechanisms import uitstraling as module

    monkeypatch.setattr(module, "_BUREN_MAX", buren_max)
    result = uitstraling(cells, straal=300.0)  # the cell itself left out, as by default
    zwak = (cells["afw_2024"] < -0.16405).to_numpy(dtype=float)
    ix, iy = parse_grid_ids(cells["code"])
    d = np.hypot(ix[:, None] - ix[None, :], iy[:, None] - iy[None, :]) * 100
    within = (d <= 300.0) & (d > 0)
    assert column(result, "n_omgeving") == pytest.approx(within.sum(axis=1))
    assert column(result, "aandeel_zwak_omgeving") == pytest.approx(within @ zwak / within.sum(axis=1))


def test_lattice_no_later_data(cells):
    result = uitstraling(cells, 2018)
    # 2018: the weak corner is there, nothing before 2012: decline unknown, the weak share alone counts
    c = row_of(cells, "E1002N5002")
    assert column(result, "aandeel_zwak_omgeving")[c] == pytest.approx(1 / 6)
    assert np.isnan(column(result, "aandeel_dalend_omgeving")).all()
    assert column(result, "score")[c] == pytest.approx((1 / 6) / 0.5)
    later = [c for c in cells.columns if c.endswith("_2024")]
    dropped = cells.drop(columns=later)
    dropped[["lbm", "afw", "fys", "onv", "soc", "vrz", "won"]] = np.nan
    pd.testing.assert_frame_equal(result.frame, uitstraling(dropped, 2018).frame)
    assert any("daling onbekend" in note for note in result.notes)


def test_lattice_isolated_cell_and_unscored(cells):
    rows = lattice_rows() + [("E1010N5010", "G1", {2018: -0.05, 2024: -0.05}),  # 600 m from the block
                             ("E1005N5002", "G1", {2018: -0.05})]  # not measured in 2024
    units = wide_scores(tidy_frame(rows), GRENZEN)
    result = uitstraling(units)
    alone, gone = row_of(units, "E1010N5010"), row_of(units, "E1005N5002")
    assert column(result, "n_omgeving")[alone] == 0 and np.isnan(column(result, "score")[alone])
    assert result.signaal.isna().iloc[alone]
    assert np.isnan(column(result, "score")[gone])  # its surroundings are known, its own class is not
    assert column(result, "n_omgeving")[gone] > 0
    # an unscored cell is nobody's surroundings: E1004N5002 still has the same shares as without it
    base = uitstraling(cells)
    assert column(result, "n_omgeving")[row_of(units, "E1004N5002")] == column(base, "n_omgeving")[
        row_of(cells, "E1004N5002")]
    assert "1 eenheid zonder gemeten omgeving (cellen binnen 300 m) in 2024: geen uitkomst" in result.notes
    assert "1 eenheid zonder eigen meting in 2024: geen uitkomst" in result.notes


# --------------------------------------------------------------------------- buurten

BUURTEN = [
    ("BU00010000", "G1", {2018: -0.20, 2024: -0.20}),  # b0: weak
    ("BU00010001", "G1", {2018: -0.05, 2024: -0.10}),  # b1: fell 0.05
    ("BU00010002", "G1", {2018: -0.05, 2024: -0.05}),  # b2
    ("BU00010003", "G1", {2018: -0.05}),  # b3: not measured in 2024
    ("BU00010004", "G1", {2018: 0.10, 2024: 0.10}),  # b4: no neighbours
]


@pytest.fixture()
def buurten():
    return wide_scores(tidy_frame(BUURTEN), GRENZEN)


def test_buurt_neighbours(buurten):
    # a chain b0 - b1 - b2 - b3, one direction each and one pair twice (made symmetric, deduplicated)
    result = uitstraling(buurten, buren=(np.array([0, 1, 2, 1]), np.array([1, 2, 3, 0])))
    zwak, dalend, n = (column(result, c) for c in ("aandeel_zwak_omgeving", "aandeel_dalend_omgeving", "n_omgeving"))
    # b0: {b1} 0 weak, 1 fell; b1: {b0, b2} 1 weak -> 0.5, none fell; b2: {b1, b3 unscored} 0 of 1, 1 fell;
    # b3: {b2}; b4: nobody
    assert n == pytest.approx([1, 2, 1, 1, 0])
    assert zwak == pytest.approx([0, 0.5, 0, 0, np.nan], nan_ok=True)
    assert dalend == pytest.approx([1, 0, 1, 0, np.nan], nan_ok=True)
    # scores: b0 already weak (numbers kept, no score); b1 0.5/0.5 = 1; b2 1; b3 no own score; b4 no surroundings
    assert column(result, "score") == pytest.approx([np.nan, 1, 1, np.nan, np.nan], nan_ok=True)
    assert result.signaal.tolist()[1:3] == [1, 1]
    assert result.signaal.isna().tolist() == [True, False, False, True, True]
    assert result.frame["uitstraling_toelichting"].iloc[1] == (
        "50 % van 2 aangrenzende buurten zwak of lager tegen 25 % in de gemeente, 0 % een halve klasse gedaald sinds 2018")


def test_buurt_distance_equals_neighbours(buurten):
    # centres 1000 m apart on a line, b4 far away: within 1500 m = the same chain
    units = buurten.assign(x=[0.0, 1000.0, 2000.0, 3000.0, 9000.0], y=0.0)
    by_distance = uitstraling(units, straal_buurt=1500)
    by_pairs = uitstraling(units, buren=(np.array([0, 1, 2]), np.array([1, 2, 3])))
    for name in ("aandeel_zwak_omgeving", "aandeel_dalend_omgeving", "n_omgeving", "score"):
        assert column(by_distance, name) == pytest.approx(column(by_pairs, name), nan_ok=True)
    assert "omliggende buurten binnen 1.500 m" in by_distance.frame["uitstraling_toelichting"].iloc[1]
    # the default 1000 m takes the same neighbours here (distance <= radius counts)
    assert column(uitstraling(units), "n_omgeving") == pytest.approx([1, 2, 1, 1, 0])


def test_buurt_needs_neighbours_or_centres(buurten):
    with pytest.raises(MissingInputError):
        uitstraling(buurten)
    with pytest.raises(InputError):
        uitstraling(buurten, buren=(np.array([0]), np.array([7])))
    with pytest.raises(InputError):
        uitstraling(buurten, buren=(np.array([0]), np.array([1])), drempel=0)


# --------------------------------------------------------------------------- the Lelystad sample


def test_sample_weak_surroundings_come_before_decline():
    tidy = read_score_csv(GRID_SCORES)
    cells = wide_scores(tidy, GRENZEN)
    result = uitstraling(cells, 2016)
    target = (cells["klasse_2016"].astype(float) >= 5).to_numpy()  # 2,078 cells
    weak_2024 = (cells["klasse_2024"].astype(float) <= 4).to_numpy()  # 118 of them are weak by 2024
    flagged = target & (result.signaal.fillna(0).to_numpy() == 1)
    base = weak_2024[target].mean()
    # 217 flagged, 38 % of them weak by 2024 against 5.7 % of all target cells
    assert 100 < flagged.sum() < 400
    assert weak_2024[flagged].mean() > 4 * base
    # strict: the same from only the measurements up to 2016 (new cells of 2018+ are absent there)
    early = wide_scores(as_of(tidy, 2016), GRENZEN)
    by_code = result.frame.set_axis(cells["code"]).loc[early["code"]]
    pd.testing.assert_frame_equal(by_code, uitstraling(early, 2016).frame.set_axis(early["code"]))


def test_a_grid_id_far_outside_the_netherlands_is_refused(cells):
    """One stray id 10,000 km away would make the raster window 70 GiB: refused with a clear message."""
    stray = pd.concat([cells, cells.iloc[[0]].assign(code="E99999N99999")], ignore_index=True)
    with pytest.raises(InputError, match=r"1 grid cell\(s\) lie outside the Netherlands .* E99999N99999"):
        uitstraling(stray)
