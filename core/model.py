"""An optional statistical early-warning model: L2-regularised logistic regression in numpy.

``LogistischModel`` is fitted by Newton-Raphson (IRLS) on standardised features;
``train_evaluate`` trains it on earlier transitions (t -> t + k) and backtests it
on a later one, so it can be reported beside the rule-based risk profile.

Choices, so analysts can read the numbers:

- Features are standardised inside the model with the mean and standard
  deviation (ddof = 0) of the training rows; a coefficient is the change in log
  odds per standard deviation, and its exponent the odds ratio per sd.
- A missing feature value is replaced by the training mean of that feature
  (0 on the standardised scale): the unit then neither gains nor loses risk
  through that feature. Training means are also used for new data.
- A feature that is constant (or entirely missing) in the training data carries
  no information: its coefficient is fixed at 0.
- The objective is the negative log-likelihood summed over the training rows
  plus ``l2 / 2`` times the sum of the squared coefficients (standardised
  scale); the intercept is not penalised. Newton steps start from zero
  coefficients and the base-rate intercept and are halved while the objective
  does not fall, so a fit is deterministic and never diverges.
"""

import math
from typing import NamedTuple

import numpy as np
import pandas as pd

from .backtest import evaluate, uitkomst
from .errors import InputError, examples
from .meldingen import fout


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class LogistischModel:
    """L2-regularised logistic regression (see the module docstring for the choices).

    After ``fit``: ``features`` (names), ``mean``, ``sd`` (training scale),
    ``intercept`` and ``coef`` (standardised scale), ``n_iter``, ``converged``,
    ``l2``.
    """

    def __init__(self):
        self.features = None
        self.mean = self.sd = self.coef = None
        self.intercept = math.nan
        self.n_iter = 0
        self.converged = False
        self.l2 = math.nan

    # -- data -------------------------------------------------------------

    @staticmethod
    def _matrix(x, features=None):
        """A float matrix and the feature names from a DataFrame, Series or array-like."""
        if isinstance(x, pd.Series):
            x = x.to_frame()
        if isinstance(x, pd.DataFrame):
            if features is not None:
                missing = [f for f in features if f not in x.columns]
                if missing:
                    raise InputError(fout("Kenmerkkolom(men) {} ontbreken in de gegevens.",
                                          "Feature column(s) {} missing from the data.", examples(missing)))
                x = x[list(features)]
            names = [str(c) for c in x.columns]
            matrix = np.column_stack(
                [pd.to_numeric(x[c], errors="coerce").to_numpy(dtype="float64", na_value=np.nan) for c in x.columns]
            ) if x.shape[1] else np.empty((len(x), 0))
            return matrix, names
        matrix = np.asarray(x, dtype="float64")
        if matrix.ndim == 1:
            matrix = matrix[:, None]
        names = list(features) if features is not None else [f"x{i}" for i in range(matrix.shape[1])]
        if matrix.shape[1] != len(names):
            raise InputError(fout("Verwacht {} kenmerkkolommen, gekregen: {}.",
                                  "Expected {} feature columns, got {}.", len(names), matrix.shape[1]))
        return matrix, names

    def _standardise(self, matrix):
        """Standardised features with missing values at 0 (the training mean)."""
        z = (matrix - self.mean) / self.sd
        z[~np.isfinite(z)] = 0.0
        return z

    # -- fitting ----------------------------------------------------------

    def fit(self, x, y, l2=1.0, max_iter=100, tol=1e-8):
        """Fit on features ``x`` (rows = units) and outcomes ``y`` (0/1; rows with a missing y are dropped).

        Returns self. Raises InputError when fewer than both outcome classes remain.
        """
        matrix, names = self._matrix(x)
        target = pd.to_numeric(pd.Series(np.asarray(y, dtype=object) if not isinstance(y, pd.Series) else y),
                               errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        if len(target) != len(matrix):
            raise InputError(fout("Kenmerken en uitkomsten verschillen in lengte ({} en {}).",
                                  "Features and outcomes differ in length ({} and {}).", len(matrix), len(target)))
        keep = ~np.isnan(target)
        matrix, target = matrix[keep], target[keep]
        if ((target != 0) & (target != 1)).any():
            raise InputError(fout("Uitkomsten moeten 0 of 1 zijn (of ontbreken).",
                                  "Outcomes must be 0 or 1 (or missing)."))
        positives = int(target.sum())
        if positives == 0 or positives == len(target):
            raise InputError(
                fout("Het model heeft eenheden nodig die achteruitgingen en eenheden die dat niet deden; in de trainingsgegevens gaan er {} van {} achteruit.",
                     "The model needs units that declined and units that did not; the training data has {} of {} declining.", positives, len(target))
            )
        l2 = float(l2)
        if l2 < 0 or not math.isfinite(l2):
            raise InputError(fout("De L2-straf moet 0 of meer zijn, gekregen: {}.",
                                  "The L2 penalty must be 0 or more, got {}.", l2))

        with np.errstate(invalid="ignore", divide="ignore"):
            counts = (~np.isnan(matrix)).sum(axis=0)
            mean = np.where(counts > 0, np.nansum(matrix, axis=0) / np.maximum(counts, 1), 0.0)
            sd = np.sqrt(np.where(counts > 0, np.nansum((matrix - mean) ** 2, axis=0) / np.maximum(counts, 1), 0.0))
        active = sd > 1e-12 * np.maximum(1.0, np.abs(mean))
        self.features, self.mean, self.sd, self.l2 = names, mean, np.where(active, sd, 1.0), l2
        z = self._standardise(matrix)[:, active]

        design = np.column_stack([np.ones(len(z)), z])
        penalty = np.r_[0.0, np.full(z.shape[1], l2)]
        rate = positives / len(target)
        beta = np.r_[math.log(rate / (1 - rate)), np.zeros(z.shape[1])]

        def objective(b):
            eta = design @ b
            return float(np.sum(np.logaddexp(0.0, eta) - target * eta) + 0.5 * np.sum(penalty * b * b))

        current = objective(beta)
        self.converged, self.n_iter = False, 0
        for iteration in range(1, int(max_iter) + 1):
            self.n_iter = iteration
            p = _sigmoid(design @ beta)
            gradient = design.T @ (p - target) + penalty * beta
            weights = p * (1 - p)
            hessian = (design * weights[:, None]).T @ design + np.diag(penalty)
            hessian[np.diag_indices_from(hessian)] += 1e-10  # keeps an unpenalised fit solvable
            try:
                step = np.linalg.solve(hessian, gradient)
            except np.linalg.LinAlgError:
                step = np.linalg.lstsq(hessian, gradient, rcond=None)[0]
            size = 1.0
            while True:
                candidate = beta - size * step
                value = objective(candidate)
                if value <= current + 1e-12 * abs(current) or size < 1e-10:
                    break
                size /= 2
            change = float(np.max(np.abs(candidate - beta)))
            if value > current:  # no step lowers the objective any more: at the optimum up to rounding
                self.converged = True
                break
            beta, current = candidate, value
            if change < tol:
                self.converged = True
                break
        self.intercept = float(beta[0])
        coef = np.zeros(len(names))
        coef[active] = beta[1:]
        self.coef = coef
        return self

    # -- use --------------------------------------------------------------

    def _check_fitted(self):
        if self.coef is None:
            raise InputError(fout("Het model is nog niet gefit.",
                                  "The model is not fitted yet."))

    def decision_function(self, x):
        """The linear predictor (log odds) for ``x``."""
        self._check_fitted()
        matrix, _ = self._matrix(x, self.features)
        return self.intercept + self._standardise(matrix) @ self.coef

    def predict_proba(self, x):
        """The probability of decline for each row of ``x`` (a Series on x's index when x is a DataFrame)."""
        probability = _sigmoid(self.decision_function(x))
        if isinstance(x, (pd.DataFrame, pd.Series)):
            return pd.Series(probability, index=x.index, name="kans")
        return probability

    def coefficients(self):
        """One row per feature: ``feature``, ``coefficient`` (log odds per sd), ``odds_ratio`` (per sd),
        ``coefficient_per_eenheid`` (per unit of the feature as given), ``gemiddelde`` and ``sd``
        (training scale). Sorted as the features were given; the intercept is ``self.intercept``.
        """
        self._check_fitted()
        return pd.DataFrame(
            {
                "feature": self.features,
                "coefficient": self.coef,
                "odds_ratio": np.exp(self.coef),
                "coefficient_per_eenheid": self.coef / self.sd,
                "gemiddelde": self.mean,
                "sd": self.sd,
            }
        )


# --------------------------------------------------------------------------- train and backtest


class TrainResultaat(NamedTuple):
    """What ``train_evaluate`` returns."""

    model: LogistischModel
    kansen: pd.Series  # test probabilities, per unit of the test target group (index = code)
    rij: dict  # the evaluate() row
    uitkomst: pd.Series  # test outcomes on the same index
    risico_klasse: pd.Series  # 0/1/2 from the probability thresholds
    drempels: tuple  # (verhoogd, sterk) probability thresholds, set on the training data


def _by_code(frame):
    """The frame indexed by unit code (its ``code`` column when it has one)."""
    if "code" in frame.columns:
        return frame.set_index("code", drop=False)
    return frame


def _frame(frames_by_year, jaar):
    try:
        return _by_code(frames_by_year[jaar])
    except KeyError:
        have = ", ".join(str(j) for j in sorted(frames_by_year))
        raise InputError(fout("Geen gegevens berekend per {}; er zijn tabellen voor {}.",
                              "No data computed as of {}; there are frames for {}.", jaar, have)) from None


def _outcomes(frames_by_year, wide, t, t_uitkomst, regel):
    """Outcome per unit of the frame of year t, from ``wide`` or else the frame of year t_uitkomst."""
    source = _by_code(wide) if wide is not None else _frame(frames_by_year, t_uitkomst)
    return uitkomst(source, t, t_uitkomst, regel)


def risico_klassen(kansen, drempels):
    """Risk class 0/1/2 from probabilities: 1 from ``drempels[0]``, 2 from ``drempels[1]`` (NA stays NA)."""
    kansen = pd.Series(kansen, dtype="float64")
    klasse = pd.Series(np.where(kansen >= drempels[1], 2, np.where(kansen >= drempels[0], 1, 0)),
                       index=kansen.index, dtype="Int64")
    klasse[kansen.isna()] = pd.NA
    return klasse


def train_evaluate(frames_by_year, features, train_pairs, test_pair, l2=1.0, wide=None, regel="zwak",
                   aandelen=(0.25, 0.10), name="voorspelmodel"):
    """Train on earlier transitions and backtest on a later one.

    ``frames_by_year``: mapping year t -> a frame of units (a ``code`` column or
    the index identifies them) with the ``features`` computed **only from data
    up to t** (e.g. from ``wide_scores(as_of(tidy, t), ...)`` plus mechanism
    columns). ``train_pairs``: (t, t_uitkomst) transitions to learn from,
    stacked; ``test_pair``: the (t, t_uitkomst) to evaluate on. Outcomes
    (``uitkomst`` with ``regel``) come from ``wide`` (the full wide scores) when
    given, else from the frame of year t_uitkomst (whose ``klasse_<year>``
    columns cover t and t_uitkomst). Only the target group ('voldoende' or better
    at t) with a known outcome is used.

    No look-ahead: every training outcome year must be at or before the test
    analysis year, else InputError.

    Risk classes: the thresholds are the probabilities above which the top
    ``aandelen`` = (25 %, 10 %) of the training rows fall (verhoogd, sterk), set on
    the training data only and applied to the test year.

    Returns a ``TrainResultaat(model, kansen, rij, uitkomst, risico_klasse, drempels)``.
    """
    features = list(features)
    if not features:
        raise InputError(fout("Het model heeft minstens één kenmerk nodig.",
                              "The model needs at least one feature."))
    t_test, t_test_uitkomst = (int(j) for j in test_pair)
    train_pairs = [(int(a), int(b)) for a, b in train_pairs]
    if not train_pairs:
        raise InputError(fout("Het model heeft minstens één eerdere overgang nodig om op te trainen.",
                              "The model needs at least one earlier transition to train on."))
    late = [f"{a}→{b}" for a, b in train_pairs if b > t_test]
    if late:
        raise InputError(
            fout("Trainingsovergang(en) {} eindigen na het testjaar {}: hun uitkomsten waren toen nog niet bekend.",
                 "Training transition(s) {} end after the test year {}: their outcomes were not known then.", ', '.join(late), t_test)
        )
    blocks, targets = [], []
    for t, t_uitkomst in train_pairs:
        frame = _frame(frames_by_year, t)
        outcome = _outcomes(frames_by_year, wide, t, t_uitkomst, regel).reindex(frame.index)
        known = outcome.notna().to_numpy()
        missing = [f for f in features if f not in frame.columns]
        if missing:
            raise InputError(fout("Kenmerkkolom(men) {} ontbreken in de gegevens per {}.",
                                  "Feature column(s) {} missing from the data as of {}.", examples(missing), t))
        blocks.append(frame.loc[known, features])
        targets.append(outcome[known].to_numpy(dtype="float64"))
    x = pd.concat(blocks, ignore_index=True)
    y = np.concatenate(targets)
    model = LogistischModel().fit(x, y, l2=l2)

    training = model.predict_proba(x).to_numpy()
    drempels = tuple(float(np.quantile(training, 1 - a)) for a in aandelen)

    frame = _frame(frames_by_year, t_test)
    outcome = _outcomes(frames_by_year, wide, t_test, t_test_uitkomst, regel).reindex(frame.index)
    target_group = outcome.notna()
    test = frame.loc[target_group.to_numpy()]
    kansen = model.predict_proba(test[features])
    outcome = outcome[target_group.to_numpy()]
    klasse = risico_klassen(kansen, drempels)
    rij = evaluate(name, kansen, klasse, outcome)
    rij["trainparen"] = ", ".join(f"{a}→{b}" for a, b in train_pairs)
    rij["testpaar"] = f"{t_test}→{t_test_uitkomst}"
    return TrainResultaat(model, kansen, rij, outcome, klasse, drempels)
