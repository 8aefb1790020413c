"""Logistic early-warning model (core/model.py): closed-form cases, a grid search, shrinkage, missing data, the sample.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_model.py
"""

import math
import os

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.backtest import roc_auc
from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.errors import InputError
from vroegsignalering.core.model import LogistischModel, TrainResultaat, risico_klassen, train_evaluate
from vroegsignalering.core.scores import as_of, read_score_csv, wide_scores

SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "sample")

# a binary feature: 1 of 4 declined at x = 0, 3 of 4 at x = 1
X_BIN = pd.DataFrame({"x": [0, 0, 0, 0, 1, 1, 1, 1]})
Y_BIN = np.array([0, 0, 0, 1, 0, 1, 1, 1])


def _objective(x, y, intercept, beta, l2):
    """The penalised negative log-likelihood on the standardised scale, written out independently."""
    x = np.asarray(x, dtype=float)
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    eta = intercept + z @ np.atleast_1d(beta)
    return np.sum(np.log1p(np.exp(eta)) - y * eta) + l2 / 2 * np.sum(np.atleast_1d(beta) ** 2)


def _random_data(n=60, seed=1):
    rng = np.random.default_rng(seed)
    x = pd.DataFrame({"a": rng.normal(size=n), "b": rng.normal(2.0, 3.0, size=n), "c": rng.normal(size=n)})
    eta = -0.5 + 1.2 * x["a"] - 0.4 * (x["b"] - 2) / 3
    y = (rng.random(n) < 1 / (1 + np.exp(-eta))).astype(float)
    return x, y


def test_unpenalised_binary_feature_closed_form():
    model = LogistischModel().fit(X_BIN, Y_BIN, l2=0.0)
    # the MLE reproduces the group shares: 1/4 and 3/4
    assert model.predict_proba(pd.DataFrame({"x": [0, 1]})).tolist() == pytest.approx([0.25, 0.75], abs=1e-9)
    # logit(3/4) - logit(1/4) = 2 ln 3 per unit of x; sd of x = 0.5, so ln 3 per sd; z = 0 at x = 0.5: odds 1
    table = model.coefficients()
    assert table.at[0, "coefficient"] == pytest.approx(math.log(3), abs=1e-9)
    assert table.at[0, "odds_ratio"] == pytest.approx(3.0, abs=1e-8)
    assert table.at[0, "coefficient_per_eenheid"] == pytest.approx(2 * math.log(3), abs=1e-8)
    assert model.intercept == pytest.approx(0.0, abs=1e-9)
    assert model.converged


def test_penalised_binary_feature_solves_score_equation():
    # z = +-1 and the data are symmetric, so the intercept is 0 and the score equation for beta is
    # 4 (sigma(b) - 3/4) - 4 (sigma(-b) - 1/4) + l2 b = 0, i.e. 4 tanh(b / 2) - 2 + l2 b = 0
    low, high = 0.0, 2.0
    for _ in range(200):
        middle = (low + high) / 2
        low, high = (middle, high) if 4 * math.tanh(middle / 2) - 2 + middle < 0 else (low, middle)
    model = LogistischModel().fit(X_BIN, Y_BIN, l2=1.0)
    assert model.coef[0] == pytest.approx(low, abs=1e-9)
    assert model.coef[0] < math.log(3)
    assert model.intercept == pytest.approx(0.0, abs=1e-9)


def test_grid_search_finds_nothing_better():
    x, y = _random_data(n=40, seed=3)
    x = x[["a"]]
    model = LogistischModel().fit(x, y, l2=2.0)
    best = _objective(x, y, model.intercept, model.coef, 2.0)
    grid = np.linspace(-0.05, 0.05, 41)
    values = [_objective(x, y, model.intercept + di, model.coef[0] + db, 2.0) for di in grid for db in grid]
    assert best <= min(values) + 1e-12
    # and a coarse grid over a wide range agrees on where the minimum is
    coarse = np.linspace(-3, 3, 121)
    values = np.array([[_objective(x, y, i, b, 2.0) for b in coarse] for i in coarse])
    i, b = np.unravel_index(np.argmin(values), values.shape)
    assert coarse[i] == pytest.approx(model.intercept, abs=0.05)
    assert coarse[b] == pytest.approx(model.coef[0], abs=0.05)


