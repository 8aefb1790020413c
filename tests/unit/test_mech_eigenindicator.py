"""Mechanism eigenindicator (own data): directions, references, thresholds, aggregation, points in polygons.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_mech_eigenindicator.py
"""

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.errors import InputError
from vroegsignalering.core.lattice import points_in_polygons, rings_from_geojson_geometry
from vroegsignalering.core.mechanisms.eigenindicator import eigenindicator, per_unit_from_points, per_unit_per_inwoner
from vroegsignalering.tests.unit.mech_helpers import GRID_SCORES, sample_polygons

# G1: a, b, c; G2: d, e, f (f without a value)
UNITS = pd.DataFrame({
    "code": [f"BU0001000{i}" for i in range(1, 4)] + [f"BU0002000{i}" for i in range(4, 7)],
    "naam": list("abcdef"),
    "gemeente": ["G1"] * 3 + ["G2"] * 3,
})
WAARDEN = [1.0, 2.0, 3.0, 10.0, 20.0, np.nan]


def col(result, name):
    return result.frame[f"{result.naam}_{name}"].astype(float).to_numpy()


def test_high_is_bad_gemeente_reference_percentile():
    result = eigenindicator(UNITS, WAARDEN, naam="overlast", omschrijving="meldingen overlast")
    assert list(result.frame.columns) == ["overlast_waarde", "overlast_verhouding", "overlast_grens",
                                          "overlast_spreiding", "overlast_referentie", "overlast_score",
                                          "overlast_signaal", "overlast_toelichting"]
    # medians: G1 median(1, 2, 3) = 2; G2 median(10, 20) = 15 (f has no value)
    assert col(result, "referentie") == pytest.approx([2, 2, 2, 15, 15, 15])
    assert col(result, "verhouding") == pytest.approx([0.5, 1, 1.5, 10 / 15, 20 / 15, np.nan], nan_ok=True)
    # 80th percentile of 1, 2, 3, 10, 20: position 0.8 x 4 = 3.2 -> 10 + 0.2 x 10 = 12; only 20 is beyond it
    assert result.signaal.tolist()[:5] == [0, 0, 0, 0, 1] and result.signaal.isna().iloc[5]
    # the common scale: 0.5 at 12, 1 one interquartile range (10 - 2 = 8) beyond it, 0 at the median 3:
    # 1, 2, 3 -> 0; 10 -> 0.5 * (10 - 3) / (12 - 3) = 0.388889; 20 -> 1
    assert col(result, "grens") == pytest.approx([12] * 6) and col(result, "spreiding") == pytest.approx([8] * 6)
    assert col(result, "score") == pytest.approx([0, 0, 0, 0.388889, 1, np.nan], abs=1e-6, nan_ok=True)
    text = result.frame["overlast_toelichting"]
    assert text.iloc[4] == (
        "Meldingen overlast 20,00 tegen een mediaan van 15,00 in de gemeente, te hoog, voorbij het 80e percentiel 12,00")
    assert text.iloc[0] == (
        "Meldingen overlast 1,00 tegen een mediaan van 2,00 in de gemeente, binnen het 80e percentiel 12,00")
    assert text.iloc[5] == "Geen waarde voor meldingen overlast"
    assert "meldingen overlast: 1 eenheid zonder waarde: geen uitkomst" in result.notes


def test_low_is_bad_all_reference():
    result = eigenindicator(UNITS, WAARDEN, naam="veiligheid", richting="laag", referentie="alle")
    assert col(result, "referentie") == pytest.approx([3] * 6)  # median of 1, 2, 3, 10, 20
    # 20th percentile: 0.2 x 4 = 0.8 -> 1 + 0.8 x 1 = 1.8; only 1 is below
    assert result.signaal.tolist()[:5] == [1, 0, 0, 0, 0]
    # low is bad: 0.5 at 1.8, 1 at 1.8 - 8; on the safe side 0 at the median 3:
    # 1 -> 0.5 + 0.5 * 0.8 / 8 = 0.55; 2 -> 0.5 * (3 - 2) / (3 - 1.8) = 0.416667; 3, 10, 20 -> 0
    assert col(result, "score") == pytest.approx([0.55, 0.416667, 0, 0, 0, np.nan], abs=1e-6, nan_ok=True)


