"""Backtest: how well did a signal, computed as of an earlier year, foresee what really happened?

Everything here works on plain arrays and Series (no QGIS), so the same numbers
feed the Processing algorithm, the report and the tests:

- ``uitkomst``: the outcome per unit between analysis year t and a later year;
- ``roc_auc`` / ``roc_curve``: how well a continuous score ranks the decliners first;
- ``per_klasse`` / ``lift``: precision and recall of the risk classes 0/1/2, and the
  lift of a class over the base rate;
- ``precision_recall``: precision, recall and lift of a 0/1 signal;
- ``weighted_auc``: the AUC with a weight per unit, for the bootstrap;
- ``evaluate``: one row of the backtest table (per mechanism and for the profile),
  with 95 % bootstrap intervals for the AUC and the lifts;
- ``lift_curve``: share of units flagged against decline rate / base rate, for a chart;
- ``html_report``: a self-contained HTML summary with hand-drawn SVG charts.

Outcomes are coded 1.0 (declined), 0.0 (did not) and NA (unknown or outside the
target group); every function drops the units whose outcome (or score / class)
is missing before counting.
"""

import contextlib
import html
import math
import os
import secrets
from pathlib import Path

import numpy as np
import pandas as pd

from .classes import VOLDOENDE
from .errors import InputError

# The outcome rules in plain words, (Dutch, English): the one definition of decline that
# docstrings, reports and dialogs show.
ACHTERUITGANG = {
    "zwak": ("viel van 'voldoende' of beter naar 'zwak' of lager",
             "fell from 'voldoende' or better to 'zwak' or lower"),
    "klasse": ("zakte vanuit 'voldoende' of beter minstens één klasse",
               "dropped at least one class from 'voldoende' or better"),
}
REGELS = tuple(ACHTERUITGANG)
RISICO_KLASSEN = (0, 1, 2)


# --------------------------------------------------------------------------- outcome


def _regel(regel):
    """The outcome rule, checked: 'zwak' or 'klasse'."""
    name = str(regel).strip().lower()
    if name not in REGELS:
        raise InputError(f"Outcome rule '{name}': expected one of {', '.join(REGELS)}.")
    return name


def _met_regels(function):
    """Write the words of ``ACHTERUITGANG`` into the docstring, so the rules are worded once."""
    if function.__doc__:
        regels = "\n    ".join(f"``regel='{regel}'``: 1.0 when the unit {en},\n        else 0.0 (Dutch: {nl})."
                                for regel, (nl, en) in ACHTERUITGANG.items())
        function.__doc__ = function.__doc__.replace("{regels}", regels)
    return function


@_met_regels
def uitkomst(units, t, t_uitkomst, regel="zwak"):
    """What really happened to each unit between analysis year ``t`` and ``t_uitkomst``.

    Reads the columns ``klasse_<t>`` and ``klasse_<t_uitkomst>`` (as made by
    ``core.scores.wide_scores``). The target group is the units 'voldoende' or
    better at t (class >= ``VOLDOENDE`` = 5): the instrument asks which of those
    will decline.

    {regels}

    In class numbers: 'zwak' is class <= 4 at t_uitkomst; 'klasse' is a lower
    class at t_uitkomst than at t.

    NA (pd.NA) when either class is missing (the unit was not measured, e.g. not
    yet built) or the unit was not in the target group at t. Returns a Float64
    Series named ``uitkomst`` on the index of ``units``.
    """
    regel = _regel(regel)
    t, t_uitkomst = int(t), int(t_uitkomst)
    if t_uitkomst <= t:
        raise InputError(f"The outcome year ({t_uitkomst}) must be later than the analysis year ({t}).")
    columns = []
    for jaar in (t, t_uitkomst):
        column = f"klasse_{jaar}"
        if column not in units.columns:
            found = sorted(c[len("klasse_"):] for c in units.columns if str(c).startswith("klasse_"))
            raise InputError(
                f"No classes for {jaar} (column {column}); the scores have the years "
                f"{', '.join(found) if found else 'none'}."
            )
        columns.append(pd.to_numeric(units[column], errors="coerce").astype("float64").to_numpy())
    voor, na = columns
    known = ~np.isnan(voor) & ~np.isnan(na) & (voor >= VOLDOENDE)
    declined = na < VOLDOENDE if regel == "zwak" else na < voor
    values = pd.array(np.where(declined, 1.0, 0.0), dtype="Float64")
    values[~known] = pd.NA
    return pd.Series(values, index=units.index, name="uitkomst")


# --------------------------------------------------------------------------- helpers


