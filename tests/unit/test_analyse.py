"""The whole analysis on the sample, QGIS-free: every mechanism, the profile, and no future data."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr

from vroegsignalering.core.analyse import analyse, eenheden
from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.scores import as_of, read_score_csv
from vroegsignalering.tests.unit.mech_helpers import sample_buurtlaag

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"


@pytest.fixture(scope="module")
def inputs():
    """Tidy buurt and grid scores, the buurt layer (attributes, centres, CBS kerncijfers) and its polygons."""
    buurtlaag, wkbs = sample_buurtlaag()
    tidy_buurt = read_score_csv(SAMPLE / "Leefbaarometer-scores buurten 2002-2024.csv")
    tidy_grid = read_score_csv(SAMPLE / "Leefbaarometer-scores grids 2002-2024.csv")
    sloop = pd.read_csv(SAMPLE / "sloop_lelystad.csv")
    return tidy_buurt, tidy_grid, buurtlaag, wkbs, sloop


def _units(tidy_buurt, tidy_grid, buurtlaag, wkbs, jaar=2024):
    units = eenheden(tidy_buurt, tidy_grid, buurtlaag, wkbs, jaar, load_klassegrenzen())
    return units.buurten, units.cellen


def test_analysis_of_2016_uses_no_later_measurement(inputs):
    tidy_buurt, tidy_grid, buurtlaag, wkbs, sloop = inputs
    full = analyse(*_units(tidy_buurt, tidy_grid, buurtlaag, wkbs, 2016), jaar=2016, sloop=sloop)
    cut = analyse(*_units(as_of(tidy_buurt, 2016), as_of(tidy_grid, 2016), buurtlaag, wkbs, 2016), jaar=2016,
                  sloop=sloop[sloop["jaar"] <= 2016])
    for niveau in ("buurt", "grid"):
        # units first measured after 2016 do not exist in the cut input; every other value is the same
        measured = full.frames[niveau].set_index("code").loc[cut.frames[niveau]["code"]]
        pd.testing.assert_frame_equal(measured, cut.frames[niveau].set_index("code"))
        assert len(full.frames[niveau]) - len(cut.frames[niveau]) < 0.05 * len(full.frames[niveau])
    assert full.overgeslagen == cut.overgeslagen


def test_profile_of_the_sample(inputs):
    tidy_buurt, tidy_grid, buurtlaag, wkbs, sloop = inputs
    result = analyse(*_units(tidy_buurt, tidy_grid, buurtlaag, wkbs), sloop=sloop)
    buurt = result.frames["buurt"]
    assert result.jaar == 2024 and len(buurt) == 80 and len(result.frames["grid"]) == 2345
    assert result.overgeslagen == {("grid", "zwakkedeelgebieden"): "alleen op buurtniveau met gridcellen"}
    target = buurt["klasse"] >= 5
    assert buurt.loc[~target, "risico_label"].eq("al zwak of lager").all()
    assert buurt.loc[~target, "risico_klasse"].isna().all()
    assert set(buurt.loc[target, "risico_klasse"].dropna().unique()) <= {0, 1, 2}
    assert buurt.loc[target, "risico_klasse"].notna().all()
    for mechanism in ("ontwikkeling", "zwakkedeelgebieden", "sloopelders"):
        assert f"{mechanism}_score" in buurt.columns
    assert buurt["potentieel_kwetsbaar"].loc[target].notna().all()
    assert buurt["potentieel_kwetsbaar"].loc[~target].isna().all()
    flagged = buurt.loc[buurt["risico_klasse"] >= 1]
    assert len(flagged) > 0 and flagged["factoren"].str.len().gt(0).all()


def test_identical_inputs_give_identical_outputs(inputs):
    tidy_buurt, tidy_grid, buurtlaag, wkbs, sloop = inputs
    first = analyse(*_units(tidy_buurt, tidy_grid, buurtlaag, wkbs, 2020), jaar=2020, sloop=sloop)
    second = analyse(*_units(tidy_buurt, tidy_grid, buurtlaag, wkbs, 2020), jaar=2020, sloop=sloop)
    pd.testing.assert_frame_equal(first.frames["buurt"], second.frames["buurt"])


def test_cells_claimed_by_two_buurten_are_reported():
    """Two overlapping buurt squares (sloppy boundaries): their shared cells go to the first, with a note."""

    from vroegsignalering.core.analyse import eenheden

    def square(x0, y0, size):
        ring = f"{x0} {y0}, {x0 + size} {y0}, {x0 + size} {y0 + size}, {x0} {y0 + size}, {x0} {y0}"
        return bytes(ogr.CreateGeometryFromWkt(f"POLYGON (({ring}))").ExportToWkb())

    # buurt A covers cells E1500..1502 x N4800..4802; B starts one cell further east: 3 cells overlap
    wkbs = [square(150000, 480000, 300), square(150200, 480000, 300)]
    buurtlaag = pd.DataFrame({"code": ["BU99010001", "BU99010002"], "naam": ["A", "B"], "gemeente": ["G", "G"],
                              "gm_code": ["GM9901", "GM9901"], "x": [150150.0, 150350.0], "y": [480150.0] * 2})
    cells = [f"E{ix}N{iy}" for ix in range(1500, 1505) for iy in range(4800, 4803)]
    tidy_grid = pd.DataFrame({"code": cells, "naam": None, "gemeente": None, "jaar": 2024, "lbm": np.nan,
                              "afw": 0.0, "fys": 0.0, "onv": 0.0, "soc": 0.0, "vrz": 0.0, "won": 0.0})
    units = eenheden(None, tidy_grid, buurtlaag, wkbs, 2024, load_klassegrenzen())
    assert "3 grid cells lie in more than one buurt (overlapping polygons); each went to the first" in units.notes
    assert (units.cellen["buurtcode"] == "BU99010001").sum() == 9  # its own 9, the shared ones included
    assert (units.cellen["buurtcode"] == "BU99010002").sum() == 6
    # without buurt scores, the buurten are the mean of their cells
    assert units.buurten_uit_cellen and len(units.buurten) == 2


def test_reclassifying_from_stored_scores_needs_no_mechanism(inputs, monkeypatch):
    """The panel's sliders: weights and the class rule change the profile, never a mechanism's score."""
    from vroegsignalering.core import analyse as orchestration
    from vroegsignalering.core.analyse import herclassificeer
    from vroegsignalering.core.profile import ProfielRegels

    tidy_buurt, tidy_grid, buurtlaag, wkbs, sloop = inputs
    result = analyse(*_units(tidy_buurt, tidy_grid, buurtlaag, wkbs), sloop=sloop)
    monkeypatch.setattr(orchestration, "run_mechanisms", None)  # any mechanism run would fail now
    same = herclassificeer(result.frames)
    for niveau in ("buurt", "grid"):
        pd.testing.assert_frame_equal(same[niveau], result.frames[niveau])
    regels = ProfielRegels(gewichten={"sloopelders": 0, "uitstraling": 3})
    anders = herclassificeer(result.frames, regels)
    buurt, oud = anders["buurt"], result.frames["buurt"]
    assert (buurt["risico_score"] != oud["risico_score"]).any()
    assert not buurt["factoren"].str.contains("sloop elders").any()
    assert oud["factoren"].str.contains("sloop elders").any()
    pd.testing.assert_series_equal(buurt["sloopelders_score"], oud["sloopelders_score"])  # scores stay
    # the first step follows the cells' new classes
    grid = anders["grid"]
    target = grid["doelgroep"] & grid["risico_klasse"].notna()
    for code in buurt["code"].head(20):
        cells = grid[(grid["buurtcode"] == code) & target]
        share = buurt.loc[buurt["code"] == code, "aandeel_cellen_verhoogd"].iloc[0]
        if len(cells):
            assert share == pytest.approx((cells["risico_klasse"] >= 1).mean()), code
        else:
            assert np.isnan(share), code
    assert 0.07 <= (grid.loc[target, "risico_klasse"] >= 1).mean() <= 0.09  # the riskiest 8 % of the target cells


def test_buurt_means_of_cells_per_year_by_hand():
    """Two buurten (layer order not code order), a cell outside both, a year in which no cell has an afw."""
    from vroegsignalering.core.analyse import _buurt_means

    buurtlaag = pd.DataFrame({"code": ["BU00000002", "BU00000001"], "naam": ["Twee", "Een"],
                              "gemeente": ["G2", "G1"]})
    grid = pd.DataFrame({
        "code": ["E1N1", "E1N1", "E1N2", "E1N2", "E2N1", "E2N1", "E9N9"],
        "jaar": [2020, 2022, 2020, 2022, 2020, 2022, 2020],
        "afw": [0.10, np.nan, 0.20, np.nan, -0.30, -0.10, 5.0],
        "won": [1.0, 2.0, np.nan, 4.0, 0.5, np.nan, 5.0],
    })
    cel_buurt = np.array([1, 1, 1, 1, 0, 0, -1])  # E1N* in BU..01 (layer row 1), E2N1 in BU..02, E9N9 outside
    uit = _buurt_means(grid, cel_buurt, buurtlaag)
    assert uit["code"].tolist() == ["BU00000001", "BU00000001", "BU00000002", "BU00000002"]
    assert uit["jaar"].tolist() == [2020, 2022, 2020, 2022]
    assert uit["afw"].tolist()[0] == pytest.approx(0.15) and np.isnan(uit["afw"].iloc[1])
    assert uit["afw"].tolist()[2:] == [pytest.approx(-0.30), pytest.approx(-0.10)]
    assert uit["won"].tolist()[:3] == [1.0, 3.0, 0.5] and np.isnan(uit["won"].iloc[3])
    assert uit["naam"].tolist() == ["Een", "Een", "Twee", "Twee"]
    assert uit["gemeente"].tolist() == ["G1", "G1", "G2", "G2"]
    assert list(uit.columns) == ["code", "jaar", "afw", "won", "naam", "gemeente"]
