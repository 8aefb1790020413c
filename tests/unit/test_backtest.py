"""Backtest measures (core/backtest.py): outcomes, AUC, precision/recall, lift, bootstrap intervals and the
HTML report, by hand.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_backtest.py
"""

import html
import math
import os
import re
import stat

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core import backtest
from vroegsignalering.core.backtest import (
    ACHTERUITGANG,
    REGELS,
    evaluate,
    html_report,
    lift,
    lift_curve,
    per_klasse,
    precision_recall,
    roc_auc,
    roc_curve,
    uitkomst,
    weighted_auc,
)
from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.errors import InputError
from vroegsignalering.core.mechanisms.register import MECHANISMEN
from vroegsignalering.core.scores import read_score_csv, wide_scores

SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "sample")


# ----------------------------------------------------------------------------- uitkomst


def _units():
    # unit: class 2016 -> class 2024
    return pd.DataFrame(
        {
            "code": list("abcdefgh"),
            "klasse_2016": pd.array([6, 5, 7, 4, None, 6, 9, 5], dtype="Int64"),
            "klasse_2024": pd.array([4, 5, 5, 3, 3, None, 9, 2], dtype="Int64"),
        },
        index=[10, 11, 12, 13, 14, 15, 16, 17],
    )


def test_uitkomst_zwak():
    result = uitkomst(_units(), 2016, 2024)
    assert result.dtype == "Float64"
    assert result.name == "uitkomst"
    assert list(result.index) == [10, 11, 12, 13, 14, 15, 16, 17]
    # a 6->4 fell below voldoende; b 5->5 no; c 7->5 still voldoende; d 4->3 not in the target group;
    # e no class at t; f no class at the outcome year; g 9->9 no; h 5->2 fell
    expected = [1.0, 0.0, 0.0, None, None, None, 0.0, 1.0]
    assert [None if pd.isna(v) else float(v) for v in result] == expected


def test_uitkomst_klasse():
    result = uitkomst(_units(), 2016, 2024, regel="klasse")
    # c 7->5 dropped two classes (counts now); d 4->3 dropped but is outside the target group
    expected = [1.0, 0.0, 1.0, None, None, None, 0.0, 1.0]
    assert [None if pd.isna(v) else float(v) for v in result] == expected


def test_uitkomst_errors():
    with pytest.raises(InputError, match="rule"):
        uitkomst(_units(), 2016, 2024, regel="vaag")
    with pytest.raises(InputError, match="klasse_2020.*2016, 2024"):
        uitkomst(_units(), 2016, 2020)
    with pytest.raises(InputError, match="later"):
        uitkomst(_units(), 2024, 2016)


def test_achteruitgang_words_one_per_rule():
    assert tuple(ACHTERUITGANG) == REGELS
    for regel, (nl, en) in ACHTERUITGANG.items():
        assert nl and en and nl != en
        if uitkomst.__doc__:  # python -OO drops docstrings
            assert f"``regel='{regel}'``" in uitkomst.__doc__ and en in uitkomst.__doc__ and nl in uitkomst.__doc__


# ----------------------------------------------------------------------------- AUC and ROC


def test_auc_hand_values():
    # positives 0.35 and 0.8 against negatives 0.1 and 0.4: 0.35>0.1, 0.35<0.4, 0.8>both -> 3/4
    assert roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) == pytest.approx(0.75)
    assert roc_auc([0.1, 0.2, 0.3, 0.4], [0, 0, 1, 1]) == 1.0
    assert roc_auc([0.4, 0.3, 0.2, 0.1], [0, 0, 1, 1]) == 0.0


def test_auc_ties_count_half():
    # 0.5 vs 0.5 counts 1/2: (1 + 0.5 + 1 + 1) / 4
    assert roc_auc([0.2, 0.5, 0.5, 0.9], [0, 0, 1, 1]) == pytest.approx(0.875)
    assert roc_auc([1, 1, 1, 1], [0, 1, 0, 1]) == pytest.approx(0.5)
    # 1v1 = 0.5, 1v2 = 0, 2v1 = 1, 2v2 = 0.5 -> 2 / 4
    assert roc_auc([1, 1, 2, 2], [0, 1, 0, 1]) == pytest.approx(0.5)


def test_auc_drops_missing_and_needs_both_classes():
    scores = pd.Series([0.1, np.nan, 0.4, 0.35, 0.8, 0.9])
    outcomes = pd.Series([0, 1, 0, 1, 1, None], dtype="Float64")
    assert roc_auc(scores, outcomes) == pytest.approx(0.75)
    assert math.isnan(roc_auc([0.1, 0.2], [1, 1]))
    assert math.isnan(roc_auc([], []))
    with pytest.raises(InputError, match="0 or 1"):
        roc_auc([0.1, 0.2], [0, 2])
    with pytest.raises(InputError, match="length"):
        roc_auc([0.1, 0.2], [0])


def test_auc_accepts_boolean_outcomes():
    outcomes = pd.Series([False, False, True, True, None], dtype="boolean")
    assert roc_auc([0.1, 0.4, 0.35, 0.8, 0.5], outcomes) == pytest.approx(0.75)


