"""Neighbourhood sums on unit centres (core/mechanisms/afstand.py): hand-computed, blocked = unblocked, national size.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_mech_afstand.py
"""

import time
import tracemalloc

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.errors import InputError
from vroegsignalering.core.mechanisms.afstand import distance_weighted_mean, per_buurt, within_radius_sum
from vroegsignalering.core.mechanisms.base import percentiel_in_groep, rang_in_groep

# three units on a line: x = 0, 1000, 3000 m
X = np.array([0.0, 1000.0, 3000.0])
Y = np.zeros(3)
V = np.array([1.0, 2.0, 4.0])


def test_equal_weights():
    result = within_radius_sum(X, Y, V, 2500)
    # u0 sees u1 (1000 m); u1 sees u0 and u2 (2000 m); u2 sees u1 (2000 m); u0-u2 is 3000 m: outside
    assert result.som.tolist() == [2.0, 5.0, 2.0]
    assert result.gewicht.tolist() == [1.0, 2.0, 1.0]
    assert result.aantal.tolist() == [1, 2, 1]
    assert result.buren.tolist() == [1, 2, 1]
    assert result.gemiddelde.tolist() == [2.0, 2.5, 2.0]


def test_linear_decay():
    result = within_radius_sum(X, Y, V, 2500, weights="afstand")
    # weight 1 - d / 2500: 1000 m -> 0.6, 2000 m -> 0.2
    # u0: 0.6 * 2 = 1.2; u1: 0.6 * 1 + 0.2 * 4 = 1.4 over weight 0.8 -> mean 1.75; u2: 0.2 * 2 = 0.4
    assert result.som == pytest.approx([1.2, 1.4, 0.4])
    assert result.gewicht == pytest.approx([0.6, 0.8, 0.2])
    assert result.gemiddelde == pytest.approx([2.0, 1.75, 2.0])
    assert distance_weighted_mean(X, Y, V, 2500) == pytest.approx([2.0, 1.75, 2.0])


def test_include_self_and_edge():
    # with itself: u0 1 + 2 = 3; a unit exactly at the radius is inside (d <= radius)
    assert within_radius_sum(X, Y, V, 2500, exclude_self=False).som.tolist() == [3.0, 7.0, 6.0]
    assert within_radius_sum(X, Y, V, 2000).som.tolist() == [2.0, 5.0, 2.0]
    # ... but with linear decay it has weight 0: u2's only neighbour gives no mean
    decay = within_radius_sum(X, Y, V, 2000, weights="afstand")
    assert decay.buren[2] == 1
    assert np.isnan(decay.gemiddelde[2])


def test_missing_values_and_centres():
    values = np.array([1.0, np.nan, 4.0])
    result = within_radius_sum(X, Y, values, 2500)
    # u1's value is unknown: u0 has a neighbour (buren 1) but nothing to sum (aantal 0, mean NaN)
    assert result.som.tolist()[:2] == [0.0, 5.0]
    assert result.aantal.tolist() == [0, 2, 0]
    assert result.buren.tolist() == [1, 2, 1]
    assert np.isnan(result.gemiddelde[0])
    # a unit without a centre is NaN and nobody's neighbour
    x = X.copy()
    x[1] = np.nan
    result = within_radius_sum(x, Y, V, 2500)
    assert np.isnan(result.som[1]) and np.isnan(result.buren[1])
    assert result.buren[[0, 2]].tolist() == [0, 0]
    assert result.som[[0, 2]].tolist() == [0, 0]


def test_no_units_and_bad_arguments():
    empty = within_radius_sum(np.array([]), np.array([]), np.array([]), 100)
    assert len(empty.som) == 0
    with pytest.raises(InputError):
        within_radius_sum(X, Y, V, 0)
    with pytest.raises(InputError):
        within_radius_sum(X, Y, V, 100, weights="kwadraat")


