"""One scale for every mechanism: 0.5 is its signal threshold, and score >= 0.5 exactly where it signals.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_schaal.py
Checked by hand on the scale itself, then for every mechanism on the Lelystad sample (buurten and 100 m
cells, as of 2016 and 2024) and on random inputs (missing values, secret CBS codes, gaps in the history).
"""

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.analyse import analyse
from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.lattice import cell_centres, format_grid_ids
from vroegsignalering.core.mechanisms.base import TOLERANTIE, en, of, op_schaal
from vroegsignalering.core.mechanisms.register import MECHANISMEN
from vroegsignalering.core.profile import mechanism_columns
from vroegsignalering.core.scores import wide_scores
from vroegsignalering.tests.unit.mech_helpers import sample_eenheden

GRENZEN = load_klassegrenzen()
YEARS = (2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024)
DIMS = ("fys", "onv", "soc", "vrz", "won")


# --------------------------------------------------------------------------- the scale by hand


def test_scale_higher_is_worse():
    # threshold 10, far at 20: 0 at 0, 0.25 at 5, 0.5 at 10, 0.75 at 15, 1 from 20 on
    values = np.array([-5, 0, 5, 10, 15, 20, 30, np.nan])
    assert op_schaal(values, 10, 20) == pytest.approx([0, 0, 0.25, 0.5, 0.75, 1, 1, np.nan], nan_ok=True)


def test_scale_lower_is_worse_and_tolerance():
    # threshold 0.8, far at 0.6 (a WOZ ratio): 0.5 at 0.8, 1 at 0.6, 0 at 1.0
    assert op_schaal([1.0, 0.9, 0.8, 0.7, 0.6], 0.8, 0.6) == pytest.approx([0, 0.25, 0.5, 0.75, 1])
    # 0.1 - 0.1392 is -0.039199999... in floating point: within the tolerance it is the threshold itself
    assert op_schaal(-(0.1 - 0.1392), 0.0392, 0.0784) == 0.5
    assert op_schaal(0.0392 - 10 * TOLERANTIE, 0.0392, 0.0784) < 0.5


def test_scale_strict_threshold_and_safe_point():
    # a strict rule ("class 3 or lower"): the boundary itself is just short of a signal
    assert op_schaal(0.0784, 0.0784, 0.1568, strikt=True) < 0.5
    assert op_schaal(0.0785, 0.0784, 0.1568, strikt=True) >= 0.5
    # a safe point other than the mirror: 0 at the median 3, 0.5 at the threshold 12, 1 at 20
    assert op_schaal([3, 7.5, 12, 16, 20], 12, 20, veilig=3) == pytest.approx([0, 0.25, 0.5, 0.75, 1])
    # the safe point on the threshold: everything on the safe side is 0, the threshold too when strict
    assert op_schaal([0, 0, 5], 0, 5, strikt=True, veilig=0) == pytest.approx([0, 0, 1])


def test_or_and_and_of_parts():
    a, b = np.array([0.2, 0.7, np.nan, np.nan]), np.array([0.6, 0.1, 0.3, np.nan])
    assert of(a, b) == pytest.approx([0.6, 0.7, 0.3, np.nan], nan_ok=True)  # any part may signal
    assert en(a, b) == pytest.approx([0.2, 0.1, np.nan, np.nan], nan_ok=True)  # every part must
    assert en(a, b, onbekend_telt_niet=True) == pytest.approx([0.2, 0.1, 0.3, np.nan], nan_ok=True)


# --------------------------------------------------------------------------- every mechanism