def _floats(values):
    """A float64 array from a list, array or (nullable) Series; NA and None become NaN."""
    if isinstance(values, pd.Series):
        series = values
    elif hasattr(values, "dtype"):
        series = pd.Series(values)
    else:
        values = list(values)
        series = pd.Series(values) if values else pd.Series([], dtype="float64")
    if pd.api.types.is_bool_dtype(series):
        series = series.astype("Float64")
    numbers = pd.to_numeric(series, errors="coerce")
    return numbers.to_numpy(dtype="float64", na_value=np.nan)


def _pairs(a, b):
    """Two float arrays of equal length, with the positions where either is NaN dropped."""
    a, b = _floats(a), _floats(b)
    if len(a) != len(b):
        raise InputError(f"Scores and outcomes differ in length ({len(a)} and {len(b)}).")
    keep = ~np.isnan(a) & ~np.isnan(b)
    a, b = a[keep], b[keep]
    bad = (b != 0) & (b != 1)
    if bad.any():
        raise InputError(f"Outcomes must be 0 or 1 (or missing); found {b[bad][0]:g}.")
    return a, b


def _ratio(a, b):
    return float(a) / float(b) if b else math.nan


# --------------------------------------------------------------------------- ROC


def roc_auc(scores, outcomes):
    """Area under the ROC curve: the chance a decliner scores higher than a non-decliner.

    Rank-based (Mann-Whitney U) with average ranks, so a tie counts 1/2. Pairs
    where the score or the outcome is missing are dropped. NaN when only one
    outcome class is left.
    """
    s, y = _pairs(scores, outcomes)
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        return math.nan
    ranks = pd.Series(s).rank(method="average").to_numpy()
    u = ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))


def roc_curve(scores, outcomes):
    """False and true positive rates when flagging every unit with score >= threshold.

    Returns ``(fpr, tpr, thresholds)`` as arrays, starting at (0, 0) with
    threshold +inf and ending at (1, 1) with the lowest score; one point per
    distinct score (ties step diagonally, as the AUC counts them). The
    trapezoid area under the curve equals ``roc_auc``. Rates are NaN when a
    class has no units.
    """
    s, y = _pairs(scores, outcomes)
    order = np.argsort(-s, kind="mergesort")
    s, y = s[order], y[order]
    last_of_tie = np.r_[np.flatnonzero(np.diff(s) != 0), len(s) - 1] if len(s) else np.array([], dtype=int)
    tp = np.cumsum(y)[last_of_tie]
    fp = np.cumsum(1 - y)[last_of_tie]
    n_pos, n_neg = y.sum(), len(y) - y.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        tpr = np.r_[0.0, tp / n_pos] if n_pos else np.full(len(tp) + 1, np.nan)
        fpr = np.r_[0.0, fp / n_neg] if n_neg else np.full(len(fp) + 1, np.nan)
    thresholds = np.r_[np.inf, s[last_of_tie]]
    return fpr, tpr, thresholds


# --------------------------------------------------------------------------- risk classes


def per_klasse(risico_klasse, outcomes):
    """Precision and recall of the risk classes 0, 1 and 2.

    One row per class k (column ``risicoklasse``):

    - ``n``, ``n_positief``: units in class k and how many of them declined;
    - ``precision``: the share of class k that declined (NaN when empty);
    - ``recall``: the **recall of class >= k**: the share of all decliners in
      class k or higher (flagging everything from k up); so class 0 has
      recall 1 whenever there are decliners;
    - ``precision_vanaf``: the share that declined in class >= k;
    - ``lift``: ``precision_vanaf`` / ``basisratio``;
    - ``basisratio``: the share of all units (with a class and outcome) that declined.

    Units with a missing class or outcome are left out.
    """
    k, y = _pairs(risico_klasse, outcomes)
    unknown = ~np.isin(k, RISICO_KLASSEN)
    if unknown.any():
        raise InputError(f"Risk classes must be 0, 1 or 2; found {k[unknown][0]:g}.")
    total_pos = y.sum()
    basis = _ratio(total_pos, len(y))
    rows = []
    for klasse in RISICO_KLASSEN:
        here, vanaf = k == klasse, k >= klasse
        pos_vanaf = y[vanaf].sum()
        precision_vanaf = _ratio(pos_vanaf, vanaf.sum())
        rows.append(
            {
                "risicoklasse": klasse,
                "n": int(here.sum()),
                "n_positief": int(y[here].sum()),
                "precision": _ratio(y[here].sum(), here.sum()),
                "recall": _ratio(pos_vanaf, total_pos),
                "precision_vanaf": precision_vanaf,
                "lift": _ratio(precision_vanaf, basis) if basis == basis else math.nan,
                "basisratio": basis,
            }
        )
    return pd.DataFrame(rows)