def test_sign_and_order_on_separable_data():
    x = pd.DataFrame({"afstand": [-3.0, -2.0, -1.0, 1.0, 2.0, 3.0], "ruis": [1.0, 0.0, 1.0, 0.0, 1.0, 0.0]})
    y = [0, 0, 0, 1, 1, 1]
    for l2 in (0.0, 1.0):
        model = LogistischModel().fit(x, y, l2=l2)
        p = model.predict_proba(x)
        assert np.all(np.isfinite(p))
        if l2 > 0:  # the penalised fit keeps the noise small: probabilities rise with afstand
            assert np.all(np.diff(p.to_numpy()) > 0)
        assert p.iloc[:3].max() < 0.5 < p.iloc[3:].min()
        assert model.coefficients().set_index("feature").at["afstand", "coefficient"] > 0
        assert model.coefficients().set_index("feature").at["afstand", "odds_ratio"] > 1


def test_l2_shrinks_coefficients_monotonically():
    x, y = _random_data()
    norms, first = [], []
    for l2 in (0.0, 0.1, 1.0, 10.0, 100.0, 1000.0):
        coef = LogistischModel().fit(x, y, l2=l2).coef
        norms.append(float(np.linalg.norm(coef)))
        first.append(abs(float(coef[0])))
    assert all(a > b for a, b in zip(norms, norms[1:]))
    assert all(a > b for a, b in zip(first, first[1:]))
    assert norms[-1] < 0.05


def test_deterministic_and_order_free():
    x, y = _random_data()
    a = LogistischModel().fit(x, y, l2=1.0)
    b = LogistischModel().fit(x, y, l2=1.0)
    assert a.coef.tolist() == b.coef.tolist() and a.intercept == b.intercept
    assert a.predict_proba(x).tolist() == b.predict_proba(x).tolist()
    order = np.random.default_rng(0).permutation(len(x))
    c = LogistischModel().fit(x.iloc[order], y[order], l2=1.0)
    assert c.coef == pytest.approx(a.coef, abs=1e-10)


def test_constant_and_empty_features():
    x, y = _random_data()
    with_constants = x.assign(constant=7.0, leeg=np.nan)
    full = LogistischModel().fit(with_constants, y, l2=1.0)
    plain = LogistischModel().fit(x, y, l2=1.0)
    table = full.coefficients().set_index("feature")
    assert table.at["constant", "coefficient"] == 0.0 and table.at["leeg", "coefficient"] == 0.0
    assert table.at["constant", "odds_ratio"] == 1.0
    assert full.predict_proba(with_constants).to_numpy() == pytest.approx(plain.predict_proba(x).to_numpy())
    # unpenalised too: the constant column does not make the system singular
    LogistischModel().fit(with_constants, y, l2=0.0)


def test_missing_values_take_the_training_mean():
    x, y = _random_data()
    holes = x.copy()
    holes.loc[[0, 5, 9], "a"] = np.nan
    holes.loc[[3], "b"] = np.nan
    model = LogistischModel().fit(holes, y, l2=1.0)
    means = holes.mean()
    # a new unit with a missing value scores as one at the training mean
    new = pd.DataFrame({"a": [np.nan, means["a"]], "b": [1.0, 1.0], "c": [0.5, 0.5]})
    p = model.predict_proba(new).to_numpy()
    assert p[0] == pytest.approx(p[1], abs=1e-12)
    # unpenalised, imputing by hand first gives the same predictions (only the sd scaling differs)
    filled = holes.fillna(means)
    assert LogistischModel().fit(holes, y, l2=0.0).predict_proba(filled).to_numpy() == pytest.approx(
        LogistischModel().fit(filled, y, l2=0.0).predict_proba(filled).to_numpy(), abs=1e-8
    )
    # rows with a missing outcome are left out
    y_missing = pd.Series(y).astype("Float64")
    y_missing[[1, 2]] = pd.NA
    a = LogistischModel().fit(x, y_missing, l2=1.0)
    b = LogistischModel().fit(x.drop(index=[1, 2]), np.delete(np.asarray(y), [1, 2]), l2=1.0)
    assert a.coef == pytest.approx(b.coef, abs=1e-10)