def test_absolute_threshold_and_number_reference():
    hoog = eigenindicator(UNITS, WAARDEN, referentie="4", drempel=3)
    assert col(hoog, "referentie") == pytest.approx([4] * 6)
    assert col(hoog, "verhouding") == pytest.approx([0.25, 0.5, 0.75, 2.5, 5, np.nan], nan_ok=True)
    assert hoog.signaal.tolist()[:5] == [0, 0, 1, 1, 1]  # >= 3, inclusive
    # the median (3) is the threshold itself: below it 0; 3 -> 0.5; 10 -> 0.5 + 0.5 * 7 / 8; 20 -> 1
    assert col(hoog, "score")[:5] == pytest.approx([0, 0, 0.5, 0.9375, 1])
    laag = eigenindicator(UNITS, WAARDEN, richting="laag", referentie=4.0, drempel="3,0")
    assert laag.signaal.tolist()[:5] == [1, 1, 1, 0, 0]  # <= 3
    assert "tegen de referentie 4,00, te laag, voorbij de drempel 3,00" in laag.frame["eigenindicator_toelichting"].iloc[0]


def test_zero_reference_and_ties():
    # most units share 0 reports: the 80th percentile is 0, and strictly beyond it only the 5 signals
    counts = [0, 0, 0, 0, 0, 5]
    result = eigenindicator(UNITS, counts, referentie="alle")
    assert result.signaal.tolist() == [0, 0, 0, 0, 0, 1]
    assert np.isnan(col(result, "verhouding")).all()  # the median is 0: no ratio
    # the zeros are the typical value: score 0, not 0.5 (the interquartile range is 0: the standard
    # deviation 1.8634 is the spread, so 5 is far beyond the threshold)
    assert col(result, "score") == pytest.approx([0.0] * 5 + [1.0])


def test_validation():
    with pytest.raises(InputError):
        eigenindicator(UNITS, WAARDEN[:5])
    with pytest.raises(InputError):
        eigenindicator(UNITS, WAARDEN, naam="Overlast meldingen")
    with pytest.raises(InputError):
        eigenindicator(UNITS, WAARDEN, richting="omhoog")
    with pytest.raises(InputError):
        eigenindicator(UNITS, WAARDEN, referentie="buren")
    with pytest.raises(InputError):
        eigenindicator(UNITS, WAARDEN, drempel_percentiel=100)


def test_all_values_missing():
    result = eigenindicator(UNITS, [np.nan] * 6)
    assert np.isnan(col(result, "score")).all() and result.signaal.isna().all()
    assert "eigen indicator: geen enkele eenheid heeft een waarde" in result.notes


# --------------------------------------------------------------------------- aggregation


def test_per_unit_from_points():
    index = [0, 0, 2, -1, 1, -1]
    values = [1.0, 3.0, 5.0, 7.0, np.nan, 2.0]
    counts, outside = per_unit_from_points(index, n_units=4)
    assert counts.tolist() == [2, 1, 1, 0] and outside == 2
    sums, _ = per_unit_from_points(index, values, n_units=4, how="sum")
    assert sums.tolist() == [4, 0, 5, 0]  # unit 1's only value is NaN: skipped; unit 3: no points, a real 0
    means, _ = per_unit_from_points(index, values, n_units=4, how="mean")
    assert means == pytest.approx([2, np.nan, 5, np.nan], nan_ok=True)
    with pytest.raises(ValueError):
        per_unit_from_points([4], n_units=4)
    with pytest.raises(InputError):
        per_unit_from_points(index, n_units=4, how="sum")


def test_per_unit_per_inwoner():
    rate = per_unit_per_inwoner([4, 1, 5, 0, 3], [2000, 0, -99997, np.nan, 500])
    assert rate == pytest.approx([2, np.nan, np.nan, np.nan, 6], nan_ok=True)


# --------------------------------------------------------------------------- points in polygons