def lift(risico_klasse, outcomes, klasse=2):
    """Decline rate among the units in risk class >= ``klasse``, divided by the base rate.

    NaN when no unit is in class >= ``klasse``, when there are no units, or when
    nobody declined (base rate 0).
    """
    k, y = _pairs(risico_klasse, outcomes)
    flagged = k >= klasse
    basis = _ratio(y.sum(), len(y))
    rate = _ratio(y[flagged].sum(), flagged.sum())
    if not basis or math.isnan(basis) or math.isnan(rate):
        return math.nan
    return rate / basis


# --------------------------------------------------------------------------- signal


def _signaal(signaal, risico_klasse):
    """The 0/1 signal per unit as floats (NaN = unknown), or None when there is none.

    Without an explicit ``signaal`` the risk profile signals from class 1
    ('verhoogd') up, so its row fills the same columns as a mechanism's.
    """
    if signaal is not None:
        values = _floats(signaal)
        bad = ~np.isnan(values) & (values != 0) & (values != 1)
        if bad.any():
            raise InputError(f"Signals must be 0 or 1 (or missing); found {values[bad][0]:g}.")
        return values
    if risico_klasse is not None:
        klasse = _floats(risico_klasse)
        return np.where(np.isnan(klasse), np.nan, (klasse >= 1).astype("float64"))
    return None


def precision_recall(signaal, outcomes):
    """Precision, recall and lift of a 0/1 signal, over the units whose signal and outcome are known.

    Returns a dict: ``n_signaal`` (units with a signal), ``precision_signaal``
    (the share of them that declined), ``recall_signaal`` (the share of all
    decliners that had a signal) and ``lift_signaal`` (precision over the base
    rate of the same units). Rates are NaN when undefined (nobody signalled,
    nobody declined).
    """
    s, y = _pairs(_signaal(signaal, None), outcomes)
    flagged = s == 1
    hits, total = y[flagged].sum(), y.sum()
    precision = _ratio(hits, flagged.sum())
    basis = _ratio(total, len(y))
    return {
        "n_signaal": int(flagged.sum()),
        "precision_signaal": precision,
        "recall_signaal": _ratio(hits, total),
        "lift_signaal": precision / basis if basis and not math.isnan(precision) else math.nan,
    }


# --------------------------------------------------------------------------- bootstrap

BOOTSTRAP_INTERVAL = (2.5, 97.5)  # percentiles: a 95 % interval
_BATCH_ELEMENTS = 1 << 21  # draws (resamples x units) per batch: bounds the memory, whatever the resamples


def _auc_plan(scores, outcomes):
    """Sort the scores once, for any number of weighted AUCs.

    Returns ``order`` (the units as: non-decliners by rising score, then
    decliners, then units with a missing score or outcome), the number of
    non-decliners, and per decliner how many non-decliners score lower (``lo``)
    and lower or equal (``hi``). In that order a resample reads its weights as
    two contiguous blocks.
    """
    valid = ~np.isnan(scores) & ~np.isnan(outcomes)
    negative = np.flatnonzero(valid & (outcomes == 0))
    negative = negative[np.argsort(scores[negative], kind="mergesort")]
    positive = np.flatnonzero(valid & (outcomes == 1))
    ordered = scores[negative]
    lo = np.searchsorted(ordered, scores[positive], side="left")
    hi = np.searchsorted(ordered, scores[positive], side="right")
    order = np.concatenate([negative, positive, np.flatnonzero(~valid)])
    return order, len(negative), lo, hi


def _auc_weighted(weights, n_negative, lo, hi):
    """The AUC per row of ``weights`` (resamples x units, in the order of ``_auc_plan``).

    Each decliner adds its weight times the weight of the non-decliners below it
    plus half the weight of those tied with it, as in ``roc_auc``: with the
    cumulative weights ``below`` that is (below[lo] + below[hi]) / 2. Integer
    weights stay integers until the final division, so the sums are exact.
    NaN where the decliners or the non-decliners have no weight.
    """
    below = np.zeros((len(weights), n_negative + 1), dtype=np.result_type(weights.dtype, np.int64))
    np.cumsum(weights[:, :n_negative], axis=1, out=below[:, 1:])
    w_positive = weights[:, n_negative:n_negative + len(lo)]
    twice = np.einsum("ij,ij->i", w_positive, below[:, lo] + below[:, hi])
    pairs = 2 * w_positive.sum(axis=1) * below[:, -1]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(pairs > 0, twice / np.maximum(pairs, 1), np.nan)


def weighted_auc(scores, outcomes, weights):
    """The ROC AUC when each unit counts ``weights`` times (a weight of 2 = the unit twice).

    ``weights`` is one weight per unit, or a matrix with one row of weights per
    resample (then one AUC per row is returned). Units with a missing score or
    outcome are left out, as in ``roc_auc``; ties count 1/2.
    """
    s, y = _floats(scores), _floats(outcomes)
    w = np.asarray(weights)
    if not len(s) == len(y) == w.shape[-1]:
        raise InputError(f"Scores, outcomes and weights differ in length ({len(s)}, {len(y)}, {w.shape[-1]}).")
    order, n_negative, lo, hi = _auc_plan(s, y)
    result = _auc_weighted(np.atleast_2d(w)[:, order], n_negative, lo, hi)
    return float(result[0]) if w.ndim == 1 else result


