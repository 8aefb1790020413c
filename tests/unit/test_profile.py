"""Risk profile: weights, class rules, target group, leading factors, buurt share, potentieel kwetsbaar.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_profile.py
Every expected value is computed by hand in the comments.
"""

import time

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.errors import InputError
from vroegsignalering.core.mechanisms.register import LABELS, MECHANISMEN
from vroegsignalering.core.profile import (
    ProfielRegels,
    buurt_aandeel_verhoogd,
    gewichten_genormaliseerd,
    mechanism_columns,
    potentieel_kwetsbaar,
    risicoprofiel,
)

NA = pd.NA


def units_frame(klassen, jaar=2024, index=None):
    n = len(klassen)
    return pd.DataFrame(
        {"code": [f"E{i:04d}N0000" for i in range(n)], f"klasse_{jaar}": pd.array(klassen, dtype="Int64")},
        index=index,
    )


def mech_frame(index=None, **mechanisms):
    """mechanisms: naam=(scores, signals[, explanations]) -> one frame side by side."""
    frame = pd.DataFrame(index=index)
    for naam, parts in mechanisms.items():
        scores, signals = parts[0], parts[1]
        if index is None:
            frame = frame.reindex(range(len(scores)))
        frame[f"{naam}_score"] = np.asarray(scores, dtype=float)
        frame[f"{naam}_signaal"] = pd.array(signals, dtype="Int64")
        if len(parts) > 2:
            frame[f"{naam}_toelichting"] = pd.Series(parts[2], index=frame.index, dtype=object)
    return frame


def test_mechanisms_and_labels_cover_the_method():
    assert len(MECHANISMEN) == 10
    assert set(LABELS) == set(MECHANISMEN)
    assert LABELS["omslagzone"] == "dicht bij de omslag"


def test_mechanism_columns_needs_score_and_signal_and_skips_risico():
    frame = pd.DataFrame(columns=[
        "code", "overlast_score", "overlast_signaal",           # own indicator, listed after the method's
        "omslagzone_afstand", "omslagzone_score", "omslagzone_signaal",
        "ontwikkeling_score", "ontwikkeling_signaal", "ontwikkeling_toelichting",
        "conjunctuur_score",                                    # no signal column: not a mechanism
        "risico_score",                                         # an earlier profile's output
        "_score", "_signaal",
    ])
    assert mechanism_columns(frame) == ["ontwikkeling", "omslagzone", "overlast"]


def test_weights_normalised_missing_is_one_zero_allowed():
    # a: 2, b: missing = 1, c: 0 -> sum 3 -> 2/3, 1/3, 0
    np.testing.assert_allclose(gewichten_genormaliseerd(["a", "b", "c"], {"a": 2, "c": 0, "x": 5}), [2 / 3, 1 / 3, 0])
    np.testing.assert_allclose(gewichten_genormaliseerd(["a", "b"]), [0.5, 0.5])
    with pytest.raises(InputError, match="weight 0"):
        gewichten_genormaliseerd(["a", "b"], {"a": 0, "b": 0})
    with pytest.raises(InputError, match="0 or more"):
        ProfielRegels(gewichten={"a": -1})
    with pytest.raises(InputError, match="not a number"):
        ProfielRegels(gewichten={"a": "veel"})


def test_weighted_score_renormalised_per_unit_and_zero_weight_switches_off():
    regels = ProfielRegels(gewichten={"ontwikkeling": 2, "dimensies": 0}, min_mechanismen=1, regel="score")
    units = units_frame([6, 6, 6])
    mech = mech_frame(
        ontwikkeling=([0.6, np.nan, np.nan], [1, NA, NA]),
        omslagzone=([0.3, 0.3, np.nan], [1, 0, NA]),
        dimensies=([1.0, 1.0, 1.0], [1, 1, 1]),  # weight 0: counts for nothing
    )
    out = risicoprofiel(units, mech, 2024, regels)
    # A: (2 * 0.6 + 1 * 0.3) / 3 = 0.5 -> sterk verhoogd (the score rule: at least 0.5)
    # B: ontwikkeling unknown -> omslagzone alone: 0.3 (unknown is left out, not counted as 0); no class above 0
    # C: only the switched-off mechanism -> nothing known
    np.testing.assert_allclose(out["risico_score"].to_numpy(), [0.5, 0.3, np.nan])
    assert out["n_mechanismen"].tolist() == [2, 1, 0]
    assert out["n_signalen"].tolist() == [2, 0, NA]
    assert out["risico_klasse"].tolist() == [2, 0, NA]
    assert out["risico_label"].tolist() == ["sterk verhoogd risico", "geen verhoogd risico", "onbekend"]
    assert "zwakke dimensie" not in out.at[0, "factoren"]