SQUARE_WITH_HOLE = {"type": "Polygon", "coordinates": [
    [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
    [[4, 4], [4, 6], [6, 6], [6, 4], [4, 4]],  # hole, clockwise
]}
EAST = {"type": "Polygon", "coordinates": [[[10, 0], [20, 0], [20, 10], [10, 10]]]}  # shares x = 10, not closed
INSIDE_FIRST = {"type": "Polygon", "coordinates": [[[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]]}  # overlaps polygon 0
TWO_PARTS = {"type": "MultiPolygon", "coordinates": [
    [[[30, 0], [32, 0], [32, 2], [30, 2], [30, 0]]],
    [[[40, 0], [42, 0], [42, 2], [40, 2], [40, 0]]],
]}


def test_points_in_polygons_square_with_hole():
    rings = rings_from_geojson_geometry([SQUARE_WITH_HOLE, EAST, INSIDE_FIRST, TWO_PARTS])
    points = {
        (2, 2): 0,  # inside; also inside polygon 2: the lowest index wins
        (5, 5): -1,  # in the hole
        (0, 5): 0,  # on the west edge: the polygon lies east of it -> inside
        (10, 5): 1,  # on the shared edge: it belongs to the polygon east of it
        (20, 5): -1,  # on the east edge of polygon 1: nothing east of it
        (5, 0): 0,  # on the south edge: the polygon lies north of it -> inside
        (5, 10): -1,  # on the north edge: outside
        (4, 5): -1,  # on the hole's west edge: east of it is the hole
        (6, 5): 0,  # on the hole's east edge: east of it is the polygon
        (0, 0): 0,  # south-west corner: closed
        (31, 1): 3, (41, 1): 3,  # both parts of the multipolygon
        (35, 1): -1, (-1, 5): -1, (np.nan, 5): -1,
    }
    x = np.array([p[0] for p in points], dtype=float)
    y = np.array([p[1] for p in points], dtype=float)
    assert points_in_polygons(x, y, *rings).tolist() == list(points.values())


def test_points_in_polygons_many_points_match_cells():
    # a triangle and its lattice cell centres: the same convention as cells_in_polygons
    from vroegsignalering.core.lattice import cell_centres, cells_in_polygons

    triangle = {"type": "Polygon", "coordinates": [[[0, 0], [1000, 0], [0, 700], [0, 0]]]}
    rings = rings_from_geojson_geometry([triangle])
    ix, iy = np.meshgrid(np.arange(-2, 12), np.arange(-2, 9))
    x, y = cell_centres(ix.ravel(), iy.ravel())
    assert (points_in_polygons(x, y, *rings) == cells_in_polygons(ix.ravel(), iy.ravel(), *rings)).all()


# --------------------------------------------------------------------------- the Lelystad sample


def test_sample_points_and_own_indicator():
    from vroegsignalering.core.buurten import buurt_of_cells
    from vroegsignalering.core.lattice import cell_centres, parse_grid_ids
    from vroegsignalering.core.scores import read_score_csv
    from vroegsignalering.core.wkb import rings_from_wkb

    codes, wkbs, corporatie = sample_polygons("percentage_huurwoningen_in_bezit_woningcorporaties")
    units = pd.DataFrame({"code": codes, "gemeente": "GM0995"})

    # the cells' centres as points: every one lands in the buurt the lattice gives it
    tidy = read_score_csv(GRID_SCORES)
    ix, iy = parse_grid_ids(tidy["code"].drop_duplicates())
    index = points_in_polygons(*cell_centres(ix, iy), *rings_from_wkb(wkbs))
    assert (index == buurt_of_cells(ix, iy, wkbs)[0]).all()
    counts, outside = per_unit_from_points(index, n_units=len(codes))
    assert outside == 0 and counts.sum() == 2345

    # an own indicator: the share of corporation rentals (high is bad), CBS secrecy codes as missing
    share = np.where(np.asarray(corporatie, dtype=float) < 0, np.nan, corporatie)
    result = eigenindicator(units, share, naam="corporatie", omschrijving="aandeel corporatiewoningen")
    known = ~np.isnan(share)
    assert result.signaal.isna().sum() == (~known).sum() >= 1  # Biomassa's secret value: no outcome
    flagged = result.signaal.fillna(0).to_numpy() == 1
    assert 0.15 <= flagged[known].mean() <= 0.25  # the worst fifth
    assert share[flagged].min() > np.nanpercentile(share, 80)
    assert col(result, "referentie")[0] == pytest.approx(np.nanmedian(share))


def test_per_inhabitant_on_grid_cells_uses_the_cells_share_of_their_buurt():
    # three cells of B1 (1000 inhabitants: 333.3 each) and one of B2 (500): 2 reports in a B1 cell are
    # 2 / 333.3 x 1000 = 6 per 1,000, not 2 / 1000 x 1000 = 2
    rate = per_unit_per_inwoner([2, 2, 4, 1], [1000, 1000, 1000, 500], buurt=["B1", "B1", "B1", "B2"])
    assert rate == pytest.approx([6.0, 6.0, 12.0, 2.0])
    # buurten themselves: their own inhabitants
    assert per_unit_per_inwoner([2, 1], [1000, 500]) == pytest.approx([2.0, 2.0])
    # a cell without a buurt has no inhabitants to share
    assert np.isnan(per_unit_per_inwoner([1], [1000], buurt=[None])[0])
