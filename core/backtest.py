"""Backtest: how well did a signal, computed as of an earlier year, foresee what really happened?

Everything here works on plain arrays and Series (no QGIS), so the same numbers
feed the Processing algorithm, the report and the tests:

- ``uitkomst``: the outcome per unit between analysis year t and a later year;
- ``roc_auc`` / ``roc_curve``: how well a continuous score ranks the decliners first;
- ``per_klasse`` / ``lift``: precision and recall of the risk classes 0/1/2, and the
  lift of a class over the base rate;
- ``evaluate``: one row of the backtest table (per mechanism and for the profile);
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
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from .classes import VOLDOENDE
from .errors import InputError

REGELS = ("zwak", "klasse")
RISICO_KLASSEN = (0, 1, 2)
RISICO_LABELS = {0: "geen verhoogd risico", 1: "verhoogd risico", 2: "sterk verhoogd risico"}


# --------------------------------------------------------------------------- outcome


def uitkomst(units, t, t_uitkomst, regel="zwak"):
    """What really happened to each unit between analysis year ``t`` and ``t_uitkomst``.

    Reads the columns ``klasse_<t>`` and ``klasse_<t_uitkomst>`` (as made by
    ``core.scores.wide_scores``). The target group is the units 'voldoende' or
    better at t (class >= ``VOLDOENDE`` = 5): the instrument asks which of those
    will decline.

    ``regel='zwak'``: 1.0 when the unit fell from class >= 5 at t to class <= 4
    ('zwak' or lower) at t_uitkomst, else 0.0.
    ``regel='klasse'``: 1.0 when a unit of the target group is at least one class
    lower at t_uitkomst than at t, else 0.0.

    NA (pd.NA) when either class is missing (the unit was not measured, e.g. not
    yet built) or the unit was not in the target group at t. Returns a Float64
    Series named ``uitkomst`` on the index of ``units``.
    """
    regel = str(regel).strip().lower()
    if regel not in REGELS:
        raise InputError(f"Outcome rule '{regel}': expected one of {', '.join(REGELS)}.")
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


def evaluate(name, scores, risico_klasse, outcomes):
    """One row of the backtest table, as a dict.

    ``scores`` (higher = more risk) give the AUC; ``risico_klasse`` (0/1/2) give
    precision and recall per class and the lifts. Either may be None (then its
    numbers are NaN). ``n`` and ``basisratio`` count the units with a known
    outcome.
    """
    y = _floats(outcomes)
    known = ~np.isnan(y)
    row = {
        "naam": str(name),
        "n": int(known.sum()),
        "n_positief": int(np.nansum(y)),
        "basisratio": _ratio(np.nansum(y), known.sum()),
        "auc": roc_auc(scores, y) if scores is not None else math.nan,
    }
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

_KOLOMMEN = (
    ("naam", "Signaal (signal)"),
    ("n", "n"),
    ("n_positief", "Achteruitgang (declined)"),
    ("basisratio", "Basisratio (base rate)"),
    ("auc", "ROC AUC"),
    ("lift_sterk", "Lift sterk verhoogd (lift class 2)"),
    ("lift_verhoogd", "Lift verhoogd+ (lift class ≥ 1)"),
    ("precision_2", "Precisie 2 (precision)"),
    ("recall_2", "Recall ≥ 2"),
    ("precision_1", "Precisie 1 (precision)"),
    ("recall_1", "Recall ≥ 1"),
)
_KLEUREN = ("#1b6ca8", "#d1495b", "#2e933c", "#edae49", "#6a4c93", "#00798c", "#8d6a9f", "#595959")


def _fmt(value, column=""):
    if value is None:
        return "–"
    if isinstance(value, str):
        return html.escape(value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return html.escape(str(value))
    if math.isnan(number):
        return "–"
    if column in ("n", "n_positief") or (column.startswith("n_") and number == int(number)):
        return f"{int(number)}"
    if column == "basisratio" or column.startswith(("precision", "recall")):
        return f"{100 * number:.1f} %"
    return f"{number:.3f}"


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
                     f'{fraction:.1f}</text>')
        parts.append(f'<line x1="{left - 4}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#eee"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 3:.1f}" font-size="10" text-anchor="end">'
                     f'{fraction * ymax:.2g}</text>')
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
        parts.append(f'<text x="{left + plot_w + 30}" y="{ly}" font-size="10">{html.escape(str(name))[:22]}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def html_report(title, rows, curves, path, notes=()):
    """Write a self-contained HTML backtest summary to ``path`` (no scripts, no internet).

    ``rows``: the ``evaluate`` dicts (per mechanism and for the profile), shown
    as a table. ``curves``: a mapping name -> (scores, outcomes); from these the
    report draws an inline SVG ROC curve and an inline SVG lift chart (decline
    rate of the flagged share over the base rate). ``notes``: paragraphs of
    plain text shown under the title. The file is written to a temporary file
    beside ``path`` and renamed, so it is either complete or absent.
    Returns the path.
    """
    path = Path(path)
    rows = list(rows)
    curves = dict(curves or {})
    head = "".join(f"<th>{html.escape(label)}</th>" for _, label in _KOLOMMEN)
    body = []
    for row in rows:
        cells = "".join(f"<td>{_fmt(row.get(key), key)}</td>" for key, _ in _KOLOMMEN)
        body.append(f"<tr>{cells}</tr>")
    roc_series, lift_series, lift_max = [], [], 1.0
    for name, (scores, outcomes) in curves.items():
        fpr, tpr, _ = roc_curve(scores, outcomes)
        auc = roc_auc(scores, outcomes)
        label = f"{name} ({auc:.2f})" if math.isfinite(auc) else str(name)
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
    document = f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>{html.escape(str(title))}</title>
<style>
body {{ font-family: sans-serif; margin: 1.5em; color: #222; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border: 1px solid #ccc; padding: 3px 8px; text-align: right; font-size: 13px; }}
th {{ background: #f2f2f2; }}
td:first-child, th:first-child {{ text-align: left; }}
.charts svg {{ margin-right: 1.5em; }}
</style>
</head>
<body>
<h1>{html.escape(str(title))}</h1>
{notes_html}
<h2>Resultaten (results)</h2>
<table>
<thead><tr>{head}</tr></thead>
<tbody>
{chr(10).join(body)}
</tbody>
</table>
<p>Recall ≥ k: aandeel van alle achteruitgaande eenheden in risicoklasse k of hoger
(share of all decliners in risk class k or higher). Lift: aandeel achteruitgang in de klasse
gedeeld door de basisratio (decline rate in the class over the base rate).</p>
<h2>Grafieken (charts)</h2>
<div class="charts">
{roc_svg}
{lift_svg}
</div>
</body>
</html>
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(document)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path