def test_count_rule_boundaries():
    # unit i has i signals out of 5 mechanisms; counted out of 5: 0, 1 -> 0; 2, 3 -> 1; 4, 5 -> 2
    names = MECHANISMEN[:5]
    mech = mech_frame(**{naam: ([0.5] * 6, [int(i > j) for i in range(6)]) for j, naam in enumerate(names)})
    van5 = ProfielRegels(regel="signalen", signalen_van=5)
    out = risicoprofiel(units_frame([5] * 6), mech, 2024, van5)
    assert out["n_signalen"].tolist() == [0, 1, 2, 3, 4, 5]
    assert out["risico_klasse"].tolist() == [0, 0, 1, 1, 2, 2]
    assert out["risico_label"].tolist() == ["geen verhoogd risico"] * 2 + ["verhoogd risico"] * 2 + [
        "sterk verhoogd risico"] * 2
    assert str(out["risico_klasse"].dtype) == "Int64" and str(out["n_signalen"].dtype) == "Int64"
    # other thresholds: 1 signal verhoogd, 3 sterk
    out = risicoprofiel(units_frame([5] * 6), mech, 2024, ProfielRegels(regel="signalen", signalen_van=5,
                                                                       verhoogd_vanaf=1, sterk_vanaf=3))
    assert out["risico_klasse"].tolist() == [0, 1, 1, 2, 2, 2]
    # the defaults count out of the method's 10 mechanisms, scaled to the 5 known and rounded up:
    # verhoogd from ceil(2 x 5 / 10) = 1 signal, sterk from ceil(4 x 5 / 10) = 2
    out = risicoprofiel(units_frame([5] * 6), mech, 2024, ProfielRegels(regel="signalen"))
    assert out["risico_klasse"].tolist() == [0, 1, 2, 2, 2, 2]


def test_count_rule_scales_to_the_known_mechanisms():
    # 10 mechanisms, 3 signalling; unit 1 has the same signals but 4 of the quiet ones unknown (6 known)
    scores = [[0.6, 0.6, 0.6] + [0.1] * 7, [0.6, 0.6, 0.6] + [0.1, 0.1, 0.1] + [np.nan] * 4]
    mech = mech_frame(**{naam: ([s[j] for s in scores], [int(s[j] >= 0.5) if s[j] == s[j] else NA for s in scores])
                         for j, naam in enumerate(MECHANISMEN)})
    out = risicoprofiel(units_frame([6, 6]), mech, 2024, ProfielRegels(regel="signalen"))
    assert out["n_mechanismen"].tolist() == [10, 6]
    # 10 known: 3 signals -> verhoogd (2..3); 6 known: sterk from ceil(4 x 6 / 10) = 3 -> sterk
    assert out["risico_klasse"].tolist() == [1, 2]
    # the score rule: the mean over the known mechanisms, (1.8 + 0.7) / 10 = 0.25 and (1.8 + 0.3) / 6 = 0.35
    out = risicoprofiel(units_frame([6, 6]), mech, 2024, ProfielRegels(regel="score"))
    np.testing.assert_allclose(out["risico_score"].to_numpy(), [0.25, 0.35])
    assert out["risico_klasse"].tolist() == [0, 0]


def test_unknown_is_not_no_signal():
    """The same known scores give the same class whether the other mechanisms are unknown or absent."""
    full = mech_frame(ontwikkeling=([0.8], [1]), omslagzone=([0.6], [1]), dimensies=([0.2], [0]))
    more = full.assign(uitstraling_score=[np.nan], uitstraling_signaal=pd.array([NA], dtype="Int64"),
                       conjunctuur_score=[np.nan], conjunctuur_signaal=pd.array([NA], dtype="Int64"))
    a = risicoprofiel(units_frame([6]), full, 2024, ProfielRegels(regel="score"))
    b = risicoprofiel(units_frame([6]), more, 2024, ProfielRegels(regel="score"))
    pd.testing.assert_frame_equal(a, b)
    assert a.at[0, "risico_score"] == pytest.approx(1.6 / 3) and a.at[0, "risico_klasse"] == 2
    # fewer known mechanisms than the minimum (3): no class, 'onbekend', not 'geen verhoogd risico'
    two = mech_frame(ontwikkeling=([0.1], [0]), omslagzone=([0.2], [0]))
    out = risicoprofiel(units_frame([6]), two, 2024)
    assert pd.isna(out.at[0, "risico_klasse"]) and out.at[0, "risico_label"] == "onbekend"
    assert out.at[0, "n_mechanismen"] == 2
    assert risicoprofiel(units_frame([6]), two, 2024, ProfielRegels(min_mechanismen=2, regel="score")).at[
        0, "risico_klasse"] == 0