def _lift_counts(values, drempel, outcomes):
    """0/1 columns to count a lift with: known, known & declined, flagged, flagged & declined.

    ``values`` are risk classes or a 0/1 signal; flagged means ``values >= drempel``;
    known means both the value and the outcome are.
    """
    known = ~np.isnan(values) & ~np.isnan(outcomes)
    flagged = known & (values >= drempel)
    declined = outcomes == 1
    return np.column_stack([known, known & declined, flagged, flagged & declined]).astype(np.uint8)


def _lift_weighted(counts):
    """Lift from weighted counts (columns as ``_lift_counts``): (fy / f) / (ky / k); NaN if undefined."""
    known, known_declined, flagged, flagged_declined = counts.T
    with np.errstate(invalid="ignore", divide="ignore"):
        value = (flagged_declined * known) / (flagged * known_declined)
    return np.where((flagged > 0) & (known_declined > 0), value, np.nan)


def _profiles(columns):
    """Group units with the same 0/1 columns: (a profile number per unit, the columns of each profile).

    A resample then only has to count how often each profile was drawn.
    """
    code = np.zeros(len(columns), dtype=np.int64)
    for bit in range(columns.shape[1]):  # a column at a time: no int64 copy of the whole matrix
        code |= columns[:, bit].astype(np.int64) << bit
    _, first, number = np.unique(code, return_index=True, return_inverse=True)
    return number.reshape(-1).astype(np.int32), columns[first]


def _draw_counts(keys, size):
    """How often each of ``size`` keys was drawn, per resample (one row of ``keys`` per resample)."""
    rows = len(keys)
    keys = keys + (np.arange(rows, dtype=keys.dtype) * size)[:, None]  # one bincount for all rows
    return np.bincount(keys.ravel(), minlength=rows * size).reshape(rows, size)