def _check_scale(frame, where):
    names = mechanism_columns(frame)
    assert names, where
    for naam in names:
        score = frame[f"{naam}_score"].to_numpy(dtype=float)
        signaal = pd.to_numeric(frame[f"{naam}_signaal"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        known = ~np.isnan(score)
        assert (np.isnan(signaal) == ~known).all(), f"{where} {naam}: a signal without a score or the reverse"
        assert ((score[known] >= 0) & (score[known] <= 1)).all(), f"{where} {naam}: score outside 0..1"
        mismatch = (score[known] >= 0.5) != (signaal[known] == 1)
        assert not mismatch.any(), f"{where} {naam}: {mismatch.sum()} units with score and signal disagreeing"
    return names


@pytest.mark.parametrize("jaar", [2016, 2024])
def test_every_mechanism_on_the_sample(jaar):
    eenheden, sloop = sample_eenheden(jaar)
    result = analyse(eenheden.buurten, eenheden.cellen, jaar, grenzen=GRENZEN, sloop=sloop)
    buurt = _check_scale(result.frames["buurt"], f"buurt {jaar}")
    grid = _check_scale(result.frames["grid"], f"grid {jaar}")
    assert set(buurt) == set(MECHANISMEN)  # the sample has every input
    assert set(grid) == set(MECHANISMEN) - {"zwakkedeelgebieden"}
    # and the scores mean the same: no mechanism dominates the target group by construction
    target = result.frames["buurt"]["doelgroep"].to_numpy(bool)
    means = {naam: result.frames["buurt"].loc[target, f"{naam}_score"].mean() for naam in buurt}
    assert max(means.values()) < 0.5, means


def random_units(seed, n_buurten=24, cells_per_buurt=6):
    """Buurten and cells with random histories, gaps, missing dimensions and CBS figures with secret codes."""
    rng = np.random.default_rng(seed)
    records, cell_records = [], []
    gemeente = np.where(np.arange(n_buurten) < n_buurten // 2, "GM9901", "GM9902")
    codes = [f"BU{g[2:]}{i:04d}" for i, g in enumerate(gemeente)]
    centre_ix = 1500 + (np.arange(n_buurten) % 6) * 8
    centre_iy = 4800 + (np.arange(n_buurten) // 6) * 8
    for b, code in enumerate(codes):
        level, trend = rng.normal(-0.05, 0.12), rng.normal(0, 0.004)
        start = rng.choice([2008, 2008, 2008, 2014])  # some buurten are newer
        for j, year in enumerate(YEARS):
            if year < start or rng.random() < 0.08:
                continue
            dims = rng.normal((level + trend * (year - 2016)) / 5, 0.015, 5)
            if year == 2008 and rng.random() < 0.5:
                dims[:] = np.nan  # old years without dimensions
            records.append({"code": code, "naam": f"b{b}", "gemeente": gemeente[b], "jaar": year,
                            "lbm": np.nan, "afw": float(np.nansum(dims)) if not np.isnan(dims).all()
                            else level + rng.normal(0, 0.01), **dict(zip(DIMS, dims))})
        for c in range(cells_per_buurt):
            ix, iy = centre_ix[b] + c % 3, centre_iy[b] + c // 3
            cell_level = level + rng.normal(0, 0.06)
            for year in YEARS:
                if year < start or rng.random() < 0.05:
                    continue
                dims = rng.normal((cell_level + trend * (year - 2016)) / 5, 0.02, 5)
                cell_records.append({"code": format_grid_ids([ix], [iy])[0], "naam": None, "gemeente": gemeente[b],
                                     "jaar": year, "lbm": np.nan, "afw": float(dims.sum()), **dict(zip(DIMS, dims)),
                                     "_buurt": code, "_ix": ix, "_iy": iy})
    buurten = wide_scores(pd.DataFrame(records), GRENZEN)
    cells_tidy = pd.DataFrame(cell_records)
    cellen = wide_scores(cells_tidy.drop(columns=["_buurt", "_ix", "_iy"]), GRENZEN)
    where = cells_tidy.drop_duplicates("code").set_index("code")
    cellen["buurtcode"] = cellen["code"].map(where["_buurt"])
    cellen["x"], cellen["y"] = cell_centres(cellen["code"].map(where["_ix"]), cellen["code"].map(where["_iy"]))
    context = pd.DataFrame({
        "code": codes,
        "x": (centre_ix + 1.5) * 100.0, "y": (centre_iy + 1.0) * 100.0,
        "aantal_inwoners": rng.integers(50, 3000, n_buurten).astype(float),
        "percentage_personen_65_jaar_en_ouder": rng.uniform(5, 40, n_buurten),
        "gemiddelde_woningwaarde": rng.uniform(120, 600, n_buurten),
        "GemiddeldInkomenPerInwoner": rng.uniform(18, 50, n_buurten),
        "PersonenInArmoede": rng.uniform(1, 20, n_buurten),
        "InBezitWoningcorporatie": rng.uniform(0, 80, n_buurten),
        "aantal_woningen": rng.integers(20, 2000, n_buurten).astype(float),
        "aantal_woningen_bouwjaar_afgelopen_tien_jaar": rng.integers(0, 300, n_buurten).astype(float),
    })
    for column in ("gemiddelde_woningwaarde", "PersonenInArmoede", "aantal_woningen_bouwjaar_afgelopen_tien_jaar"):
        context.loc[rng.random(n_buurten) < 0.15, column] = -99997.0  # CBS secrecy code
    buurten = buurten.merge(context, on="code", how="left")
    cellen = cellen.merge(context.drop(columns=["x", "y"]).rename(columns={"code": "buurtcode"}), on="buurtcode",
                          how="left")
    sloop = pd.DataFrame({"buurtcode": rng.choice(codes, 8), "jaar": rng.choice(range(2010, 2025), 8),
                          "gesloopte_woningen": rng.integers(10, 150, 8)})
    return buurten, cellen, sloop


@pytest.mark.parametrize("seed", range(6))
def test_every_mechanism_on_random_inputs(seed):
    buurten, cellen, sloop = random_units(seed)
    for jaar in (2016, 2024):
        result = analyse(buurten, cellen, jaar, grenzen=GRENZEN, sloop=sloop)
        _check_scale(result.frames["buurt"], f"seed {seed} buurt {jaar}")
        _check_scale(result.frames["grid"], f"seed {seed} grid {jaar}")


def test_a_cell_is_explained_where_it_signals_a_buurt_always():
    """A national grid has 400,000 cells: only the signalling ones get their sentence (buurten all of theirs)."""
    from vroegsignalering.core.mechanisms.base import ALLE, deel, resultaat

    asked = []

    def toelichting(frame, rijen=ALLE):
        asked.append(rijen)
        (scores,) = deel(rijen, frame["x_score"].to_numpy())
        return [f"score {s:.1f}" for s in scores]

    score = np.array([0.2, 0.5, np.nan, 0.9])
    cells = pd.DataFrame({"code": ["a", "b", "c", "d"], "buurtcode": ["BU1"] * 4})
    frame = resultaat("x", cells, {}, np.nan, score, toelichting=toelichting).frame
    assert frame["x_toelichting"].tolist() == [None, "score 0.5", None, "score 0.9"]
    assert asked[-1].tolist() == [1, 3]  # only those rows were worded
    buurten = pd.DataFrame({"code": ["BU1", "BU2", "BU3", "BU4"]})
    frame = resultaat("x", buurten, {}, np.nan, score, toelichting=toelichting).frame
    assert frame["x_toelichting"].tolist() == ["score 0.2", "score 0.5", "score nan", "score 0.9"]