def test_roc_curve_hand_values():
    fpr, tpr, thresholds = roc_curve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])
    assert fpr.tolist() == [0.0, 0.0, 0.5, 0.5, 1.0]
    assert tpr.tolist() == [0.0, 0.5, 0.5, 1.0, 1.0]
    assert thresholds.tolist() == [np.inf, 0.8, 0.4, 0.35, 0.1]


def test_roc_curve_area_is_auc_with_ties():
    scores = [0.1, 0.4, 0.4, 0.8, 0.1, 0.3, 0.3]
    outcomes = [0, 0, 1, 1, 1, 0, 1]
    fpr, tpr, _ = roc_curve(scores, outcomes)
    area = float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
    assert area == pytest.approx(roc_auc(scores, outcomes))


# ----------------------------------------------------------------------------- classes and lift

KLASSEN = [0, 0, 1, 1, 2, 2, 2, 0]
UITKOMST = [0, 1, 0, 1, 1, 1, 0, None]  # the last unit has no outcome: left out


def test_per_klasse_by_hand():
    table = per_klasse(KLASSEN, UITKOMST).set_index("risicoklasse")
    # 7 units, 4 declined: base rate 4/7
    assert table["n"].tolist() == [2, 2, 3]
    assert table["n_positief"].tolist() == [1, 1, 2]
    assert table["precision"].tolist() == pytest.approx([0.5, 0.5, 2 / 3])
    # recall of class >= k: 4/4, 3/4, 2/4
    assert table["recall"].tolist() == pytest.approx([1.0, 0.75, 0.5])
    assert table["precision_vanaf"].tolist() == pytest.approx([4 / 7, 3 / 5, 2 / 3])
    assert table["basisratio"].tolist() == pytest.approx([4 / 7] * 3)
    assert table["lift"].tolist() == pytest.approx([1.0, (3 / 5) / (4 / 7), (2 / 3) / (4 / 7)])


def test_per_klasse_empty_class_and_bad_class():
    table = per_klasse([0, 0, 2], [0, 1, 1]).set_index("risicoklasse")
    assert table.at[1, "n"] == 0
    assert math.isnan(table.at[1, "precision"])
    assert table.at[1, "recall"] == pytest.approx(0.5)  # class >= 1 holds the one decliner in class 2
    with pytest.raises(InputError, match="0, 1 or 2"):
        per_klasse([0, 3], [0, 1])


def test_lift_by_hand():
    # class 2: 2 of 3 declined, base rate 4/7 -> 7/6
    assert lift(KLASSEN, UITKOMST) == pytest.approx(7 / 6)
    # class >= 1: 3 of 5 -> 21/20
    assert lift(KLASSEN, UITKOMST, klasse=1) == pytest.approx(21 / 20)
    assert lift(KLASSEN, UITKOMST, klasse=0) == pytest.approx(1.0)


def test_lift_undefined():
    assert math.isnan(lift([0, 0, 1], [0, 1, 1], klasse=2))  # nobody in class 2
    assert math.isnan(lift([0, 2, 2], [0, 0, 0]))  # nobody declined
    assert math.isnan(lift([], []))


def test_evaluate_row():
    scores = [0.1, 0.2, 0.5, 0.6, 0.9, 0.8, 0.7, 0.3]
    row = evaluate("profiel", scores, KLASSEN, UITKOMST)
    assert row["naam"] == "profiel"
    assert row["n"] == 7 and row["n_positief"] == 4
    assert row["basisratio"] == pytest.approx(4 / 7)
    assert row["auc"] == pytest.approx(roc_auc(scores, UITKOMST))
    assert row["lift_sterk"] == pytest.approx(7 / 6)
    assert row["lift_verhoogd"] == pytest.approx(21 / 20)
    assert row["precision_2"] == pytest.approx(2 / 3)
    assert row["recall_1"] == pytest.approx(0.75)
    assert row["n_0"] == 2 and row["n_2"] == 3


def test_evaluate_without_classes_or_scores():
    row = evaluate("afstand", [0.1, 0.4, 0.35, 0.8], None, [0, 0, 1, 1])
    assert row["auc"] == pytest.approx(0.75)
    assert math.isnan(row["lift_sterk"]) and math.isnan(row["precision_2"])
    row = evaluate("telling", None, [0, 0, 2, 2], [0, 0, 1, 1])
    assert math.isnan(row["auc"])
    assert row["lift_sterk"] == pytest.approx(2.0)