def _bootstrap(n, auc_plan, lift_plan, bootstrap, seed):
    """Per resample of ``n`` units (with replacement): the AUC and each lift (NaN where undefined).

    ``auc_plan`` is (n_negative, lo, hi) for units in ``_auc_plan`` order, or
    None; ``lift_plan`` is (names, profile per unit, profile columns), or None.
    Resamples are drawn in batches of about ``_BATCH_ELEMENTS`` draws, so the
    memory does not grow with the number of resamples; a resample is a row of
    unit numbers, counted into weights per unit (AUC) and per profile (lifts).
    """
    rng = np.random.default_rng(seed)
    names = lift_plan[0] if lift_plan else []
    values = {name: np.full(bootstrap, np.nan) for name in ["auc", *names]}
    batch = max(1, min(bootstrap, _BATCH_ELEMENTS // n))
    dtype = np.int32 if batch * n < 2**31 else np.int64  # int32 draws are faster; keys stay below batch x n
    for start in range(0, bootstrap, batch):
        stop = min(bootstrap, start + batch)
        draws = rng.integers(0, n, size=(stop - start, n), dtype=dtype)
        if auc_plan is not None:
            values["auc"][start:stop] = _auc_weighted(_draw_counts(draws, n), *auc_plan)
        if lift_plan is not None:
            _, profile, columns = lift_plan
            counts = _draw_counts(profile[draws], len(columns)) @ columns
            for i, name in enumerate(names):
                values[name][start:stop] = _lift_weighted(counts[:, 4 * i:4 * i + 4])
    return values


def _interval(values):
    """The 95 % percentile interval of the defined values; NaN when more than half are undefined."""
    defined = values[np.isfinite(values)]
    if not len(values) or 2 * len(defined) < len(values):
        return math.nan, math.nan
    low, high = np.percentile(defined, BOOTSTRAP_INTERVAL)
    return float(low), float(high)


def _intervals(y, scores, risico_klasse, signal, bootstrap, seed):
    """``<figure>_laag`` / ``<figure>_hoog`` for the AUC and the lifts, from resampling the units
    with a known outcome (NaN when switched off, when there is no such figure, or when undefined).
    """
    figures = ("auc", "lift_signaal", "lift_verhoogd", "lift_sterk")
    result = {f"{figure}_{end}": math.nan for figure in figures for end in ("laag", "hoog")}
    known = ~np.isnan(y)
    if not bootstrap or not known.any():
        return result
    units, auc_plan = np.flatnonzero(known), None
    if scores is not None:
        order, *auc_plan = _auc_plan(_floats(scores)[units], y[units])
        units = units[order]
    y = y[units]
    lifts = {}
    if signal is not None:
        lifts["lift_signaal"] = _lift_counts(signal[units], 1, y)
    if risico_klasse is not None:
        klasse = _floats(risico_klasse)[units]
        lifts["lift_verhoogd"] = _lift_counts(klasse, 1, y)
        lifts["lift_sterk"] = _lift_counts(klasse, 2, y)
    lift_plan = (list(lifts), *_profiles(np.hstack(list(lifts.values())))) if lifts else None
    for figure, values in _bootstrap(len(y), auc_plan, lift_plan, bootstrap, seed).items():
        result[f"{figure}_laag"], result[f"{figure}_hoog"] = _interval(values)
    return result


# --------------------------------------------------------------------------- one row


def _outcome_floats(outcomes):
    """Outcomes as floats (NaN = unknown), checked to be 0 or 1."""
    y = _floats(outcomes)
    bad = ~np.isnan(y) & (y != 0) & (y != 1)
    if bad.any():
        raise InputError(f"Outcomes must be 0 or 1 (or missing); found {y[bad][0]:g}.")
    return y


def _bootstrap_count(bootstrap):
    count = int(bootstrap)
    if count < 0:
        raise InputError(f"The number of bootstrap resamples must be 0 or more, got {bootstrap}.")
    return count


def evaluate(name, scores, risico_klasse, outcomes, *, signaal=None, bootstrap=1000, seed=0):
    """One row of the backtest table, as a dict.

    ``scores`` (higher = more risk) give the AUC; ``risico_klasse`` (0/1/2) give
    precision and recall per class and the lifts. Either may be None (then its
    numbers are NaN). ``n`` and ``basisratio`` count the units with a known
    outcome.

    ``signaal`` (0/1 per unit, NaN = unknown) gives ``n_signaal``,
    ``precision_signaal``, ``recall_signaal`` and ``lift_signaal`` (see
    ``precision_recall``); without it the signal is ``risico_klasse >= 1``
    ('verhoogd' or higher), and without both these are NaN.

    ``bootstrap`` resamples (0 = none) of the units with a known outcome give
    95 % percentile intervals ``auc_laag``/``auc_hoog`` and likewise for
    ``lift_signaal``, ``lift_verhoogd`` and ``lift_sterk``; ``seed`` makes them
    reproducible. A resample where a figure is undefined (no decliner, nobody
    flagged) is skipped; when more than half are, the interval is NaN. With few
    decliners the intervals are wide, as they should be.
    """
    y = _outcome_floats(outcomes)
    bootstrap = _bootstrap_count(bootstrap)
    known = ~np.isnan(y)
    signal = _signaal(signaal, risico_klasse)
    row = {
        "naam": str(name),
        "n": int(known.sum()),
        "n_positief": int(np.nansum(y)),
        "basisratio": _ratio(np.nansum(y), known.sum()),
        "auc": roc_auc(scores, y) if scores is not None else math.nan,
    }
    if signal is not None:
        row.update(precision_recall(signal, y))
    else:
        row.update(dict.fromkeys(("n_signaal", "precision_signaal", "recall_signaal", "lift_signaal"), math.nan))
    if risico_klasse is not None:
        table = per_klasse(risico_klasse, y).set_index("risicoklasse")
        row["lift_sterk"] = lift(risico_klasse, y, 2)
        row["lift_verhoogd"] = lift(risico_klasse, y, 1)
    else:
        table = None
        row["lift_sterk"] = row["lift_verhoogd"] = math.nan
    for klasse in RISICO_KLASSEN:
        for column in ("n", "precision", "recall"):
            value = table.at[klasse, column] if table is not None else math.nan
            row[f"{column}_{klasse}"] = int(value) if column == "n" and table is not None else float(value)
    row.update(_intervals(y, scores, risico_klasse, signal, bootstrap, seed))
    return row


def lift_curve(scores, outcomes, steps=10):
    """Flag the highest-scoring share of units, for shares 1/steps, 2/steps, ..., 1.

    Columns: ``aandeel`` (share flagged), ``n_gesignaleerd``, ``n_positief``,
    ``precision`` (decline rate among the flagged), ``recall`` (share of all
    decliners flagged), ``lift`` (precision / base rate). At each share the
    ceil(share x n) highest scores are flagged; ties at the cut are broken by
    input order, so the curve is deterministic.
    """
    s, y = _pairs(scores, outcomes)
    steps = max(int(steps), 1)
    order = np.argsort(-s, kind="mergesort")
    hits = np.cumsum(y[order])
    n, total = len(y), y.sum()
    basis = _ratio(total, n)
    rows = []
    for step in range(1, steps + 1):
        aandeel = step / steps
        count = min(n, int(math.ceil(aandeel * n - 1e-9)))
        positief = float(hits[count - 1]) if count else 0.0
        precision = _ratio(positief, count)
        rows.append(
            {
                "aandeel": aandeel,
                "n_gesignaleerd": count,
                "n_positief": int(positief),
                "precision": precision,
                "recall": _ratio(positief, total),
                "lift": precision / basis if basis and not math.isnan(precision) else math.nan,
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- report

_TABEL_SIGNAAL = (
    ("naam", "Naam (name)"),
    ("n", "n"),
    ("n_positief", "Achteruitgang (declined)"),
    ("basisratio", "Basisratio (base rate)"),
    ("auc", "ROC AUC (95 %-interval)"),
    ("n_signaal", "Gesignaleerd (flagged)"),
    ("precision_signaal", "Precisie signaal (precision)"),
    ("recall_signaal", "Recall signaal"),
    ("lift_signaal", "Lift signaal (95 %-interval)"),
)
_TABEL_KLASSEN = (
    ("naam", "Naam (name)"),
    ("lift_verhoogd", "Lift verhoogd+ (lift class ≥ 1)"),
    ("lift_sterk", "Lift sterk verhoogd (lift class 2)"),
    ("precision_2", "Precisie 2 (precision)"),
    ("recall_2", "Recall ≥ 2"),
    ("precision_1", "Precisie 1 (precision)"),
    ("recall_1", "Recall ≥ 1"),
)
_MET_INTERVAL = ("auc", "lift_signaal", "lift_verhoogd", "lift_sterk")
WEINIG_ACHTERUITGANG = 20  # fewer decliners than this: the report warns that the figures are very uncertain
_KLEUREN = ("#1b6ca8", "#d1495b", "#2e933c", "#edae49", "#6a4c93", "#00798c", "#8d6a9f", "#595959")
_NEDERLANDS = str.maketrans(",.", ".,")


def _getal(number, decimals):
    """A number in Dutch notation: a dot between thousands and a decimal comma (1.234,5)."""
    return f"{number:,.{decimals}f}".translate(_NEDERLANDS)


def _number(value):
    """``value`` as a finite float, or None (for None, NaN, NA, infinity and text)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _fmt(value, column=""):
    """A table cell: counts as 1.234, shares as 12,5 %, other figures as 0,75; '–' when missing."""
    if isinstance(value, str):
        return html.escape(value)
    number = _number(value)
    if number is None:
        missing = value is None or value is pd.NA or isinstance(value, (float, np.floating))  # NaN, inf
        return "–" if missing else html.escape(str(value))
    if column in ("n", "n_positief") or (column.startswith("n_") and number == int(number)):
        return _getal(number, 0)
    if column == "basisratio" or column.startswith(("precision", "recall")):
        return f"{_getal(100 * number, 1)} %"
    return _getal(number, 2)


def _cel(row, column):
    """A cell with its 95 % interval in brackets when the row has one: 0,91 (0,84–0,96)."""
    text = _fmt(row.get(column), column)
    low, high = _number(row.get(f"{column}_laag")), _number(row.get(f"{column}_hoog"))
    if column in _MET_INTERVAL and low is not None and high is not None:
        text += f" ({_fmt(low, column)}–{_fmt(high, column)})"
    return text


def _table(rows, columns):
    head = "".join(f"<th>{html.escape(label)}</th>" for _, label in columns)
    body = "\n".join("<tr>" + "".join(f"<td>{_cel(row, key)}</td>" for key, _ in columns) + "</tr>" for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _has_classes(row):
    return any(_number(row.get(key)) is not None for key in ("lift_verhoogd", "lift_sterk", "n_0", "n_1", "n_2"))


def _achteruitgang_html(regel):
    """The decline rule in words: the chosen one, or both when the caller did not say which."""
    if regel is not None:
        nl, en = ACHTERUITGANG[_regel(regel)]
        return f"<p><strong>Achteruitgang (decline):</strong> {html.escape(nl)} ({html.escape(en)}).</p>"
    items = "".join(f"<li>{html.escape(name)}: {html.escape(nl)} ({html.escape(en)})</li>"
                    for name, (nl, en) in ACHTERUITGANG.items())
    return f"<p><strong>Achteruitgang (decline)</strong>, per regel (per rule):</p>\n<ul>{items}</ul>"


def _weinig_html(rows):
    """A warning naming the rows with fewer than ``WEINIG_ACHTERUITGANG`` decliners (none: empty)."""
    few = []
    for row in rows:
        count = _number(row.get("n_positief"))
        if count is not None and count < WEINIG_ACHTERUITGANG:
            few.append(f"{row.get('naam')} ({_getal(count, 0)})")
    if not few:
        return ""
    return (f'<p class="let-op"><strong>Let op (note):</strong> weinig achteruitgang bij {html.escape(", ".join(few))}: '
            f"deze getallen zijn zeer onzeker (few decliners: these figures are very uncertain).</p>")


_UITLEG = f"""<p>Signaal (signal): de eenheden die gesignaleerd waren; bij het risicoprofiel is dat risicoklasse
'verhoogd' of hoger (for the risk profile: risk class 'verhoogd' or higher). Precisie: het aandeel van de
gesignaleerde eenheden dat achteruitging (share of the flagged units that declined). Recall: het aandeel van
alle achteruitgaande eenheden dat gesignaleerd was (share of all decliners that were flagged). Lift: precisie
gedeeld door de basisratio; 1 is niet beter dan toeval (precision over the base rate; 1 is no better than
chance). ROC AUC: de kans dat een eenheid die achteruitging hoger scoorde dan een die dat niet deed; 0,5 is
toeval (the chance that a decliner scored higher than a non-decliner; 0,5 is chance).</p>
<p>Tussen haakjes staat het 95 %-interval (95 % interval). Het is bepaald door de eenheden met een bekende
uitkomst vele keren opnieuw te trekken, met teruglegging, en het getal telkens opnieuw te berekenen
(bootstrap: resampling the units with a known outcome). Het interval laat zien hoeveel het getal door toeval
kan verschillen: hoe breder, hoe onzekerder (the wider the interval, the less certain the figure). Bij weinig
achteruitgang, minder dan {WEINIG_ACHTERUITGANG} eenheden, zijn alle getallen erg onzeker, ook de intervallen
zelf (with fewer than {WEINIG_ACHTERUITGANG} decliners all figures are very uncertain, the intervals
included). Een streepje (–) betekent: niet te berekenen (a dash means: cannot be computed).</p>"""


def _kort(number):
    """A short axis label in Dutch notation (two significant digits)."""
    return f"{number:.2g}".replace(".", ",")


def _svg_chart(series, title, xlabel, ylabel, ymax=1.0, diagonal=False, baseline=None):
    """A line chart as inline SVG: ``series`` is a list of (name, xs, ys) with x in 0..1."""
    width, height, left, right, top, bottom = 460, 340, 56, 150, 30, 48
    plot_w, plot_h = width - left - right, height - top - bottom
    ymax = ymax if ymax and math.isfinite(ymax) and ymax > 0 else 1.0

    def px(x):
        return left + plot_w * x

    def py(yv):
        return top + plot_h * (1 - yv / ymax)

    parts = [
        f'<svg width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{html.escape(title)}">',
        f'<text x="{left}" y="18" font-size="13" font-weight="bold">{html.escape(title)}</text>',
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#999"/>',
    ]
    for i in range(6):
        fraction = i / 5
        x, y = px(fraction), py(fraction * ymax)
        parts.append(f'<line x1="{x:.1f}" y1="{top + plot_h}" x2="{x:.1f}" y2="{top + plot_h + 4}" stroke="#999"/>')
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 16}" font-size="10" text-anchor="middle">'
                     f'{_getal(fraction, 1)}</text>')
        parts.append(f'<line x1="{left - 4}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#eee"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 3:.1f}" font-size="10" text-anchor="end">'
                     f'{_kort(fraction * ymax)}</text>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 10}" font-size="11" text-anchor="middle">'
                 f'{html.escape(xlabel)}</text>')
    parts.append(f'<text x="14" y="{top + plot_h / 2:.1f}" font-size="11" text-anchor="middle" '
                 f'transform="rotate(-90 14 {top + plot_h / 2:.1f})">{html.escape(ylabel)}</text>')
    if diagonal:
        parts.append(f'<line x1="{px(0):.1f}" y1="{py(0):.1f}" x2="{px(1):.1f}" y2="{py(ymax):.1f}" '
                     'stroke="#aaa" stroke-dasharray="4 3"/>')
    if baseline is not None and baseline <= ymax:
        parts.append(f'<line x1="{px(0):.1f}" y1="{py(baseline):.1f}" x2="{px(1):.1f}" y2="{py(baseline):.1f}" '
                     'stroke="#aaa" stroke-dasharray="4 3"/>')
    for i, (name, xs, ys) in enumerate(series):
        colour = _KLEUREN[i % len(_KLEUREN)]
        points = [(x, y) for x, y in zip(xs, ys) if math.isfinite(x) and math.isfinite(y)]
        if points:
            coords = " ".join(f"{px(x):.1f},{py(min(y, ymax)):.1f}" for x, y in points)
            parts.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"/>')
        ly = top + 12 + 16 * i
        parts.append(f'<line x1="{left + plot_w + 10}" y1="{ly - 4}" x2="{left + plot_w + 26}" y2="{ly - 4}" '
                     f'stroke="{colour}" stroke-width="2"/>')
        parts.append(f'<text x="{left + plot_w + 30}" y="{ly}" font-size="10">{html.escape(str(name)[:22])}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def html_report(title, rows, curves, path, notes=(), *, instellingen=None, regel=None):
    """Write a self-contained HTML backtest summary to ``path`` (no scripts, no internet).

    ``rows``: the ``evaluate`` dicts (per mechanism and for the profile), shown
    as tables with the 95 % intervals. ``curves``: a mapping name -> (scores,
    outcomes); from these the report draws an inline SVG ROC curve and an inline
    SVG lift chart (decline rate of the flagged share over the base rate).
    ``notes``: paragraphs of plain text shown under the title. ``regel``: the
    outcome rule used ('zwak' or 'klasse'), described in words (without it both
    rules are). ``instellingen``: a multi-line text of the settings that produced
    the numbers, shown as is. Numbers are in Dutch notation (0,75; 12,5 %; 1.234).
    The file is written to a temporary file beside ``path`` and renamed, so it
    is either complete or absent. Returns the path.
    """
    path = Path(path)
    rows = list(rows)
    curves = dict(curves or {})
    roc_series, lift_series, lift_max = [], [], 1.0
    for name, (scores, outcomes) in curves.items():
        fpr, tpr, _ = roc_curve(scores, outcomes)
        auc = roc_auc(scores, outcomes)
        label = f"{name} ({_getal(auc, 2)})" if math.isfinite(auc) else str(name)
        roc_series.append((label, fpr.tolist(), tpr.tolist()))
        table = lift_curve(scores, outcomes, steps=20)
        xs = [0.0] + table["aandeel"].tolist()
        ys = table["lift"].tolist()
        ys = [ys[0] if ys else math.nan] + ys
        lift_series.append((str(name), xs, ys))
        finite = [y for y in ys if math.isfinite(y)]
        if finite:
            lift_max = max(lift_max, max(finite))
    lift_max = math.ceil(lift_max)
    roc_svg = _svg_chart(roc_series, "ROC-curve (ROC curve)", "Fout-positief (false positive rate)",
                         "Terecht-positief (true positive rate)", diagonal=True)
    lift_svg = _svg_chart(lift_series, "Lift (lift chart)", "Aandeel gesignaleerd (share flagged)",
                          "Lift t.o.v. basisratio (lift over base rate)", ymax=lift_max, baseline=1.0)
    notes_html = "".join(f"<p>{html.escape(str(note))}</p>" for note in notes)
    class_rows = [row for row in rows if _has_classes(row)]
    classes_html = "" if not class_rows else f"""<h2>Risicoklassen (risk classes)</h2>
{_table(class_rows, _TABEL_KLASSEN)}
<p>Recall ≥ k: aandeel van alle achteruitgaande eenheden in risicoklasse k of hoger
(share of all decliners in risk class k or higher). Lift: aandeel achteruitgang in de klasse
gedeeld door de basisratio (decline rate in the class over the base rate).</p>
"""
    settings_html = ""
    if instellingen is not None and str(instellingen).strip():
        settings = html.escape(str(instellingen).strip("\n"))
        settings_html = f"<h2>Instellingen (settings)</h2>\n<pre>{settings}</pre>\n"
    document = f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>{html.escape(str(title))}</title>
<style>
body {{ font-family: sans-serif; margin: 1.5em; color: #222; }}
p {{ max-width: 60em; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border: 1px solid #ccc; padding: 3px 8px; text-align: right; font-size: 13px; white-space: nowrap; }}
th {{ background: #f2f2f2; }}
td:first-child, th:first-child {{ text-align: left; }}
.let-op {{ color: #8a1c1c; }}
pre {{ background: #f7f7f7; border: 1px solid #ddd; padding: 0.6em; }}
.charts svg {{ margin-right: 1.5em; }}
</style>
</head>
<body>
<h1>{html.escape(str(title))}</h1>
{notes_html}
{_achteruitgang_html(regel)}
<h2>Resultaten (results)</h2>
{_table(rows, _TABEL_SIGNAAL)}
{_weinig_html(rows)}
{_UITLEG}
{classes_html}<h2>Grafieken (charts)</h2>
<div class="charts">
{roc_svg}
{lift_svg}
</div>
{settings_html}</body>
</html>
"""
    _write_atomically(path, document)
    return path


def _write_atomically(path, text):
    """Write ``text`` to a temporary file beside ``path`` and rename it, so ``path`` is complete or absent.

    The temporary file is created with mode 0666 less the umask, as any new file
    (``tempfile.mkstemp`` would make it 0600: unreadable to colleagues on a shared disk).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    handle = os.open(temporary, flags, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
