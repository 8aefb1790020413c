"""Backtest measures (core/backtest.py): outcomes, AUC, precision/recall, lift and the HTML report, by hand.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_backtest.py
"""

import math
import os
import re

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core import backtest
from vroegsignalering.core.backtest import (
    evaluate,
    html_report,
    lift,
    lift_curve,
    per_klasse,
    roc_auc,
    roc_curve,
    uitkomst,
)
from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.errors import InputError
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
    assert "0.750" in text  # AUC of the first row
    assert "1.167" in text  # lift sterk of the profile: 7/6
    assert "57.1 %" in text  # base rate 4/7
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
