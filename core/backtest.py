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
- ``html_report``: a self-contained HTML page for a council member and an analyst: Dutch
  first with English in brackets, precision and recall counted out in plain words, one
  colour per mechanism in hand-drawn SVG charts, both levels where both are given, and a
  boxed statement when the history is simulated.

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
from .mechanisms.register import LABELS, LABELS_EN, MECHANISMEN
from .meldingen import fout

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
        raise InputError(fout("Uitkomstregel '{}': verwacht een van {}.",
                              "Outcome rule '{}': expected one of {}.", name, ', '.join(REGELS)))
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
        raise InputError(fout("Het uitkomstjaar ({}) moet na het analysejaar ({}) liggen.",
                              "The outcome year ({}) must be later than the analysis year ({}).", t_uitkomst, t))
    columns = []
    for jaar in (t, t_uitkomst):
        column = f"klasse_{jaar}"
        if column not in units.columns:
            found = sorted(c[len("klasse_"):] for c in units.columns if str(c).startswith("klasse_"))
            raise InputError(
                fout("Geen klassen voor {} (kolom {}); de scores hebben de jaren {}.",
                     "No classes for {} (column {}); the scores have the years {}.", jaar, column, ', '.join(found) if found else fout('geen', 'none'))
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
        raise InputError(fout("Scores en uitkomsten verschillen in lengte ({} en {}).",
                              "Scores and outcomes differ in length ({} and {}).", len(a), len(b)))
    keep = ~np.isnan(a) & ~np.isnan(b)
    a, b = a[keep], b[keep]
    bad = (b != 0) & (b != 1)
    if bad.any():
        raise InputError(fout("Uitkomsten moeten 0 of 1 zijn (of ontbreken); gevonden: {:g}.",
                              "Outcomes must be 0 or 1 (or missing); found {:g}.", b[bad][0]))
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
        raise InputError(fout("Risicoklassen moeten 0, 1 of 2 zijn; gevonden: {:g}.",
                              "Risk classes must be 0, 1 or 2; found {:g}.", k[unknown][0]))
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
            raise InputError(fout("Signalen moeten 0 of 1 zijn (of ontbreken); gevonden: {:g}.",
                                  "Signals must be 0 or 1 (or missing); found {:g}.", values[bad][0]))
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
        raise InputError(fout("Scores, uitkomsten en gewichten verschillen in lengte ({}, {}, {}).",
                              "Scores, outcomes and weights differ in length ({}, {}, {}).", len(s), len(y), w.shape[-1]))
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
        raise InputError(fout("Uitkomsten moeten 0 of 1 zijn (of ontbreken); gevonden: {:g}.",
                              "Outcomes must be 0 or 1 (or missing); found {:g}.", y[bad][0]))
    return y


def _bootstrap_count(bootstrap):
    count = int(bootstrap)
    if count < 0:
        raise InputError(fout("Het aantal bootstrap-herhalingen moet 0 of meer zijn, gekregen: {}.",
                              "The number of bootstrap resamples must be 0 or more, got {}.", bootstrap))
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


def lift_curve(scores, outcomes, steps=10, *, gelijk_verdeeld=False):
    """Flag the highest-scoring share of units, for shares 1/steps, 2/steps, ..., 1.

    Columns: ``aandeel`` (share flagged), ``n_gesignaleerd``, ``n_positief``,
    ``precision`` (decline rate among the flagged), ``recall`` (share of all
    decliners flagged), ``lift`` (precision / base rate). At each share the
    ceil(share x n) highest scores are flagged; ties at the cut are broken by
    input order, so the curve is deterministic. With ``gelijk_verdeeld`` the
    units tied at the cut count pro rata instead (the expectation over every
    order, so ``n_positief`` may be fractional): a score that ranks nothing then
    draws a lift of 1, as the chart should show, not the luck of the input order.
    """
    s, y = _pairs(scores, outcomes)
    steps = max(int(steps), 1)
    order = np.argsort(-s, kind="mergesort")
    ordered = s[order]
    hits = np.r_[0.0, np.cumsum(y[order])]
    n, total = len(y), y.sum()
    basis = _ratio(total, n)
    rows = []
    for step in range(1, steps + 1):
        aandeel = step / steps
        count = min(n, int(math.ceil(aandeel * n - 1e-9)))
        positief = float(hits[count])
        if gelijk_verdeeld and 0 < count < n and ordered[count - 1] == ordered[count]:
            # the tie group around the cut: [first, last) in sorted order; its hits spread evenly over it
            first = int(np.searchsorted(-ordered, -ordered[count - 1], side="left"))
            last = int(np.searchsorted(-ordered, -ordered[count - 1], side="right"))
            positief = float(hits[first] + (hits[last] - hits[first]) * (count - first) / (last - first))
        precision = _ratio(positief, count)
        rows.append(
            {
                "aandeel": aandeel,
                "n_gesignaleerd": count,
                "n_positief": positief if gelijk_verdeeld else int(positief),
                "precision": precision,
                "recall": _ratio(positief, total),
                "lift": precision / basis if basis and not math.isnan(precision) else math.nan,
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- report

PROFIEL = "risicoprofiel"  # the row and curve of the combined profile: drawn heavier, named first
WEINIG_ACHTERUITGANG = 20  # fewer decliners than this: the report warns that the figures are very uncertain

NAMEN = {**{naam: (LABELS[naam], LABELS_EN[naam]) for naam in MECHANISMEN},
         PROFIEL: ("risicoprofiel, de mechanismen samen", "risk profile, the mechanisms together")}

# A level in words: (one, more, English one, English more, heading, English heading).
NIVEAU_WOORDEN = {
    "buurt": ("buurt", "buurten", "neighbourhood", "neighbourhoods", "Buurten", "neighbourhoods"),
    "grid": ("cel", "cellen van 100 m", "cell", "100 m cells", "Deelgebieden van 100 m", "100 m grid cells"),
}
_EENHEDEN = ("eenheid", "eenheden", "unit", "units", "Resultaten", "results")

# One colour per mechanism, the same on every chart and level (Tableau 10, in the register's order); own
# indicators take the next free one; the profile is near-black and heavier, so it stands out of the bundle.
KLEUREN = dict(zip(MECHANISMEN, ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                                 "#17becf", "#bcbd22", "#7f7f7f")))
_KLEUREN_EIGEN = ("#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354")
KLEUR_PROFIEL = "#111111"
LIJN_PROFIEL, LIJN_MECHANISME = 4.0, 2.0

_MET_INTERVAL = ("auc", "lift_signaal", "lift_verhoogd", "lift_sterk", "lift")
_NEDERLANDS = str.maketrans(",.", ".,")


class _Html(str):
    """Text that is already HTML: a table cell shows it as is."""


def _en(text):
    """English in brackets after the Dutch, in grey: the page reads in Dutch, the English is there to check."""
    return f'<span class="en">({text})</span>'


def _kop(nl, en):
    """A heading or label: Dutch, then the English in brackets (both escaped)."""
    return f"{html.escape(nl)} {_en(html.escape(en))}"


def _getal(number, decimals):
    """A number in Dutch notation: a dot between thousands and a decimal comma (1.234,5)."""
    return f"{number:,.{decimals}f}".translate(_NEDERLANDS)


def _procent(number):
    return f"{_getal(100 * number, 1)} %"


def _number(value):
    """``value`` as a finite float, or None (for None, NaN, NA, infinity and text)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _fmt(value, column=""):
    """A table cell: counts as 1.234, shares as 12,5 %, other figures as 0,75; '–' when missing."""
    if isinstance(value, _Html):
        return str(value)
    if isinstance(value, str):
        return html.escape(value)
    number = _number(value)
    if number is None:
        missing = value is None or value is pd.NA or isinstance(value, (float, np.floating))  # NaN, inf
        return "–" if missing else html.escape(str(value))
    if column in ("n", "n_positief") or (column.startswith("n_") and number == int(number)):
        return _getal(number, 0)
    if column == "basisratio" or column.startswith(("precision", "recall")):
        return _procent(number)
    return _getal(number, 2)


def _cel(row, column):
    """A cell with its 95 % interval in brackets when the row has one: 0,91 (0,84–0,96)."""
    text = _fmt(row.get(column), column)
    low, high = _number(row.get(f"{column}_laag")), _number(row.get(f"{column}_hoog"))
    if column in _MET_INTERVAL and low is not None and high is not None:
        text += f" ({_fmt(low, column)}–{_fmt(high, column)})"
    return text


def _table(rows, columns):
    """An HTML table; ``columns`` are (key, Dutch heading, English heading); the profile's row stands out."""
    head = "".join(f"<th>{_kop(nl, en)}</th>" for _, nl, en in columns)
    lines = []
    for row in rows:
        opening = '<tr class="profiel">' if row.get("naam") == PROFIEL else "<tr>"
        lines.append(opening + "".join(f"<td>{_cel(row, key)}</td>" for key, _, _ in columns) + "</tr>")
    body = "\n".join(lines)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _naam_html(naam):
    """A mechanism as a reader knows it: its Dutch label, the English, and its id (as in the table output)."""
    naam = str(naam)
    if naam not in NAMEN:
        return html.escape(naam)
    text = _kop(*NAMEN[naam])
    return text if naam == PROFIEL else f"{text}<br><code>{html.escape(naam)}</code>"


def _woorden(niveau):
    return NIVEAU_WOORDEN.get(niveau, _EENHEDEN)


def _has_classes(row):
    return any(_number(row.get(key)) is not None for key in ("lift_verhoogd", "lift_sterk", "n_0", "n_1", "n_2"))


def _terecht(row, precision, count):
    """How many of ``count`` flagged units declined (precision x count), or None when unknown."""
    p, n = _number(row.get(precision)), _number(row.get(count))
    if n == 0:
        return 0
    return None if p is None or n is None else int(round(p * n))


def _gelijk(rows, key):
    """The one value of ``key`` shared by every row, or None when they differ (or there are no rows)."""
    values = {_number(row.get(key)) for row in rows}
    return values.pop() if len(values) == 1 else None


def _keer(count, een, meer):
    """The singular or plural word for ``count``."""
    return een if count == 1 else meer


def _achteruitgang_html(regel):
    """The decline rule in words: the chosen one, or both when the caller did not say which."""
    if regel is not None:
        nl, en = ACHTERUITGANG[_regel(regel)]
        return (f"<p><strong>Achteruitgang {_en('decline')}:</strong> de eenheid {html.escape(nl)} "
                f"{_en('the unit ' + html.escape(en))}.</p>")
    items = "".join(f"<li>{html.escape(name)}: {html.escape(nl)} {_en(html.escape(en))}</li>"
                    for name, (nl, en) in ACHTERUITGANG.items())
    return f"<p><strong>Achteruitgang {_en('decline')}</strong>, per regel {_en('per rule')}:</p>\n<ul>{items}</ul>"


_GESIMULEERD_EN = (
    "The earlier years' scores in these data are simulated, as in the embedded sample. This page shows how the "
    "test works, not how well the method foresees decline: a simulation may let decline follow the same "
    "mechanisms, and then a good result is partly built in. Only a test on real multi-year Leefbaarometer data "
    "says something about the method."
)
_GESIMULEERD = f"""<div class="gesimuleerd" role="note">
<p class="kop">Gesimuleerde geschiedenis: deze cijfers zijn geen bewijs voor de methode
{_en("simulated history: these figures are no evidence for the method")}</p>
<p>De scores van de eerdere jaren in deze gegevens zijn gesimuleerd, zoals in het meegeleverde voorbeeld. Deze
pagina laat zien hoe de toets werkt, niet hoe goed de methode achteruitgang voorziet: een simulatie kan de
achteruitgang langs dezelfde mechanismen laten lopen, en dan is een goede uitkomst deels ingebouwd. Alleen een
toets op echte meerjarige Leefbaarometer-gegevens zegt iets over de methode.
{_en(html.escape(_GESIMULEERD_EN))}</p>
</div>"""


def _toekomst_html(cbs):
    """The box for CBS figures from after the analysis year (empty otherwise)."""
    if cbs is None or not cbs[3]:
        return ""
    return (f'<div class="gesimuleerd toekomst" role="note">\n<p class="kop">CBS-cijfers van na het analysejaar '
            f'{_en("CBS figures from after the analysis year")}</p>\n<p>{html.escape(cbs[1])} '
            f'{_en(html.escape(cbs[2]))}</p>\n</div>')


def _getoetst_html(analysejaar, uitkomstjaar, regel, gemeenten, notes, cbs=None):
    """What was tested, in words: the years, the target group, the decline rule, the gemeenten, the CBS caveat."""
    if analysejaar is not None:
        t = str(analysejaar)
        nl_t = f"alsof het {t} was, met alleen de metingen tot en met {t}"
        en_t = f"as if it were {t}, with only the measurements up to {t}"
    else:
        t = None
        nl_t = "alsof het het analysejaar was, met alleen de metingen tot dan"
        en_t = "as if it were the analysis year, with only the measurements up to then"
    nl_t2, en_t2 = (f"tot {uitkomstjaar}", f"by {uitkomstjaar}") if uitkomstjaar is not None else (
        "tot het uitkomstjaar", "by the outcome year")
    en = (f"this page tests the early warning after the fact: the analysis was run {en_t} and compared with what "
          f"really happened {en_t2}; only units scoring 'voldoende' or better then count (the target group): which "
          f"of them declined?")
    parts = [
        f"<p>Deze pagina toetst de vroegsignalering achteraf. De analyse is uitgevoerd {nl_t}, en vergeleken met "
        f"wat er {nl_t2} echt gebeurde. Alleen eenheden die toen 'voldoende' of beter scoorden tellen mee (de "
        f"doelgroep): welke daarvan gingen achteruit? {_en(html.escape(en))}</p>",
        _achteruitgang_html(regel),
    ]
    if gemeenten:
        namen = html.escape(", ".join(str(g) for g in gemeenten))
        parts.append(f"<p><strong>Gemeenten {_en('reported')}:</strong> {namen}. De mechanismen rekenden met alle "
                     f"geladen eenheden, ook over de gemeentegrens "
                     f"{_en('the mechanisms saw every loaded unit, across the border too')}.</p>")
    if cbs is not None and cbs[1] and not cbs[3]:  # which CBS figures were used (a later year gets its box)
        parts.append(f"<p><strong>CBS-cijfers {_en('CBS figures')}:</strong> {html.escape(cbs[1])} "
                     f"{_en(html.escape(cbs[2]))}</p>")
    elif cbs is None:
        cbs_en = (f"CBS figures describe one year, which may be later than {t or 'the analysis year'}: mechanisms "
                  f"using them then see a little ahead and look somewhat better in this test than they are")
        parts.append(f"<p>CBS-cijfers (zoals WOZ-waarde, inkomen en leeftijd) beschrijven één jaar, dat later kan "
                     f"liggen dan {t or 'het analysejaar'}. Mechanismen die ze gebruiken, kijken dan een beetje "
                     f"vooruit en lijken in deze toets wat beter dan ze zijn. {_en(cbs_en)}</p>")
    parts += [f"<p>{html.escape(str(note))}</p>" for note in notes]
    return "\n".join(parts)


def _kern_html(niveau, rows, analysejaar, uitkomstjaar):
    """The profile's result for one level in plain words, one point a line, precision and recall counted out
    ('' without a profile row)."""
    row = next((r for r in rows if r.get("naam") == PROFIEL), None)
    if row is None or _number(row.get("n")) is None:
        return ""
    een, meer, en_een, en_meer, _, _ = _woorden(niveau)
    n, k = int(_number(row["n"])), int(_number(row.get("n_positief")) or 0)
    t = analysejaar if analysejaar is not None else "het analysejaar"
    t2 = uitkomstjaar if uitkomstjaar is not None else "het uitkomstjaar"
    en_t = analysejaar if analysejaar is not None else "the analysis year"
    en_t2 = uitkomstjaar if uitkomstjaar is not None else "the outcome year"
    basis = _fmt(row.get("basisratio"), "basisratio")
    points = [(f"<strong>Achteruitgang:</strong> van de {_getal(n, 0)} {_keer(n, een, meer)} die in {t} 'voldoende' "
               f"of beter {_keer(n, 'scoorde', 'scoorden')}, {_keer(k, 'ging', 'gingen')} er {_getal(k, 0)} "
               f"({basis}) achteruit tot {t2}.",
               f"decline: of the {_getal(n, 0)} {_keer(n, en_een, en_meer)} scoring 'voldoende' or better in {en_t}, "
               f"{_getal(k, 0)} ({basis}) declined by {en_t2}")]
    flagged = int(_number(row.get("n_signaal")) or 0)
    hits = _terecht(row, "precision_signaal", "n_signaal")
    precision = _fmt(row.get("precision_signaal"), "precision")
    recall = _fmt(row.get("recall_signaal"), "recall")
    if flagged == 0:
        points.append((f"<strong>Gesignaleerd:</strong> het risicoprofiel gaf geen enkele {een} 'verhoogd' of "
                       f"'sterk verhoogd' risico.", f"flagged: the risk profile gave no {en_een} elevated risk"))
    elif hits is not None:
        points.append((f"<strong>Precisie {precision}:</strong> het risicoprofiel gaf {_getal(flagged, 0)} "
                       f"{_keer(flagged, een, meer)} 'verhoogd' of 'sterk verhoogd' risico; daarvan "
                       f"{_keer(hits, 'ging', 'gingen')} er {_getal(hits, 0)} echt achteruit.",
                       f"precision: the risk profile flagged {_getal(flagged, 0)}; {_getal(hits, 0)} of them really "
                       f"declined"))
        if k:
            points.append((f"<strong>Vangst {recall}:</strong> van de {_getal(k, 0)} {_keer(k, een, meer)} die "
                           f"{_keer(k, 'achteruitging', 'achteruitgingen')}, had het profiel er {_getal(hits, 0)} "
                           f"gesignaleerd.",
                           f"recall: of the {_getal(k, 0)} that declined, the profile had flagged {_getal(hits, 0)}"))
        lift_signaal = _number(row.get("lift_signaal"))
        if lift_signaal is not None:
            points.append((f"<strong>Lift {_getal(lift_signaal, 1)}:</strong> een gesignaleerde {een} ging "
                           f"{_getal(lift_signaal, 1)} keer zo vaak achteruit als gemiddeld.",
                           f"a flagged {en_een} declined {_getal(lift_signaal, 1)} times as often as the average"))
    n2, hits2, lift_sterk = _number(row.get("n_2")), _terecht(row, "precision_2", "n_2"), _number(row.get("lift_sterk"))
    if n2 and hits2 is not None and lift_sterk is not None:
        points.append((f"<strong>Sterk verhoogd:</strong> {_getal(n2, 0)} {_keer(n2, een, meer)}, waarvan "
                       f"{_getal(hits2, 0)} achteruit: een lift van {_getal(lift_sterk, 1)} (het instrument van 2024 "
                       f"meldt voor zijn selectie ongeveer 10).",
                       f"strongly elevated: {_getal(n2, 0)}, of which {_getal(hits2, 0)} declined: a lift of "
                       f"{_getal(lift_sterk, 1)}; the 2024 instrument reports about 10 for its selection"))
    auc = _number(row.get("auc"))
    if auc is not None:
        points.append((f"<strong>AUC {_getal(auc, 2)}:</strong> een {een} die achteruitging, had in "
                       f"{_getal(100 * auc, 0)} % van de vergelijkingen een hogere risicoscore dan een {een} die dat "
                       f"niet deed (0,5 is toeval, 1 is perfect).",
                       f"a declining {en_een} had a higher risk score than a non-declining one in "
                       f"{_getal(100 * auc, 0)} % of the comparisons"))
    items = "\n".join(f"<li>{nl} {_en(html.escape(en))}</li>" for nl, en in points)
    text = f'<ul class="kern">\n{items}\n</ul>'
    if k < WEINIG_ACHTERUITGANG:
        text += "\n" + _weinig_html([row], niveau)
    return text


def _weinig_html(rows, niveau=None):
    """A warning when fewer than ``WEINIG_ACHTERUITGANG`` units declined (none: empty): one sentence when every
    row has the same few (the rows of a level share their outcome), else the rows by name."""
    een, meer, en_een, en_meer, _, _ = _woorden(niveau)
    counts = [(row, _number(row.get("n_positief"))) for row in rows]
    few = [(row, count) for row, count in counts if count is not None and count < WEINIG_ACHTERUITGANG]
    if not few:
        return ""
    if len(few) == len(rows) and len({count for _, count in few}) == 1:
        k = few[0][1]
        nl = (f"met maar {_getal(k, 0)} {_keer(k, een, meer)} die {_keer(k, 'achteruitging', 'achteruitgingen')} "
              f"zijn deze getallen zeer onzeker")
        en = f"with only {_getal(k, 0)} declining {_keer(k, en_een, en_meer)} these figures are very uncertain"
    else:
        wie = ", ".join(f"{row.get('naam')} ({_getal(count, 0)})" for row, count in few)
        nl = f"weinig achteruitgang bij {html.escape(wie)}: deze getallen zijn zeer onzeker"
        en = "few decliners: these figures are very uncertain"
    return f'<p class="let-op"><strong>Let op {_en("note")}:</strong> {nl} {_en(html.escape(en))}.</p>'


def _uitleg_html():
    """The measures in plain words, Dutch with the English in brackets."""
    items = (
        ("Basisratio", "base rate",
         "Het deel van alle eenheden in de doelgroep dat achteruitging: zo vaak gaat het ook zonder signaal mis.",
         "the share of all units in the target group that declined: how often it goes wrong anyway"),
        ("Gesignaleerd", "flagged",
         "De eenheden waar het mechanisme een signaal gaf; bij het risicoprofiel: risicoklasse 'verhoogd' of "
         "'sterk verhoogd'.",
         "the units a mechanism signalled; for the risk profile: risk class 'verhoogd' or higher"),
        ("Precisie", "precision",
         "Welk deel van de gesignaleerde eenheden echt achteruitging. 50 % betekent: van elke twee gesignaleerde "
         "eenheden ging er één achteruit.",
         "what fraction of the flagged units really declined"),
        ("Vangst", "recall",
         "Welk deel van de eenheden die achteruitgingen, gesignaleerd was. 50 % betekent: de helft van de "
         "achteruitgang was voorzien, de andere helft gemist. Meer signaleren geeft een hogere vangst, maar "
         "meestal een lagere precisie.",
         "what fraction of the declining units were flagged; flagging more raises the recall and usually lowers "
         "the precision"),
        ("Lift", "lift",
         "Hoeveel keer zo vaak de gesignaleerde eenheden achteruitgingen als gemiddeld: de precisie gedeeld door "
         "de basisratio. 1 is niet beter dan toeval; het instrument van 2024 meldt ongeveer 10 voor zijn selectie.",
         "how many times as often the flagged units declined as the average: precision over the base rate; 1 is "
         "no better than chance"),
        ("AUC", "ROC AUC",
         "De kans dat een eenheid die achteruitging een hogere score had dan een eenheid die dat niet deed. 0,5 is "
         "toeval, 1 is perfect. De AUC zegt hoe goed de score rangschikt, los van waar de drempel ligt.",
         "the chance that a decliner scored higher than a non-decliner; 0,5 is chance, 1 is perfect; it judges the "
         "ranking, whatever the threshold"),
        ("95 %-interval", "95 % interval",
         "Tussen haakjes achter een getal, bijvoorbeeld 0,91 (0,84–0,96). Het komt uit de eenheden met een "
         "bekende uitkomst, vele keren opnieuw getrokken met teruglegging (bootstrap), met het getal telkens "
         "opnieuw berekend. Hoe breder het interval, hoe onzekerder het getal. Bij minder dan "
         f"{WEINIG_ACHTERUITGANG} eenheden die achteruitgingen zijn alle getallen erg onzeker, ook de intervallen.",
         "in brackets after a figure, from resampling the units with a known outcome: the wider, the less certain; "
         f"with fewer than {WEINIG_ACHTERUITGANG} decliners all figures are very uncertain, the intervals included"),
        ("Streepje (–)", "dash",
         "Niet te berekenen, bijvoorbeeld de precisie van een signaal dat nooit afging.",
         "cannot be computed, for example the precision of a signal that never fired"),
    )
    entries = "\n".join(f"<dt>{_kop(term, term_en)}</dt>\n<dd>{html.escape(nl)} {_en(html.escape(en))}</dd>"
                        for term, term_en, nl, en in items)
    return f"<h2>{_kop('Zo leest u de cijfers', 'how to read the figures')}</h2>\n<dl class=\"uitleg\">\n{entries}\n</dl>"


def _mechanismen_html(rows, niveau):
    """The table per mechanism and for the profile; counts shared by every row go into one sentence above it."""
    een, meer, _, en_meer, _, _ = _woorden(niveau)
    rows = [{**row, "naam_html": _Html(_naam_html(row.get("naam"))),
             "n_terecht": _terecht(row, "precision_signaal", "n_signaal")} for row in rows]
    n, k, basis = (_gelijk(rows, key) for key in ("n", "n_positief", "basisratio"))
    columns = [("naam_html", "Mechanisme", "mechanism")]
    intro = ""
    if rows and None not in (n, k, basis):
        intro_en = f"{_getal(n, 0)} {en_meer} in the target group, {_getal(k, 0)} declined: a base rate of {_procent(basis)}"
        intro = (f"<p>{_getal(n, 0)} {_keer(n, een, meer)} in de doelgroep, waarvan {_getal(k, 0)} "
                 f"{_keer(k, 'achteruitging', 'achteruitgingen')}: een basisratio van {_procent(basis)} "
                 f"{_en(intro_en)}.</p>\n")
    else:
        columns += [("n", "Eenheden", "units"), ("n_positief", "Achteruit", "declined"),
                    ("basisratio", "Basisratio", "base rate")]
    columns += [
        ("auc", "AUC met 95 %-interval", "ROC AUC with 95 % interval"),
        ("n_signaal", "Gesignaleerd", "flagged"),
        ("n_terecht", "Waarvan achteruit", "of which declined"),
        ("precision_signaal", "Precisie", "precision"),
        ("recall_signaal", "Vangst", "recall"),
        ("lift_signaal", "Lift met 95 %-interval", "lift with 95 % interval"),
    ]
    uitleg_en = ("flagged: the mechanism's signal, for the risk profile 'verhoogd' or higher; precision = of which "
                 "declined / flagged; recall = of which declined / all decliners")
    return (f"<h3>{_kop('Per mechanisme', 'per mechanism')}</h3>\n{intro}{_table(rows, columns)}\n"
            f"<p>Gesignaleerd: het signaal van het mechanisme, bij het risicoprofiel 'verhoogd' of hoger. Precisie = "
            f"waarvan achteruit / gesignaleerd; vangst = waarvan achteruit / alle achteruitgang. "
            f"{_en(html.escape(uitleg_en))}</p>")


def _klassen_html(row, niveau):
    """The risk classes of a row with classes (the profile): per group how many, how many declined, the lift."""
    een, meer, _, _, _, _ = _woorden(niveau)
    n = {klasse: _number(row.get(f"n_{klasse}")) for klasse in RISICO_KLASSEN}
    hits = {klasse: _terecht(row, f"precision_{klasse}", f"n_{klasse}") for klasse in RISICO_KLASSEN}
    basis = _number(row.get("basisratio"))
    vanaf_1 = None if None in (n[1], n[2]) else n[1] + n[2]
    hits_1 = None if None in (hits[1], hits[2]) else hits[1] + hits[2]
    precision_0 = _number(row.get("precision_0"))
    groups = [
        {"groep": _Html(_kop("sterk verhoogd risico", "strongly elevated risk")), "n_groep": n[2],
         "n_terecht": hits[2], "precision": row.get("precision_2"), "recall": row.get("recall_2"),
         "lift": row.get("lift_sterk"), "lift_laag": row.get("lift_sterk_laag"),
         "lift_hoog": row.get("lift_sterk_hoog")},
        {"groep": _Html(_kop("verhoogd of sterk verhoogd", "elevated or higher")), "n_groep": vanaf_1,
         "n_terecht": hits_1, "precision": _ratio(hits_1, vanaf_1) if vanaf_1 else math.nan,
         "recall": row.get("recall_1"), "lift": row.get("lift_verhoogd"),
         "lift_laag": row.get("lift_verhoogd_laag"), "lift_hoog": row.get("lift_verhoogd_hoog")},
        {"groep": _Html(_kop("geen verhoogd risico", "no elevated risk")), "n_groep": n[0], "n_terecht": hits[0],
         "precision": precision_0, "recall": math.nan,
         "lift": precision_0 / basis if basis and precision_0 is not None else math.nan},
    ]
    columns = [("groep", "Groep", "group"), ("n_groep", "Eenheden", "units"),
               ("n_terecht", "Waarvan achteruit", "of which declined"),
               ("precision", "Precisie", "precision"), ("recall", "Vangst", "recall"),
               ("lift", "Lift met 95 %-interval", "lift with 95 % interval")]
    naam = str(row.get("naam"))
    if naam == PROFIEL:
        titel = _kop("Risicoklassen van het profiel", "the profile's risk classes")
    else:
        titel = f"{_kop('Risicoklassen', 'risk classes')}: {html.escape(naam)}"
    text = f"<h3>{titel}</h3>\n{_table(groups, columns)}"
    k = _number(row.get("n_positief"))
    if k and hits[0] is not None:
        gemist = f"{_getal(hits[0], 0)} ({_procent(hits[0] / k)})"
        gemist_en = (f"of the {_getal(k, 0)} decliners, {gemist} were in 'geen verhoogd risico': missed by the "
                     f"profile; a lift below 1: declined less often than the average")
        text += (f"\n<p>Van de {_getal(k, 0)} {_keer(k, een, meer)} die "
                 f"{_keer(k, 'achteruitging', 'achteruitgingen')}, {_keer(hits[0], 'zat', 'zaten')} er {gemist} "
                 f"in 'geen verhoogd risico': die heeft het profiel gemist. Een lift onder 1: minder vaak achteruit "
                 f"dan gemiddeld. {_en(html.escape(gemist_en))}</p>")
    return text


def _kort(number):
    """A short axis label in Dutch notation (two significant digits)."""
    return f"{number:.2g}".replace(".", ",")


def _schaal(maximum):
    """(top, step) of an axis from 0 that holds ``maximum`` in at most 8 round steps (1, 2, 5, 10, ...)."""
    maximum = maximum if maximum and math.isfinite(maximum) and maximum > 0 else 1.0
    macht = 10 ** math.floor(math.log10(maximum / 8))
    step = next(f * macht for f in (1, 2, 5, 10) if maximum / (f * macht) <= 8 + 1e-9)
    return step * math.ceil(maximum / step - 1e-9), step


def kleuren(namen):
    """A colour per name: a mechanism always its own (the same on every chart and level), an own indicator the
    next free one (cycling only beyond eight), the profile near-black."""
    result, eigen = {}, 0
    for naam in namen:
        if naam == PROFIEL:
            result[naam] = KLEUR_PROFIEL
        elif naam in KLEUREN:
            result[naam] = KLEUREN[naam]
        elif naam not in result:
            result[naam] = _KLEUREN_EIGEN[eigen % len(_KLEUREN_EIGEN)]
            eigen += 1
    return result


def _lijn(naam):
    return LIJN_PROFIEL if naam == PROFIEL else LIJN_MECHANISME


def _svg_chart(series, titel, xlabel, ylabel, *, ymax=1.0, ystap=None, diagonal=False, baseline=None,
               x_procent=True, y_procent=False):
    """A line chart as inline SVG; ``series`` is a list of (naam, xs, ys) with x in 0..1.

    ``titel``, ``xlabel`` and ``ylabel`` are (Dutch, English) pairs. Each mechanism keeps its colour
    (``kleuren``); the profile is drawn last and heavier, so it lies on top. The legend is the level's,
    beside the charts in HTML (``_legenda_html``): text there wraps instead of being cut off.
    """
    width, height, left, right, top, bottom = 430, 390, 70, 24, 36, 64
    plot_w, plot_h = width - left - right, height - top - bottom
    ymax = ymax if ymax and math.isfinite(ymax) and ymax > 0 else 1.0
    ystap = ystap if ystap and math.isfinite(ystap) and ystap > 0 else ymax / 5
    colours = kleuren([naam for naam, _, _ in series])

    def px(x):
        return left + plot_w * x

    def py(yv):
        return top + plot_h * (1 - yv / ymax)

    label = f"{titel[0]} ({titel[1]})"
    parts = [
        f'<svg class="grafiek" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{html.escape(label)}">',
        f'<text x="{left}" y="16" font-size="14" font-weight="bold">{html.escape(titel[0])} '
        f'<tspan font-weight="normal" fill="#666">({html.escape(titel[1])})</tspan></text>',
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#999"/>',
    ]
    for i in range(6):
        fraction = i / 5
        x = px(fraction)
        x_tick = f"{round(100 * fraction)} %" if x_procent else _getal(fraction, 1)
        parts.append(f'<line x1="{x:.1f}" y1="{top + plot_h}" x2="{x:.1f}" y2="{top + plot_h + 4}" stroke="#999"/>')
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 16}" font-size="11" text-anchor="middle">{x_tick}</text>')
    for i in range(int(round(ymax / ystap)) + 1):
        value = i * ystap
        y = py(value)
        y_tick = f"{round(100 * value)} %" if y_procent else _kort(value)
        parts.append(f'<line x1="{left - 4}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#eee"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{y_tick}</text>')
    mid_x, mid_y = left + plot_w / 2, top + plot_h / 2
    parts.append(f'<text x="{mid_x:.1f}" y="{height - 28}" font-size="12" text-anchor="middle">'
                 f'{html.escape(xlabel[0])}</text>')
    parts.append(f'<text x="{mid_x:.1f}" y="{height - 12}" font-size="11" text-anchor="middle" fill="#666">'
                 f'({html.escape(xlabel[1])})</text>')
    parts.append(f'<text x="16" y="{mid_y:.1f}" font-size="12" text-anchor="middle" '
                 f'transform="rotate(-90 16 {mid_y:.1f})">{html.escape(ylabel[0])}</text>')
    parts.append(f'<text x="31" y="{mid_y:.1f}" font-size="11" text-anchor="middle" fill="#666" '
                 f'transform="rotate(-90 31 {mid_y:.1f})">({html.escape(ylabel[1])})</text>')
    if diagonal:
        parts.append(f'<line x1="{px(0):.1f}" y1="{py(0):.1f}" x2="{px(1):.1f}" y2="{py(ymax):.1f}" '
                     'stroke="#aaa" stroke-dasharray="4 3"/>')
        angle = -math.degrees(math.atan2(plot_h, plot_w))
        tx, ty = px(0.72), py(0.72 * ymax) + 14
        parts.append(f'<text x="{tx:.1f}" y="{ty:.1f}" font-size="11" fill="#888" text-anchor="middle" '
                     f'transform="rotate({angle:.1f} {tx:.1f} {ty:.1f})">toeval (chance)</text>')
    if baseline is not None and baseline <= ymax:
        parts.append(f'<line x1="{px(0):.1f}" y1="{py(baseline):.1f}" x2="{px(1):.1f}" y2="{py(baseline):.1f}" '
                     'stroke="#aaa" stroke-dasharray="4 3"/>')
        parts.append(f'<text x="{px(0) + 4:.1f}" y="{py(baseline) + 14:.1f}" font-size="11" fill="#888">'
                     f'{_kort(baseline)} = toeval (chance)</text>')
    for naam, xs, ys in sorted(series, key=lambda s: s[0] == PROFIEL):  # the profile last: on top
        points = [(x, y) for x, y in zip(xs, ys) if math.isfinite(x) and math.isfinite(y)]
        if not points:
            continue
        coords = " ".join(f"{px(x):.1f},{py(min(y, ymax)):.1f}" for x, y in points)
        title = NAMEN.get(naam, (naam,))[0]
        parts.append(f'<polyline data-naam="{html.escape(str(naam))}" points="{coords}" fill="none" '
                     f'stroke="{colours[naam]}" stroke-width="{_lijn(naam):g}" stroke-linejoin="round">'
                     f"<title>{html.escape(str(title))}</title></polyline>")
    parts.append("</svg>")
    return "\n".join(parts)


def _legenda_html(namen, getekend):
    """The level's legend: profile first, then the mechanisms, each with its colour and line weight.

    ``getekend``: the names that have a line (a mechanism without a known score has none, and says so).
    """
    colours = kleuren(namen)
    items = []
    for naam in sorted(namen, key=lambda n: n != PROFIEL):
        nl, en = NAMEN.get(naam, (str(naam), None))
        text = f"<strong>{html.escape(nl)}</strong>" if naam == PROFIEL else html.escape(nl)
        if en:
            text += f" {_en(html.escape(en))}"
        if naam not in getekend:
            text += f" – geen lijn {_en('no line: no known score')}"
        items.append(f'<li data-naam="{html.escape(str(naam))}"><span class="streep" style="border-top: '
                     f'{_lijn(naam):g}px solid {colours[naam]}"></span>{text}</li>')
    return '<ul class="legenda">\n' + "\n".join(items) + "\n</ul>"


def _grafieken_html(curves):
    """The ROC curve and the lift chart of one level, with one legend for both."""
    roc_series, lift_series, lift_max, getekend = [], [], 1.0, set()
    for name, (scores, outcomes) in curves.items():
        fpr, tpr, _ = roc_curve(scores, outcomes)
        roc_series.append((name, fpr.tolist(), tpr.tolist()))
        table = lift_curve(scores, outcomes, steps=20, gelijk_verdeeld=True)
        xs = [0.0] + table["aandeel"].tolist()
        ys = table["lift"].tolist()
        ys = [ys[0] if ys else math.nan] + ys
        lift_series.append((name, xs, ys))
        finite = [y for y in ys if math.isfinite(y)]
        if finite:
            lift_max = max(lift_max, max(finite))
        if finite or any(math.isfinite(x) and math.isfinite(y) for x, y in zip(fpr, tpr)):
            getekend.add(name)
    lift_max, lift_stap = _schaal(lift_max)
    roc_svg = _svg_chart(roc_series, ("ROC-curve", "ROC curve"),
                         ("Ten onrechte gesignaleerd", "false positive rate"),
                         ("Gevangen achteruitgang", "true positive rate"), diagonal=True, y_procent=True)
    lift_svg = _svg_chart(lift_series, ("Lift", "lift chart"),
                          ("Aandeel gesignaleerd, hoogste score eerst", "share flagged, highest score first"),
                          ("Keer zo vaak achteruit als gemiddeld", "lift over the base rate"),
                          ymax=lift_max, ystap=lift_stap, baseline=1.0)
    lees_en = ("ROC curve: the further up and to the left, the better; the diagonal is chance. Lift: flag the "
               "highest-scoring share of units; how many times as often did they decline as the average? The "
               "profile is the heavy black line.")
    return (f"<h3>{_kop('Grafieken', 'charts')}</h3>\n<div class=\"grafieken\">\n{roc_svg}\n{lift_svg}\n"
            f"{_legenda_html(list(curves), getekend)}\n</div>\n"
            f"<p>ROC-curve: hoe verder de lijn naar linksboven loopt, hoe beter; de diagonaal is toeval. Lift: "
            f"signaleer het deel met de hoogste score; hoeveel keer zo vaak ging dat deel achteruit als gemiddeld? "
            f"Het risicoprofiel is de dikke zwarte lijn. {_en(html.escape(lees_en))}</p>")


def _niveau_html(niveau, rows, curves, kop):
    """One level's section: the table per mechanism, the profile's risk classes, the charts."""
    parts = []
    if kop:
        _, _, _, _, heading, heading_en = _woorden(niveau)
        anchor = f' id="niveau-{html.escape(str(niveau))}"' if niveau else ""
        parts.append(f"<h2{anchor}>{_kop(heading, heading_en)}</h2>")
    parts.append(_mechanismen_html(rows, niveau))
    parts.append(_weinig_html(rows, niveau))
    parts += [_klassen_html(row, niveau) for row in rows if _has_classes(row)]
    if curves:
        parts.append(_grafieken_html(curves))
    return "\n".join(part for part in parts if part)


def titel(analysejaar, uitkomstjaar):
    """The page's title, Dutch with the English: the same whatever the language of QGIS."""
    return f"Terugtoets vroegsignalering leefbaarheid (backtest): {analysejaar} → {uitkomstjaar}"


_STIJL = """body { font-family: sans-serif; margin: 1.5em; color: #222; line-height: 1.4; }
p, dl, .gesimuleerd { max-width: 62em; }
.en { color: #666; }
h2 .en, h3 .en, th .en { font-weight: normal; }
.gesimuleerd { border: 3px solid #b35c00; background: #fff4e0; padding: 0.2em 1em; margin: 1em 0 1.5em; }
.gesimuleerd .kop { font-size: 1.15em; font-weight: bold; color: #7a3d00; }
.kern li { margin-bottom: 0.3em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; font-size: 13px; }
th { background: #f2f2f2; vertical-align: bottom; max-width: 12em; }
td { white-space: nowrap; }
td:first-child, th:first-child { text-align: left; }
td:first-child { white-space: normal; min-width: 14em; }
td code { color: #666; font-size: 11px; }
tr.profiel td { font-weight: bold; background: #f7f7f7; }
.let-op { color: #8a1c1c; }
dt { font-weight: bold; margin-top: 0.5em; }
dd { margin-left: 1.5em; }
pre { background: #f7f7f7; border: 1px solid #ddd; padding: 0.6em; }
.grafieken { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 1em 1.5em; }
.legenda { list-style: none; padding: 0; margin: 2em 0 0; font-size: 13px; flex: 1 1 15em; min-width: 15em;
           max-width: 26em; }
.legenda li { margin: 0 0 0.35em; }
.streep { display: inline-block; width: 28px; margin: 0 8px 0 0; vertical-align: middle; }
section { margin-top: 2em; border-top: 1px solid #ddd; }
"""


def html_report(title, rows, curves, path, notes=(), *, instellingen=None, regel=None, gesimuleerd=False,
                niveau=None, niveaus=(), analysejaar=None, uitkomstjaar=None, gemeenten=None, cbs=None):
    """Write a self-contained HTML backtest page to ``path`` (no scripts, no internet), for a council member
    and an analyst: Dutch first, English in brackets.

    ``rows``: the ``evaluate`` dicts (per mechanism and for the profile) of the level ``niveau`` ('buurt',
    'grid' or None); ``curves``: a mapping name -> (scores, outcomes) from which the ROC curve and the lift
    chart are drawn (one colour per mechanism, the profile heavier). ``niveaus``: further levels as
    (niveau, rows, curves), each with its own section, so buurten and 100 m cells can be read side by side.
    ``gesimuleerd``: the history is simulated (the embedded sample): a boxed statement at the top says the
    figures are no evidence for the method. ``regel``: the outcome rule ('zwak' or 'klasse'), in words
    (without it both are). ``analysejaar``, ``uitkomstjaar``, ``gemeenten``: named in the text where given.
    ``notes``: further paragraphs of plain text. ``instellingen``: the settings text, shown as is. Numbers are
    in Dutch notation (0,75; 12,5 %; 1.234). ``cbs``: the CBS figures used (``core.cbs.beschrijving``); figures
    from after the analysis year get a box at the top. The file is written to a temporary file beside ``path`` and
    renamed, so it is either complete or absent. Returns the path.
    """
    path = Path(path)
    levels = [(niveau, list(rows), dict(curves or {}))]
    levels += [(other, list(other_rows), dict(other_curves or {})) for other, other_rows, other_curves in niveaus]
    meer = len(levels) > 1 or niveau is not None
    samenvatting = []
    for level, level_rows, _ in levels:
        kern = _kern_html(level, level_rows, analysejaar, uitkomstjaar)
        if kern and meer:
            _, _, _, _, heading, heading_en = _woorden(level)
            kern = f"<h3>{_kop(heading, heading_en)}</h3>\n{kern}"
        if kern:
            samenvatting.append(kern)
    summary_html = ""
    if samenvatting:
        summary_html = f"<h2>{_kop('Samenvatting', 'summary')}</h2>\n" + "\n".join(samenvatting)
    if meer:
        sections = "\n".join(f"<section>\n{_niveau_html(level, level_rows, level_curves, True)}\n</section>"
                             for level, level_rows, level_curves in levels)
    else:
        level, level_rows, level_curves = levels[0]
        sections = (f"<h2>{_kop('Resultaten', 'results')}</h2>\n"
                    f"{_niveau_html(level, level_rows, level_curves, False)}")
    settings_html = ""
    if instellingen is not None and str(instellingen).strip():
        settings = html.escape(str(instellingen).strip("\n"))
        settings_html = f"<h2>{_kop('Instellingen', 'settings')}</h2>\n<pre>{settings}</pre>\n"
    document = f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>{html.escape(str(title))}</title>
<style>
{_STIJL}</style>
</head>
<body>
<h1>{html.escape(str(title))}</h1>
{_GESIMULEERD if gesimuleerd else ""}
{_toekomst_html(cbs)}
<h2>{_kop("Wat is getoetst", "what was tested")}</h2>
{_getoetst_html(analysejaar, uitkomstjaar, regel, gemeenten, notes, cbs)}
{summary_html}
{_uitleg_html()}
{sections}
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
