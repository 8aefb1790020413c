"""The gemeente filter selects what is reported, not what the mechanisms see.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_rapportage.py
On the independent simulated history of two neighbouring gemeenten (tests/simulatie.py, SIMULATED data).
"""

import pandas as pd
import pytest

from vroegsignalering.core.analyse import analyse, eenheden, rapportage
from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.errors import InputError
from vroegsignalering.tests.unit.mech_helpers import twee_gemeenten

GRENZEN = load_klassegrenzen()


@pytest.fixture(scope="module")
def sim(tmp_path_factory):
    return twee_gemeenten(tmp_path_factory.mktemp("twee_gemeenten"))


def _analyse(tidy_buurt, tidy_grid, buurtlaag, wkbs, jaar=2024):
    units = eenheden(tidy_buurt, tidy_grid, buurtlaag, wkbs, jaar, GRENZEN)
    return analyse(units.buurten, units.cellen, jaar, grenzen=GRENZEN, buren=None)


def test_a_gemeente_is_the_same_reported_alone_or_with_its_neighbour(sim):
    tidy_buurt, tidy_grid, buurtlaag, wkbs, _ = sim
    alles = _analyse(tidy_buurt, tidy_grid, buurtlaag, wkbs)
    alleen = rapportage(alles, ["GM9901"], buurtlaag)
    samen = rapportage(alles, ["GM9901", "gm9902"], buurtlaag)
    for niveau in ("buurt", "grid"):
        eigen = alleen.frames[niveau]
        key = "buurtcode" if niveau == "grid" else "code"
        assert eigen[key].str.startswith("BU9901").all() and len(eigen) > 0
        uit_beide = samen.frames[niveau].set_index("code").loc[eigen["code"]].reset_index()
        pd.testing.assert_frame_equal(eigen, uit_beide)
    # by name too, case-insensitive
    naam = buurtlaag.loc[buurtlaag["gm_code"] == "GM9901", "gemeente"].iloc[0]
    pd.testing.assert_frame_equal(rapportage(alles, [naam.upper()], buurtlaag).frames["buurt"],
                                  alleen.frames["buurt"])
    with pytest.raises(InputError, match="GM0000"):
        rapportage(alles, ["GM0000"], buurtlaag)


def test_cutting_the_neighbour_away_first_would_change_the_border(sim):
    """What the filter used to do: analysing GM9901 alone changes the results of its border units."""
    tidy_buurt, tidy_grid, buurtlaag, wkbs, _ = sim
    alles = rapportage(_analyse(tidy_buurt, tidy_grid, buurtlaag, wkbs), ["GM9901"], buurtlaag)
    eigen = buurtlaag["gm_code"] == "GM9901"
    cellen = tidy_grid  # the cells of the other gemeente fall outside the remaining buurten
    los = _analyse(tidy_buurt[tidy_buurt["code"].str.startswith("BU9901")], cellen,
                   buurtlaag[eigen].reset_index(drop=True), [w for w, e in zip(wkbs, eigen) if e])
    a = alles.frames["grid"].set_index("code")
    b = los.frames["grid"].set_index("code").loc[a.index]
    changed = (a["uitstraling_score"] - b["uitstraling_score"]).abs() > 1e-12
    assert changed.sum() > 0  # cells near the border lost their neighbours across it
    assert changed.sum() < 0.5 * len(a)  # and only those