def brute_force(x, y, values, radius, weights):
    d = np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :])
    inside = (d <= radius) & ~np.eye(len(x), dtype=bool)
    w = inside * (1 - d / radius if weights == "afstand" else 1.0)
    known = ~np.isnan(values)
    return (w * np.where(known, values, 0)[None, :]).sum(axis=1), (w * known[None, :]).sum(axis=1)


@pytest.mark.parametrize("weights", ["gelijk", "afstand"])
def test_blocked_equals_unblocked(weights):
    rng = np.random.default_rng(7)
    x, y = rng.uniform(0, 20_000, 300), rng.uniform(0, 8_000, 300)
    x[:5] = 5_000.0  # ties in x across block borders
    values = rng.uniform(0, 100, 300)
    values[::17] = np.nan
    small = within_radius_sum(x, y, values, 2_000, weights, block=2)
    large = within_radius_sum(x, y, values, 2_000, weights, block=1000)
    for a, b in zip(small, large):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-9)
    som, gewicht = brute_force(x, y, values, 2_000, weights)
    np.testing.assert_allclose(large.som, som, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(large.gewicht, gewicht, rtol=1e-12, atol=1e-9)


def test_national_size():
    """14,000 buurt centres over the Netherlands' extent, 10 km: seconds, tens of MB."""
    rng = np.random.default_rng(1)
    n = 14_000
    x, y = rng.uniform(10_000, 280_000, n), rng.uniform(300_000, 620_000, n)
    values = rng.uniform(0, 500, n)
    tracemalloc.start()
    started = time.perf_counter()
    result = within_radius_sum(x, y, values, 10_000, "afstand")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 20
    assert peak < 300e6  # a full 14,000 x 14,000 matrix would be 1.6 GB
    # spot check a few units against a direct computation
    for i in (0, 4_321, n - 1):
        d = np.hypot(x - x[i], y - y[i])
        inside = (d <= 10_000) & (np.arange(n) != i)
        assert result.som[i] == pytest.approx(((1 - d[inside] / 10_000) * values[inside]).sum())
        assert result.buren[i] == inside.sum()
    # about 14,000 * pi * 10^2 / (270 * 320) = 51 neighbours each
    assert 40 < np.mean(result.buren) < 60


def test_per_buurt_folds_cells():
    units = pd.DataFrame({
        "code": ["E0N0", "E1N0", "E10N0", "BU00010003", "E50N0"],
        "buurtcode": ["BU00010001", "BU00010001", "BU00010002", None, None],
    })
    x = np.array([50.0, 150.0, 1050.0, 3000.0, 5050.0])
    indeling = per_buurt(units, x, np.zeros(5))
    # two cells of BU00010001 become one buurt centred at x = 100; a cell without buurtcode stays alone
    assert indeling.n == 4
    assert indeling.codes.tolist()[:3] == ["BU00010001", "BU00010002", "BU00010003"]
    assert indeling.x.tolist() == [100.0, 1050.0, 3000.0, 5050.0]
    assert indeling.cellen == 3
    assert indeling.terug(np.array([1, 2, 3, 4])).tolist() == [1, 1, 2, 3, 4]
    assert indeling.eerste(np.array([np.nan, 7.0, 8.0, 9.0, 10.0])).tolist() == [7.0, 8.0, 9.0, 10.0]


def test_ranks_and_percentiles_per_group():
    values = np.array([10.0, 20.0, 30.0, 40.0, 50.0, 5.0, np.nan])
    groups = np.array(["a"] * 5 + ["b"] * 2, dtype=object)
    rank = rang_in_groep(values, groups)
    # a: (rank - 1) / (n - 1); b: a single known value is 0.5; NaN stays NaN
    assert rank[:6].tolist() == [0.0, 0.25, 0.5, 0.75, 1.0, 0.5]
    assert np.isnan(rank[6])
    # numpy's linear interpolation: the 75th percentile of 10..50 is 40; of b (only 5) 5
    assert percentiel_in_groep(values, groups, 75).tolist() == [40.0] * 5 + [5.0, 5.0]