def test_lift_curve_by_hand():
    scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0]
    outcomes = [1, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    curve = lift_curve(scores, outcomes, steps=5)
    assert curve["aandeel"].tolist() == pytest.approx([0.2, 0.4, 0.6, 0.8, 1.0])
    assert curve["n_gesignaleerd"].tolist() == [2, 4, 6, 8, 10]
    assert curve["n_positief"].tolist() == [1, 2, 2, 2, 2]
    # base rate 0.2: 0.5 / 0.2, 0.5 / 0.2, (2/6) / 0.2, (2/8) / 0.2, 1
    assert curve["lift"].tolist() == pytest.approx([2.5, 2.5, 5 / 3, 1.25, 1.0])
    assert curve["recall"].tolist() == pytest.approx([0.5, 1, 1, 1, 1])


def test_lift_curve_ties_at_the_cut_count_pro_rata(tmp_path):
    # every score the same: the input order puts both decliners first, a lift of 5 at 20 % by luck alone
    scores, outcomes = [0.5] * 10, [1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
    assert lift_curve(scores, outcomes, steps=5)["lift"].tolist()[0] == pytest.approx(5.0)
    assert lift_curve(scores, outcomes, steps=5, gelijk_verdeeld=True)["lift"].tolist() == pytest.approx([1.0] * 5)
    # 0.9 (declined), four tied at 0.5 (one declined), five at 0.1: at 20 % the 0.9 and a quarter of the 0.5s' decline
    scores = [0.9, 0.5, 0.5, 0.5, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1]
    fair = lift_curve(scores, outcomes, steps=5, gelijk_verdeeld=True)
    assert fair["n_positief"].tolist() == pytest.approx([1.25, 1.75, 2, 2, 2])
    assert fair["lift"].tolist()[0] == pytest.approx((1.25 / 2) / 0.2)
    # the chart draws a score that ranks nothing flat at lift 1
    path = html_report("B", [], {"vlak": (scores[:1] * 10, outcomes)}, tmp_path / "b.html")
    lift_chart = re.findall(r"<svg.*?</svg>", path.read_text(encoding="utf-8"), re.S)[1]
    points = re.search(r'<polyline data-naam="vlak" points="([^"]+)"', lift_chart).group(1).split()
    assert len({point.split(",")[1] for point in points}) == 1


# ----------------------------------------------------------------------------- signal

SIGNAAL = [1, 1, 0, 0, 1, None, 0, 1]
SIGNAAL_UITKOMST = [1, 0, 1, 0, None, 1, 0, 1]


def test_precision_recall_by_hand():
    # signal and outcome known: units 0 (1,1), 1 (1,0), 2 (0,1), 3 (0,0), 6 (0,0), 7 (1,1)
    # signalled 0, 1, 7: 2 of 3 declined; decliners 0, 2, 7: 2 of 3 signalled; base rate 3/6
    result = precision_recall(SIGNAAL, SIGNAAL_UITKOMST)
    assert result["n_signaal"] == 3
    assert result["precision_signaal"] == pytest.approx(2 / 3)
    assert result["recall_signaal"] == pytest.approx(2 / 3)
    assert result["lift_signaal"] == pytest.approx((2 / 3) / (1 / 2))


def test_precision_recall_accepts_booleans_and_refuses_other_values():
    signal = pd.Series([True, True, False, False, True, None, False, True], dtype="boolean")
    assert precision_recall(signal, SIGNAAL_UITKOMST)["lift_signaal"] == pytest.approx(4 / 3)
    with pytest.raises(InputError, match="Signals must be 0 or 1"):
        precision_recall([0, 2], [0, 1])
    with pytest.raises(InputError, match="length"):
        precision_recall([0, 1], [0])


def test_precision_recall_undefined():
    nobody = precision_recall([0, 0, 0], [0, 1, 1])
    assert nobody["n_signaal"] == 0 and math.isnan(nobody["precision_signaal"])
    assert nobody["recall_signaal"] == 0.0 and math.isnan(nobody["lift_signaal"])
    no_decline = precision_recall([1, 0, 1], [0, 0, 0])
    assert no_decline["precision_signaal"] == 0.0
    assert math.isnan(no_decline["recall_signaal"]) and math.isnan(no_decline["lift_signaal"])


def test_evaluate_with_a_signal():
    row = evaluate("afstand", None, None, SIGNAAL_UITKOMST, signaal=SIGNAAL, bootstrap=0)
    # n and basisratio count every unit with a known outcome (7, of which 4 declined) ...
    assert row["n"] == 7 and row["n_positief"] == 4 and row["basisratio"] == pytest.approx(4 / 7)
    # ... the signal's figures only those whose signal is known too (unit 5 has none)
    assert row["n_signaal"] == 3
    assert row["precision_signaal"] == pytest.approx(2 / 3)
    assert row["recall_signaal"] == pytest.approx(2 / 3)
    assert row["lift_signaal"] == pytest.approx(4 / 3)
    assert math.isnan(row["lift_verhoogd"]) and math.isnan(row["auc"])


def test_evaluate_profile_signals_from_verhoogd():
    # signal = class >= 1: units 2..6, of which 3 declined (3, 4, 5); 3 of the 4 decliners; base rate 4/7
    row = evaluate("profiel", None, KLASSEN, UITKOMST, bootstrap=0)
    assert row["n_signaal"] == 5
    assert row["precision_signaal"] == pytest.approx(3 / 5)
    assert row["recall_signaal"] == pytest.approx(3 / 4)
    assert row["lift_signaal"] == pytest.approx(21 / 20) == row["lift_verhoogd"]
    # a unit without a class drops out of the signal as it does out of the classes
    row = evaluate("profiel", None, [*KLASSEN, None], [*UITKOMST, 1], bootstrap=0)
    assert row["n_signaal"] == 5 and row["lift_signaal"] == pytest.approx(row["lift_verhoogd"])
    assert row["n"] == 8
    # an explicit signal wins over the classes
    row = evaluate("profiel", None, KLASSEN, UITKOMST, signaal=[1, 1, 0, 0, 0, 0, 0, 0], bootstrap=0)
    assert row["n_signaal"] == 2 and row["precision_signaal"] == pytest.approx(1 / 2)


def test_evaluate_keys():
    old = {"naam", "n", "n_positief", "basisratio", "auc", "lift_sterk", "lift_verhoogd"} | {
        f"{column}_{klasse}" for column in ("n", "precision", "recall") for klasse in (0, 1, 2)}
    new = {"n_signaal", "precision_signaal", "recall_signaal", "lift_signaal"} | {
        f"{figure}_{end}" for figure in ("auc", "lift_signaal", "lift_verhoogd", "lift_sterk")
        for end in ("laag", "hoog")}
    row = evaluate("afstand", [0.1, 0.4, 0.35, 0.8], None, [0, 0, 1, 1], bootstrap=10)
    assert set(row) == old | new
    assert all(math.isnan(row[key]) for key in new - {"auc_laag", "auc_hoog"})  # no signal, no classes
    with pytest.raises(InputError, match="0 or 1"):
        evaluate("x", None, None, [0, 2])
    with pytest.raises(InputError, match="bootstrap"):
        evaluate("x", None, None, [0, 1], bootstrap=-1)


# ----------------------------------------------------------------------------- bootstrap


def _informative(n, seed):
    """Scores that predict decline, classes from the scores, a few missing values."""
    rng = np.random.default_rng(seed)
    scores = rng.normal(size=n)
    outcomes = (rng.random(n) < 1 / (1 + np.exp(-(2 * scores - 2)))).astype(float)
    klassen = (scores > 0.5).astype(float) + (scores > 1.2)
    outcomes[rng.random(n) < 0.05] = np.nan
    klassen[rng.random(n) < 0.05] = np.nan
    return scores, klassen, outcomes


INTERVALS = [f"{figure}_{end}" for figure in ("auc", "lift_signaal", "lift_verhoogd", "lift_sterk")
             for end in ("laag", "hoog")]


def test_weighted_auc_is_the_auc_of_duplicated_units():
    scores = [0.1, 0.4, 0.4, 0.8, 0.1, 0.3, 0.3, np.nan, 0.5]
    outcomes = [0, 0, 1, 1, 1, 0, 1, 1, None]
    weights = np.array([2, 1, 3, 0, 1, 2, 1, 4, 2])
    twice = roc_auc(np.repeat(scores, weights), np.repeat(np.array(outcomes, dtype=float), weights))
    assert weighted_auc(scores, outcomes, weights) == pytest.approx(twice, abs=1e-15)
    assert weighted_auc(scores, outcomes, np.ones(9)) == pytest.approx(roc_auc(scores, outcomes), abs=1e-15)
    # one AUC per row of a weight matrix; a row without decliners' weight has none
    rows = weighted_auc(scores, outcomes, np.array([weights, np.ones(9), [1, 1, 0, 0, 0, 1, 0, 0, 0]]))
    assert rows[:2] == pytest.approx([twice, roc_auc(scores, outcomes)], abs=1e-15)
    assert math.isnan(rows[2])


def test_weighted_lift_is_the_lift_of_duplicated_units():
    weights = np.array([2, 0, 1, 3, 1, 2, 1, 4])
    klassen = np.array(KLASSEN, dtype=float)
    outcomes = np.array([np.nan if v is None else v for v in UITKOMST])
    for drempel in (1, 2):
        counts = weights @ backtest._lift_counts(klassen, drempel, outcomes)
        expected = lift(np.repeat(klassen, weights), np.repeat(outcomes, weights), klasse=drempel)
        assert backtest._lift_weighted(counts[None, :])[0] == pytest.approx(expected)


def test_bootstrap_deterministic_for_a_seed():
    scores, klassen, outcomes = _informative(300, seed=1)
    first = evaluate("x", scores, klassen, outcomes, bootstrap=200, seed=7)
    again = evaluate("x", scores, klassen, outcomes, bootstrap=200, seed=7)
    other = evaluate("x", scores, klassen, outcomes, bootstrap=200, seed=8)
    assert [first[key] for key in INTERVALS] == [again[key] for key in INTERVALS]
    assert [first[key] for key in INTERVALS] != [other[key] for key in INTERVALS]


def test_bootstrap_interval_holds_the_estimate(monkeypatch):
    scores, klassen, outcomes = _informative(2000, seed=5)
    monkeypatch.setattr(backtest, "_BATCH_ELEMENTS", 50_000)  # several batches of 26 resamples
    row = evaluate("x", scores, klassen, outcomes, seed=3)
    for figure in ("auc", "lift_signaal", "lift_verhoogd", "lift_sterk"):
        assert row[f"{figure}_laag"] < row[figure] < row[f"{figure}_hoog"], figure
    assert row["auc_hoog"] - row["auc_laag"] < 0.06  # ~450 decliners: a narrow interval
    assert row["lift_signaal_laag"] == row["lift_verhoogd_laag"]  # the profile's signal is class >= 1


def test_bootstrap_few_decliners_wide():
    rng = np.random.default_rng(0)
    outcomes = np.r_[np.ones(7), np.zeros(63)]
    scores = rng.normal(size=70) + outcomes
    row = evaluate("x", scores, None, outcomes, signaal=(scores > np.quantile(scores, 0.75)).astype(float))
    assert row["auc_laag"] < row["auc"] < row["auc_hoog"]
    assert row["auc_hoog"] - row["auc_laag"] > 0.15
    assert row["lift_signaal_hoog"] > 2 * row["lift_signaal_laag"]


def test_bootstrap_undefined_gives_nan():
    scores, klassen, outcomes = _informative(50, seed=2)
    off = evaluate("x", scores, klassen, outcomes, bootstrap=0)
    assert all(math.isnan(off[key]) for key in INTERVALS)
    assert math.isfinite(off["auc"])
    # nobody declined: no AUC and no lift, in any resample
    row = evaluate("x", scores, klassen, np.zeros(50), bootstrap=50)
    assert all(math.isnan(row[key]) for key in INTERVALS)
    # one decliner (unit 0) and one signalled unit (unit 1) in 20: the lift is 0, but a resample misses
    # one of them with chance 1 - (1 - 2 * 0.95**20 + 0.9**20) = 0.60 > 1/2, so there is no interval
    signal, outcome = np.zeros(20), np.zeros(20)
    signal[1], outcome[0] = 1, 1
    row = evaluate("x", None, None, outcome, signaal=signal, bootstrap=1000)
    assert row["lift_signaal"] == 0.0
    assert math.isnan(row["lift_signaal_laag"]) and math.isnan(row["lift_signaal_hoog"])


def test_interval_needs_half_defined():
    assert backtest._interval(np.array([1.0, 2.0, np.nan, np.nan])) == pytest.approx((1.025, 1.975))
    assert all(math.isnan(v) for v in backtest._interval(np.array([1.0, np.nan, np.nan])))
    assert all(math.isnan(v) for v in backtest._interval(np.array([])))


# ----------------------------------------------------------------------------- report


def test_html_report(tmp_path):
    rows = [
        evaluate("afstand <voldoende>", [0.1, 0.4, 0.35, 0.8], None, [0, 0, 1, 1]),
        evaluate("profiel", [0.1, 0.2, 0.5, 0.6, 0.9, 0.8, 0.7, 0.3], KLASSEN, UITKOMST),
    ]
    curves = {"afstand": ([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), "profiel": ([0.1, 0.2, 0.5, 0.6], [0, 1, 0, 1])}
    path = html_report("Backtest 2016 → 2024", rows, curves, tmp_path / "out" / "backtest.html", notes=["Test & note"])
    text = path.read_text(encoding="utf-8")
    assert text.count("<svg") == 2 and text.count("</svg>") == 2
    assert "0,75 (" in text  # AUC of the first row, with its interval
    assert "1,17 (" in text  # lift sterk of the profile: 7/6
    assert "57,1 %" in text  # base rate 4/7
    assert "afstand &lt;voldoende&gt;" in text and "Test &amp; note" in text
    assert "<polyline" in text
    assert "<script" not in text.lower() and "http" not in text.lower()
    assert [p.name for p in path.parent.iterdir()] == ["backtest.html"]


def test_html_report_complete_or_absent(tmp_path, monkeypatch):
    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(backtest.os, "replace", fail)
    with pytest.raises(OSError):
        html_report("x", [], {}, tmp_path / "r.html")
    assert list(tmp_path.iterdir()) == []


def test_html_report_dutch_numbers_intervals_and_settings(tmp_path):
    row = {"naam": "risicoprofiel", "n": 1234, "n_positief": 12, "basisratio": 0.125, "auc": 0.912,
           "auc_laag": 0.84, "auc_hoog": 0.96, "n_signaal": 2345, "precision_signaal": 0.04,
           "recall_signaal": 0.5, "lift_signaal": 3.5, "lift_signaal_laag": 2.25, "lift_signaal_hoog": 5.1,
           "lift_verhoogd": 3.5, "lift_sterk": 6.0, "lift_sterk_laag": math.nan, "lift_sterk_hoog": math.nan}
    settings = "Analysejaar: 2016\nUitkomst: <zwak>"
    path = html_report("B", [row], {}, tmp_path / "b.html", instellingen=settings, regel="zwak")
    text = path.read_text(encoding="utf-8")
    seen = _zichtbaar(text)
    # counts shared by every row of the level are said once, above the table
    assert "1.234 eenheden in de doelgroep, waarvan 12 achteruitgingen: een basisratio van 12,5 %" in seen
    assert "<td>2.345</td>" in text and "<td>4,0 %</td>" in text
    assert "<td>0,91 (0,84–0,96)</td>" in text
    assert "<td>3,50 (2,25–5,10)</td>" in text
    assert "<td>6,00</td>" in text  # no interval: the figure alone
    assert "Instellingen (settings)" in _koppen(text, "h2")
    assert "<pre>Analysejaar: 2016\nUitkomst: &lt;zwak&gt;</pre>" in text
    nl, en = ACHTERUITGANG["zwak"]
    assert html.escape(nl) in text and html.escape(en) in text
    assert "Let op (note): met maar 12 eenheden die achteruitgingen zijn deze getallen zeer onzeker" in seen
    assert "95 %-interval" in text
    assert "http" not in text.lower()


def test_html_report_without_settings_or_rule(tmp_path):
    row = evaluate("afstand", [0.1, 0.4, 0.35, 0.8] * 10, None, [0, 0, 1, 1] * 10)  # 20 decliners
    text = html_report("B", [row], {}, tmp_path / "b.html").read_text(encoding="utf-8")
    assert "Instellingen" not in text and "Let op" not in text
    assert "Risicoklassen" not in text  # no row has classes
    for nl, en in ACHTERUITGANG.values():  # no rule named: both are described
        assert html.escape(nl) in text and html.escape(en) in text
    with pytest.raises(InputError, match="rule"):
        html_report("B", [row], {}, tmp_path / "c.html", regel="vaag")


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_html_report_ordinary_file_mode(tmp_path):
    old = os.umask(0o022)
    try:
        path = html_report("x", [], {}, tmp_path / "r.html")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not the 0600 of tempfile.mkstemp


# ----------------------------------------------------------------------------- the page as a reader sees it


def _zichtbaar(fragment):
    """The text a reader sees: the style sheet and tags dropped, entities decoded, white space collapsed."""
    fragment = re.sub(r"<style>.*?</style>", " ", fragment, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split()).replace(" )", ")").replace(" :", ":")


def _koppen(text, tag):
    return [_zichtbaar(inner) for inner in re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", text, re.S)]


def _lijnen(svg):
    """Per line of a chart: name -> (colour, width), in drawing order."""
    found = re.findall(r'<polyline data-naam="([^"]+)"[^>]*stroke="([^"]+)" stroke-width="([^"]+)"', svg)
    return {naam: (colour, float(width)) for naam, colour, width in found}, [naam for naam, _, _ in found]


def _legenda(text):
    """Per legend entry: name -> (swatch colour, visible text)."""
    found = re.findall(r'<li data-naam="([^"]+)"><span class="streep" style="border-top: [\d.]+px solid ([^"]+)">'
                       r"</span>(.*?)</li>", text, re.S)
    return {naam: (colour, _zichtbaar(inner)) for naam, colour, inner in found}


def _level(seed, n=400, namen=(*MECHANISMEN, "armoede")):
    """Rows and curves of one level: every mechanism with an informative score, an own indicator, the profile."""
    rng = np.random.default_rng(seed)
    outcomes = (rng.random(n) < 0.1).astype(float)
    rows, curves = [], {}
    for naam in namen:
        score = rng.random(n) + 0.6 * outcomes
        rows.append(evaluate(naam, score, None, outcomes, signaal=(score > 0.9).astype(float), bootstrap=0))
        curves[naam] = (score, outcomes)
    profiel = rng.random(n) + outcomes
    klassen = np.select([profiel > 1.4, profiel > 1.1], [2, 1], 0)
    rows.append(evaluate("risicoprofiel", profiel, klassen, outcomes, bootstrap=0))
    curves["risicoprofiel"] = (profiel, outcomes)
    return rows, curves


def test_html_report_states_a_simulated_history_plainly(tmp_path):
    rows, curves = _level(1)
    plain = html_report("B", rows, curves, tmp_path / "echt.html").read_text(encoding="utf-8")
    simulated = html_report("B", rows, curves, tmp_path / "sim.html", gesimuleerd=True).read_text(encoding="utf-8")
    assert "gesimuleerd" not in _zichtbaar(plain).lower() and "simulated" not in plain
    box = re.search(r'<div class="gesimuleerd" role="note">(.*?)</div>', simulated, re.S)
    assert box is not None
    said = _zichtbaar(box.group(1))
    assert said.startswith("Gesimuleerde geschiedenis: deze cijfers zijn geen bewijs voor de methode "
                           "(simulated history: these figures are no evidence for the method)")
    assert "echte meerjarige Leefbaarometer-gegevens" in said and "real multi-year Leefbaarometer data" in said
    # near the top: right under the title, before anything is said about the results
    assert simulated.index("</h1>") < box.start() < simulated.index("<h2")


def test_html_report_is_dutch_first_with_english_in_brackets(tmp_path):
    buurt, grid = _level(1), _level(2)
    text = html_report("B", *buurt, tmp_path / "b.html", niveau="buurt", niveaus=[("grid", *grid)], regel="zwak",
                       analysejaar=2016, uitkomstjaar=2024, gemeenten=["GM0995"],
                       instellingen="profiel.regel = aandeel").read_text(encoding="utf-8")
    assert _koppen(text, "h2") == [
        "Wat is getoetst (what was tested)", "Samenvatting (summary)", "Zo leest u de cijfers (how to read the figures)",
        "Buurten (neighbourhoods)", "Deelgebieden van 100 m (100 m grid cells)", "Instellingen (settings)"]
    assert set(_koppen(text, "h3")) == {
        "Buurten (neighbourhoods)", "Deelgebieden van 100 m (100 m grid cells)", "Per mechanisme (per mechanism)",
        "Risicoklassen van het profiel (the profile's risk classes)", "Grafieken (charts)"}
    bilingual = re.compile(r"^.*\S \([\w %',]+\)$")  # Dutch, then the English in brackets
    for heading in _koppen(text, "th") + _koppen(text, "dt"):
        assert bilingual.match(heading), heading
    seen = _zichtbaar(text)
    assert "Achteruitgang (decline): de eenheid viel van 'voldoende' of beter naar 'zwak' of lager" in seen
    assert "Gemeenten (reported): GM0995" in seen
    assert "CBS-cijfers (zoals WOZ-waarde, inkomen en leeftijd) beschrijven één jaar, dat later kan liggen dan 2016" in seen
    for old in ("Decline:", "may postdate", "Naam (name)"):  # the cryptic English of before
        assert old not in seen
    # the charts' titles and axes, Dutch with the English beside it
    for words in ("ROC-curve (ROC curve)", "Ten onrechte gesignaleerd (false positive rate)",
                  "Gevangen achteruitgang (true positive rate)", "Lift (lift chart)",
                  "Keer zo vaak achteruit als gemiddeld (lift over the base rate)",
                  "Aandeel gesignaleerd, hoogste score eerst (share flagged, highest score first)"):
        assert words in seen, words
    # a mechanism by its Dutch label, with the English and its id
    assert "zwakke concurrentiepositie (weak competitive position) concurrentiepositie" in seen


def test_html_report_one_colour_per_mechanism_and_a_heavier_profile(tmp_path):
    rows, curves = _level(3)
    text = html_report("B", rows, curves, tmp_path / "b.html").read_text(encoding="utf-8")
    charts = re.findall(r"<svg.*?</svg>", text, re.S)
    assert len(charts) == 2
    drawn = []
    for chart in charts:
        lines, order = _lijnen(chart)
        assert set(lines) == set(curves)
        colours = [colour for colour, _ in lines.values()]
        assert len(set(colours)) == len(colours)  # 10 mechanisms, an own indicator and the profile: 12 colours
        profile_width = lines["risicoprofiel"][1]
        assert all(width < profile_width for naam, (_, width) in lines.items() if naam != "risicoprofiel")
        assert order[-1] == "risicoprofiel"  # drawn last: on top of the bundle
        drawn.append(lines)
    assert drawn[0] == drawn[1]  # the ROC curve and the lift chart colour every mechanism alike
    assert set(backtest.KLEUREN) == set(MECHANISMEN)  # a mechanism added to the register needs its colour
    # the same mechanism keeps its colour on another level, whichever mechanisms are there
    other, other_curves = _level(4, namen=("concurrentiepositie", "ontwikkeling"))
    again = html_report("C", other, other_curves, tmp_path / "c.html").read_text(encoding="utf-8")
    lines, _ = _lijnen(re.findall(r"<svg.*?</svg>", again, re.S)[0])
    for naam in ("concurrentiepositie", "ontwikkeling", "risicoprofiel"):
        assert lines[naam] == drawn[0][naam]


def test_html_report_legend_complete_and_not_cut_off(tmp_path):
    rows, curves = _level(5)
    curves["geen score"] = ([np.nan] * 400, curves["ontwikkeling"][1])  # a mechanism without any known score
    text = html_report("B", rows, curves, tmp_path / "b.html").read_text(encoding="utf-8")
    legend = _legenda(text)
    assert list(legend)[0] == "risicoprofiel" and set(legend) == set(curves)
    lines, _ = _lijnen(re.findall(r"<svg.*?</svg>", text, re.S)[0])
    for naam, (colour, said) in legend.items():
        if naam in backtest.NAMEN:
            nl, en = backtest.NAMEN[naam]
            assert said == f"{nl} ({en})", naam  # whole: long labels are not cut
        if naam in lines:
            assert colour == lines[naam][0], naam  # the swatch has the line's colour
    assert legend["concurrentiepositie"][1] == "zwakke concurrentiepositie (weak competitive position)"
    assert legend["armoede"][1] == "armoede"
    assert legend["geen score"][1] == "geen score – geen lijn (no line: no known score)"


def test_html_report_explains_precision_and_recall_in_plain_words(tmp_path):
    # the profile: classes 0 0 1 1 2 2 2, outcomes 0 1 0 1 1 1 0 (the last unit has none): 5 flagged, 3 of them
    # declined (precision 60 %); 4 declined, 3 of them flagged (recall 75 %); base rate 4/7
    row = evaluate("risicoprofiel", [0.1, 0.2, 0.5, 0.6, 0.9, 0.8, 0.7, 0.3], KLASSEN, UITKOMST, bootstrap=0)
    text = html_report("B", [row], {}, tmp_path / "b.html", niveau="buurt", analysejaar=2016,
                       uitkomstjaar=2024).read_text(encoding="utf-8")
    summary = _zichtbaar(re.search(r'<ul class="kern">(.*?)</ul>', text, re.S).group(1))
    assert ("Achteruitgang: van de 7 buurten die in 2016 'voldoende' of beter scoorden, gingen er 4 (57,1 %) "
            "achteruit tot 2024.") in summary
    assert ("Precisie 60,0 %: het risicoprofiel gaf 5 buurten 'verhoogd' of 'sterk verhoogd' risico; daarvan gingen "
            "er 3 echt achteruit.") in summary
    assert "Vangst 75,0 %: van de 4 buurten die achteruitgingen, had het profiel er 3 gesignaleerd." in summary
    assert "Lift 1,1: een gesignaleerde buurt ging 1,1 keer zo vaak achteruit als gemiddeld." in summary
    assert "Sterk verhoogd: 3 buurten, waarvan 2 achteruit: een lift van 1,2" in summary
    assert "(recall: of the 4 that declined, the profile had flagged 3)" in summary
    uitleg = dict(zip(_koppen(text, "dt"), _koppen(text, "dd")))
    assert uitleg["Precisie (precision)"].startswith("Welk deel van de gesignaleerde eenheden echt achteruitging.")
    assert uitleg["Precisie (precision)"].endswith("(what fraction of the flagged units really declined)")
    assert uitleg["Vangst (recall)"].startswith("Welk deel van de eenheden die achteruitgingen, gesignaleerd was.")
    assert uitleg["Vangst (recall)"].endswith("(what fraction of the declining units were flagged; flagging more "
                                              "raises the recall and usually lowers the precision)")
    assert "precisie gedeeld door de basisratio. 1 is niet beter dan toeval" in uitleg["Lift (lift)"]
    assert "0,5 is toeval, 1 is perfect" in uitleg["AUC (ROC AUC)"]
    # the class table counts it out: group, units, of which declined, precision, recall, lift
    klassen = re.search(r"Risicoklassen van het profiel.*?<tbody>(.*?)</tbody>", text, re.S).group(1)
    cells = [[_zichtbaar(c) for c in re.findall(r"<td>(.*?)</td>", tr)] for tr in re.findall(r"<tr>(.*?)</tr>", klassen)]
    assert cells[0][:5] == ["sterk verhoogd risico (strongly elevated risk)", "3", "2", "66,7 %", "50,0 %"]
    assert cells[1][:5] == ["verhoogd of sterk verhoogd (elevated or higher)", "5", "3", "60,0 %", "75,0 %"]
    assert cells[2][:4] == ["geen verhoogd risico (no elevated risk)", "2", "1", "50,0 %"]
    assert ("Van de 4 buurten die achteruitgingen, zat er 1 (25,0 %) in 'geen verhoogd risico': die heeft het "
            "profiel gemist.") in _zichtbaar(text)


def test_html_report_both_levels_each_with_its_own_figures(tmp_path):
    buurt, grid = _level(6, n=80), _level(7, n=2000)
    text = html_report("B", *buurt, tmp_path / "b.html", niveau="buurt", niveaus=[("grid", *grid)],
                       analysejaar=2016, uitkomstjaar=2024).read_text(encoding="utf-8")
    sections = re.findall(r"<section>(.*?)</section>", text, re.S)
    assert [_koppen(section, "h2") for section in sections] == [
        ["Buurten (neighbourhoods)"], ["Deelgebieden van 100 m (100 m grid cells)"]]
    for section, (rows, curves), words in zip(sections, (buurt, grid), ("80 buurten", "2.000 cellen van 100 m")):
        assert f"{words} in de doelgroep, waarvan {rows[0]['n_positief']} achteruitgingen" in _zichtbaar(section)
        assert section.count("<svg") == 2 and set(_legenda(section)) == set(curves)
    summary = text[text.index("Samenvatting"):text.index("Zo leest u")]
    assert _koppen(summary, "h3") == ["Buurten (neighbourhoods)", "Deelgebieden van 100 m (100 m grid cells)"]
    assert "Achteruitgang: van de 80 buurten" in _zichtbaar(summary)
    assert "Achteruitgang: van de 2.000 cellen van 100 m" in _zichtbaar(summary)
    # one level without a name: one results section, no level headings
    single = html_report("B", *buurt, tmp_path / "c.html").read_text(encoding="utf-8")
    assert "<section>" not in single and "Resultaten (results)" in _koppen(single, "h2")
    assert "Buurten (neighbourhoods)" not in _koppen(single, "h2") + _koppen(single, "h3")


def test_lift_chart_axis_in_round_steps(tmp_path):
    assert backtest._schaal(9.7) == (10, 2) and backtest._schaal(13) == (14, 2) and backtest._schaal(23) == (25, 5)
    rows, curves = _level(8)
    text = html_report("B", rows, curves, tmp_path / "b.html").read_text(encoding="utf-8")
    lift_chart = re.findall(r"<svg.*?</svg>", text, re.S)[1]
    ticks = re.findall(r'text-anchor="end">([\d,]+)</text>', lift_chart)
    steps = {round(float(b.replace(",", ".")) - float(a.replace(",", ".")), 9) for a, b in zip(ticks, ticks[1:])}
    assert ticks[0] == "0" and len(steps) == 1 and steps.pop() in (0.5, 1, 2, 5, 10)


# ----------------------------------------------------------------------------- the sample


@pytest.fixture(scope="module")
def sample_wide():
    tidy = read_score_csv(os.path.join(SAMPLE, "Leefbaarometer-scores buurten 2002-2024.csv"))
    return wide_scores(tidy, load_klassegrenzen())


def test_sample_outcome_and_auc(sample_wide):
    zwak = uitkomst(sample_wide, 2016, 2024)
    klasse = uitkomst(sample_wide, 2016, 2024, regel="klasse")
    # README: 68 buurten 'voldoende' or better in 2016; 12 in a lower class in 2024
    assert int(zwak.notna().sum()) == 68
    assert int(klasse.notna().sum()) == 68
    assert 0 < zwak.sum() <= klasse.sum()
    assert int(klasse.sum()) == 12
    # close to the 'voldoende' lower bound in 2016 -> more likely to decline
    score = -(sample_wide["afw_2016"] + 0.16405)
    assert roc_auc(score, zwak) > 0.6
    assert roc_auc(score, klasse) > 0.6
    row = evaluate("afstand", score, None, zwak)
    assert row["n"] == 68 and re.match(r"afstand", row["naam"])