def test_score_rule_boundaries():
    scores = [0.3999, 0.4, 0.4999, 0.5, 1.0, 0.0]
    mech = mech_frame(omslagzone=(scores, [1] * 6))  # signals do not matter under the score rule
    out = risicoprofiel(units_frame([7] * 6), mech, 2024, ProfielRegels(min_mechanismen=1, regel="score"))
    assert out["risico_klasse"].tolist() == [0, 1, 1, 2, 2, 0]
    # 0.5 * 0.1 + 0.5 * 0.7 is 0.4 up to floating point: still on the boundary -> verhoogd
    mech = mech_frame(ontwikkeling=([0.1], [0]), omslagzone=([0.7], [1]))
    out = risicoprofiel(units_frame([5]), mech, 2024, ProfielRegels(regel="Score", min_mechanismen=2))
    assert out["risico_klasse"].tolist() == [1]
    assert out["n_signalen"].tolist() == [1]


def test_unknown_weight_names_are_errors():
    mech = mech_frame(ontwikkeling=([0.1], [0]), omslagzone=([0.7], [1]), overlast=([0.2], [0]))
    with pytest.raises(InputError, match="'ontwikeling'.*did you mean 'ontwikkeling'"):
        risicoprofiel(units_frame([5]), mech, 2024, ProfielRegels(gewichten={"ontwikeling": 0}))
    # the method's mechanisms (also when skipped here) and own indicators in the input are fine
    risicoprofiel(units_frame([5]), mech, 2024, ProfielRegels(gewichten={"sloopelders": 0, "overlast": 2}))


def test_rules_are_checked():
    with pytest.raises(InputError, match="rule"):
        ProfielRegels(regel="stemmen")
    with pytest.raises(InputError, match="sterk verhoogd"):
        ProfielRegels(verhoogd_vanaf=3, sterk_vanaf=2)
    with pytest.raises(InputError, match="sterk verhoogd"):
        ProfielRegels(score_verhoogd=0.6, score_sterk=0.5)
    with pytest.raises(InputError, match="no mechanism columns"):
        risicoprofiel(units_frame([5]), pd.DataFrame({"x": [1]}), 2024)


def test_outside_target_group_and_unknown_class():
    # klasse 4: already weak; NA: unknown; 5 and 9: target group
    mech = mech_frame(ontwikkeling=([0.9] * 4, [1] * 4), omslagzone=([0.9] * 4, [1] * 4),
                      dimensies=([0.2] * 4, [0] * 4))
    out = risicoprofiel(units_frame([4, NA, 5, 9]), mech, 2024, ProfielRegels(regel="score"))
    assert out["doelgroep"].tolist() == [False, False, True, True]
    # mean score (0.9 + 0.9 + 0.2) / 3 = 0.667: sterk verhoogd in the target group
    assert out["risico_klasse"].tolist() == [NA, NA, 2, 2]
    assert out["risico_label"].tolist() == ["al zwak of lager", "onbekend", "sterk verhoogd risico",
                                            "sterk verhoogd risico"]
    assert out["n_signalen"].tolist() == [2, 2, 2, 2]  # still computed, for information
    assert out["doelgroep"].dtype == bool
    # a weak unit without any mechanism data is still 'al zwak of lager'
    mech = mech_frame(omslagzone=([np.nan, np.nan], [NA, NA]))
    out = risicoprofiel(units_frame([3, 6]), mech, 2024)
    assert out["risico_label"].tolist() == ["al zwak of lager", "onbekend"]
    assert out["risico_klasse"].tolist() == [NA, NA]