def test_arrays_and_errors():
    x, y = _random_data()
    model = LogistischModel().fit(x.to_numpy(), y)
    assert model.coefficients()["feature"].tolist() == ["x0", "x1", "x2"]
    assert isinstance(model.predict_proba(x.to_numpy()), np.ndarray)
    with pytest.raises(InputError, match="declined"):
        LogistischModel().fit(x, np.zeros(len(x)))
    with pytest.raises(InputError, match="not fitted"):
        LogistischModel().predict_proba(x)
    named = LogistischModel().fit(x, y)
    with pytest.raises(InputError, match="missing"):
        named.predict_proba(x.drop(columns="b"))
    with pytest.raises(InputError, match="0 or 1"):
        LogistischModel().fit(x, y * 2)


def test_risico_klassen():
    klasse = risico_klassen(pd.Series([0.1, 0.3, 0.5, np.nan]), (0.3, 0.5))
    assert klasse.tolist()[:3] == [0, 1, 2] and pd.isna(klasse.iloc[3])


# ----------------------------------------------------------------------------- the sample


@pytest.fixture(scope="module")
def sample():
    grenzen = load_klassegrenzen()
    tidy = read_score_csv(os.path.join(SAMPLE, "Leefbaarometer-scores buurten 2002-2024.csv"))
    vorige = {2008: 2002, 2012: 2008, 2014: 2012, 2016: 2014, 2024: 2022}
    frames = {}
    for jaar, vorig in vorige.items():
        frame = wide_scores(as_of(tidy, jaar), grenzen)
        frame["afstand"] = -(frame[f"afw_{jaar}"] + 0.16405)
        frame["onv"] = frame[f"onv_{jaar}"]
        frame["trend"] = frame[f"afw_{jaar}"] - frame[f"afw_{vorig}"]
        frames[jaar] = frame
    return frames, wide_scores(tidy, grenzen)


def test_train_evaluate_on_sample(sample):
    frames, wide = sample
    result = train_evaluate(frames, ["afstand", "onv", "trend"], [(2008, 2014), (2012, 2016)], (2016, 2024),
                            l2=1.0, wide=wide, regel="klasse")
    assert isinstance(result, TrainResultaat)
    assert len(result.kansen) == 68 and result.kansen.index.equals(result.uitkomst.index)
    assert result.rij["n"] == 68 and result.rij["n_positief"] == 12
    assert result.rij["auc"] == pytest.approx(roc_auc(result.kansen, result.uitkomst))
    assert result.rij["auc"] > 0.6
    assert result.rij["testpaar"] == "2016→2024"
    assert result.drempels[0] < result.drempels[1]
    assert set(result.risico_klasse.dropna().unique()) <= {0, 1, 2}
    assert result.model.coefficients().set_index("feature").at["afstand", "coefficient"] > 0
    # outcomes from the later frame itself give the same result
    again = train_evaluate(frames, ["afstand", "onv", "trend"], [(2008, 2014), (2012, 2016)], (2016, 2024),
                           l2=1.0, regel="klasse")
    assert again.kansen.tolist() == result.kansen.tolist()


def test_train_evaluate_refuses_look_ahead(sample):
    frames, wide = sample
    with pytest.raises(InputError, match="2014→2024.*2016"):
        train_evaluate(frames, ["afstand"], [(2014, 2024)], (2016, 2024), wide=wide)
    with pytest.raises(InputError, match="as of 2018"):
        train_evaluate(frames, ["afstand"], [(2018, 2024)], (2024, 2026), wide=wide)
    with pytest.raises(InputError, match="missing"):
        train_evaluate(frames, ["bestaat_niet"], [(2008, 2014)], (2016, 2024), wide=wide)