def test_class_of_the_analysis_year_from_its_columns():
    mech = mech_frame(omslagzone=([0.9, 0.9], [1, 1]))
    units = pd.DataFrame({"code": ["a", "b"], "klasse_2022": [4, 6], "klasse_2024": [6, 4],
                          "afw_2020": [-0.16, -0.17], "klasse": [6, 4], "jaar": [2024, 2024]})
    assert risicoprofiel(units, mech, 2022)["doelgroep"].tolist() == [False, True]
    assert risicoprofiel(units, mech, 2024)["doelgroep"].tolist() == [True, False]
    assert risicoprofiel(units, mech)["doelgroep"].tolist() == [True, False]  # 'klasse' when no year is given
    # afw_2020 classified with the 2024 boundaries: lower bound of 'voldoende' is -0.16405
    out = risicoprofiel(units, mech, 2020, grenzen=load_klassegrenzen())
    assert out["doelgroep"].tolist() == [True, False]
    # 'klasse' is of 2024: no class for 2018
    with pytest.raises(InputError, match="klasse_2018"):
        risicoprofiel(units, mech, 2018)
    # 'klasse' alone, of the year asked for
    units = pd.DataFrame({"code": ["a", "b"], "klasse": [5, 4], "jaar": [2024, 2024]})
    assert risicoprofiel(units, mech, 2024)["doelgroep"].tolist() == [True, False]


def test_leading_factors_order_and_text():
    mech = mech_frame(
        ontwikkeling=([0.6, 0.6, 0.0], [1, 1, 0], ["Score daalde 0,06 sinds 2018; gemeente +0,01"] * 3),
        omslagzone=([0.8, 0.8, 0.0], [1, 1, 0], ["0,03 boven de grens van voldoende"] * 3),
        dimensies=([0.9, 0.9, 0.9], [0, 0, 0], ["onv in klasse 4"] * 3),  # highest score, no signal: no factor
        uitstraling=([0.5, 0.5, 0.0], [1, 1, 0], [None, None, None]),  # no explanation: label alone
        conjunctuur=([0.7, np.nan, 0.0], [1, NA, 0], ["crisis -0,08", "", ""]),
    )
    out = risicoprofiel(units_frame([6, 6, 6]), mech, 2024)
    # unit 0, weight x score: omslagzone 0.8 > conjunctuur 0.7 > ontwikkeling 0.6 > uitstraling 0.5
    assert out.at[0, "factoren"] == (
        "dicht bij de omslag (0,03 boven de grens van voldoende); conjunctuurgevoelig (crisis -0,08); "
        "dalende score (Score daalde 0,06 sinds 2018; gemeente +0,01)"
    )
    # unit 1, conjunctuur unknown: omslagzone, ontwikkeling, uitstraling
    assert out.at[1, "factoren"] == (
        "dicht bij de omslag (0,03 boven de grens van voldoende); "
        "dalende score (Score daalde 0,06 sinds 2018; gemeente +0,01); zwakke omgeving"
    )
    assert out.at[2, "factoren"] == ""  # no signal
    # weights reorder: ontwikkeling x2 = 1.2 leads; at most 2 factors
    regels = ProfielRegels(gewichten={"ontwikkeling": 2}, max_factoren=2)
    assert risicoprofiel(units_frame([6, 6, 6]), mech, 2024, regels).at[0, "factoren"] == (
        "dalende score (Score daalde 0,06 sinds 2018; gemeente +0,01); "
        "dicht bij de omslag (0,03 boven de grens van voldoende)"
    )
    assert risicoprofiel(units_frame([6] * 3), mech, 2024, ProfielRegels(max_factoren=0))["factoren"].tolist() == [
        ""] * 3


def test_factor_ties_follow_mechanism_order_and_own_indicators_use_their_name():
    # columns in another order than MECHANISMEN; equal weight x score -> method's order, own indicator last
    mech = mech_frame(overlast=([0.5], [1], ["meldingen 2,0 x gemeente"]),
                      sloopelders=([0.5], [1], ["120 woningen gesloopt"]),
                      doorstroom=([0.5], [1], [np.nan]))
    out = risicoprofiel(units_frame([5]), mech, 2024)
    assert out.at[0, "factoren"] == (
        "vrijkomende woningen; sloop elders (120 woningen gesloopt); overlast (meldingen 2,0 x gemeente)"
    )
    out = risicoprofiel(units_frame([5]), mech, 2024, ProfielRegels(labels={"overlast": "veel overlast"},
                                                                       gewichten={"overlast": 3}))
    assert out.at[0, "factoren"].startswith("veel overlast (meldingen")


def test_alignment_and_mechanisms_from_the_units_themselves():
    units = units_frame([5, 6], index=[10, 20])
    mech = mech_frame(index=[20, 10, 30], omslagzone=([0.2, 0.9, 0.1], [0, 1, 0]))
    out = risicoprofiel(units, mech, 2024)
    assert out.index.tolist() == [10, 20]
    np.testing.assert_allclose(out["risico_score"].to_numpy(), [0.9, 0.2])
    combined = units.join(mech)
    combined["risico_score"] = 0.99  # an earlier profile's output is not read as a mechanism
    again = risicoprofiel(combined, None, 2024)
    pd.testing.assert_frame_equal(again, out)
    with pytest.raises(InputError, match="aligned"):
        risicoprofiel(units, mech_frame(index=[1, 2], omslagzone=([0.2, 0.9], [0, 1])), 2024)


def test_determinism():
    rng = np.random.default_rng(7)
    n = 500
    units = units_frame(rng.integers(1, 10, n).tolist())
    parts = {}
    for naam in MECHANISMEN:
        scores = np.round(rng.random(n), 1)  # rounding makes ties
        scores[rng.random(n) < 0.1] = np.nan
        signals = pd.array(np.where(scores >= 0.5, 1, 0), dtype="Int64")
        signals[np.isnan(scores)] = NA
        parts[naam] = (scores, signals, [f"{naam} {i}" for i in range(n)])
    mech = mech_frame(**parts)
    first = risicoprofiel(units, mech, 2024)
    second = risicoprofiel(units.copy(), mech.copy(), 2024)
    pd.testing.assert_frame_equal(first, second)
    assert first["factoren"].tolist() == second["factoren"].tolist()
    # order of the factors is by weight x score, descending, within each text
    rank = {LABELS[naam]: naam for naam in MECHANISMEN}
    for i in range(n):
        tekst = first.at[i, "factoren"]
        if not tekst:
            continue
        named = [rank[p.split(" (")[0]] for p in tekst.split("); ") if p]
        values = [mech.at[i, f"{naam}_score"] for naam in named]
        assert values == sorted(values, reverse=True)
        assert len(named) == min(3, int(first.at[i, "n_signalen"]))


def test_buurt_share_of_elevated_target_cells():
    cells = pd.DataFrame({
        "doelgroep": [True, True, True, False, True, True, False, False, True, True],
        "risico_klasse": pd.array([0, 1, 2, NA, NA, 2, NA, NA, 0, 2], dtype="Int64"),
    })
    buurt = ["BU1", "bu1 ", "BU1", "BU1", "BU1", "BU9", "BU2", "BU2", "BU3", None]
    # BU1: target cells with a known class 0, 1, 2 -> 2/3 (the weak cell and the unknown cell left out)
    # BU2: no target cells -> NaN; BU3: one target cell, class 0 -> 0; BU9 and None: not listed, ignored
    share = buurt_aandeel_verhoogd(cells, buurt, ["BU2", "BU1", "BU3"])
    np.testing.assert_allclose(share, [np.nan, 2 / 3, 0.0])
    with pytest.raises(InputError, match="more than once"):
        buurt_aandeel_verhoogd(cells, buurt, ["BU1", "bu1"])
    with pytest.raises(InputError, match="one per cell"):
        buurt_aandeel_verhoogd(cells, buurt[:3], ["BU1"])


def test_potentieel_kwetsbaar():
    buurten = pd.DataFrame({
        "doelgroep": [True, True, True, False, True, True, True, False],
        "risico_klasse": pd.array([1, 0, 0, 2, NA, NA, 0, NA], dtype="Int64"),
    })
    aandeel = [np.nan, 0.25, 0.2, 0.9, np.nan, 0.1, np.nan, np.nan]
    # own class 1 -> 1; share exactly 0.25 -> 1; share 0.2 -> 0; outside target -> NA;
    # nothing known -> NA; only a low share known -> 0; own class 0, no cells -> 0; outside -> NA
    result = potentieel_kwetsbaar(buurten, aandeel)
    assert str(result.dtype) == "Int64"
    assert result.tolist() == [1, 1, 0, NA, NA, 0, 0, NA]
    assert potentieel_kwetsbaar(buurten).tolist() == [1, 0, 0, NA, NA, NA, 0, NA]
    assert potentieel_kwetsbaar(buurten, aandeel, drempel_aandeel=0.1).tolist() == [1, 1, 1, NA, NA, 1, 0, NA]
    with pytest.raises(InputError, match="between 0 and 1"):
        potentieel_kwetsbaar(buurten, aandeel, drempel_aandeel=25)


def test_profile_of_400000_units_and_10_mechanisms_is_cheap():
    rng = np.random.default_rng(1)
    n = 400_000
    units = pd.DataFrame({"code": np.arange(n).astype(str), "klasse_2024": rng.integers(1, 10, n)})
    mech = pd.DataFrame(index=units.index)
    toelichting = np.array([f"waarde {i / 100:.2f}".replace(".", ",") for i in range(100)], dtype=object)
    for naam in MECHANISMEN:
        scores = rng.random(n)
        scores[rng.random(n) < 0.05] = np.nan
        signals = pd.array(np.where(scores >= 0.6, 1, 0), dtype="Int64")
        signals[np.isnan(scores)] = NA
        mech[f"{naam}_score"] = scores
        mech[f"{naam}_signaal"] = signals
        mech[f"{naam}_toelichting"] = toelichting[rng.integers(0, 100, n)]
    start = time.perf_counter()
    out = risicoprofiel(units, mech, 2024, ProfielRegels(gewichten={"omslagzone": 2, "sloopelders": 0}))
    seconds = time.perf_counter() - start
    print(f"\nrisicoprofiel: {n} units x {len(MECHANISMEN)} mechanisms in {seconds:.3f} s")
    assert len(out) == n and list(out.columns) == ["doelgroep", "n_signalen", "n_mechanismen", "risico_score",
                                                   "risico_klasse", "risico_label", "factoren"]
    doel = out["doelgroep"].to_numpy()
    klasse = out["risico_klasse"].to_numpy(dtype=float, na_value=np.nan)
    score = out["risico_score"].to_numpy(dtype=float)
    assert np.isnan(klasse[~doel]).all()
    # the default rule: the riskiest 2 % of the target group 'sterk verhoogd', the riskiest 8 % at least 'verhoogd'
    ranked = np.sort(score[doel])[::-1]
    expected = np.where(score >= ranked[int(np.ceil(0.02 * doel.sum())) - 1], 2,
                        np.where(score >= ranked[int(np.ceil(0.08 * doel.sum())) - 1], 1, 0))
    assert (klasse[doel] == expected[doel]).all()
    assert (klasse[doel] == 2).mean() == pytest.approx(0.02, abs=0.001)
    assert (klasse[doel] >= 1).mean() == pytest.approx(0.08, abs=0.001)
    assert not out["factoren"].str.contains("sloop elders").any()


def test_parse_gewichten():
    from vroegsignalering.core.profile import parse_gewichten

    assert parse_gewichten("ontwikkeling=2, Omslagzone = 1.5") == {"ontwikkeling": 2.0, "omslagzone": 1.5}
    assert parse_gewichten("ontwikkeling=2; armoede=0,5") == {"ontwikkeling": 2.0, "armoede": 0.5}
    assert parse_gewichten("  ") == {}
    with pytest.raises(InputError, match="ontwikkeling"):
        parse_gewichten("ontwikkeling")


def test_share_rule_takes_the_riskiest_part_of_the_target_group():
    # 10 target units with mean scores 0.05 .. 0.95 and one weak unit with the highest score of all
    scores = [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95, 0.99]
    mech = mech_frame(**{naam: (scores, [int(s >= 0.5) for s in scores]) for naam in MECHANISMEN[:3]})
    regels = ProfielRegels(regel="aandeel", aandeel_verhoogd=0.3, aandeel_sterk=0.1)
    out = risicoprofiel(units_frame([6] * 10 + [4]), mech, 2024, regels)
    # the top 30 % of the 10 target units: 0.75, 0.85, 0.95 (the weak unit takes no place); the top 10 %: 0.95
    assert out["risico_klasse"].tolist() == [0] * 7 + [1, 1, 2, NA]
    # ties at the threshold all count
    tied = mech_frame(**{naam: ([0.2, 0.6, 0.6, 0.6], [0, 1, 1, 1]) for naam in MECHANISMEN[:3]})
    out = risicoprofiel(units_frame([6] * 4), tied, 2024, ProfielRegels(regel="aandeel", aandeel_verhoogd=0.25,
                                                                      aandeel_sterk=0.25))
    assert out["risico_klasse"].tolist() == [0, 2, 2, 2]
    with pytest.raises(InputError, match="share for 'sterk verhoogd'"):
        ProfielRegels(regel="aandeel", aandeel_verhoogd=0.05, aandeel_sterk=0.1)
