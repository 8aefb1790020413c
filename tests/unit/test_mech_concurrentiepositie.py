"""Mechanism concurrentiepositie (competitive position): hand-computed weighted means, parts, signals; sample.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_mech_concurrentiepositie.py
"""

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.errors import InputError
from vroegsignalering.core.mechanisms.base import MissingInputError
from vroegsignalering.core.mechanisms.concurrentiepositie import concurrentiepositie
from vroegsignalering.core.scores import as_of, read_score_csv, wide_scores
from vroegsignalering.tests.unit.mech_helpers import BUURT_SCORES, sample_context

# five buurten at x = 0, 1, 2, 4 and 10 km
X = [0, 1000, 2000, 4000, 10000]
WON_2024 = [0.00, 0.10, 0.02, -0.05, 0.00]
WON_2018 = [0.05] * 5
WOZ = [300, 300, 200, 250, 300]


@pytest.fixture()
def units():
    n = len(X)
    return pd.DataFrame({
        "code": [f"BU0001{i:04d}" for i in range(n)], "naam": [f"buurt {i}" for i in range(n)],
        "gemeente": "G1", "jaar": 2024, "afw": 0.0, "won": WON_2024, "klasse": 6,
        "afw_2018": 0.0, "won_2018": WON_2018, "klasse_2018": 6, "afw_2024": 0.0, "won_2024": WON_2024,
        "klasse_2024": 6, "x": np.asarray(X, dtype=float), "y": 0.0, "gemiddelde_woningwaarde": WOZ,
    })


def test_hand_computed(units):
    result = concurrentiepositie(units)
    frame = result.frame
    # weights 1 - d / 5000 over the other buurten within 5 km (u4 is 6 km from u3: alone)
    # u0: u1 .8, u2 .6, u3 .2 -> won (.08 + .012 - .01) / 1.6 = .05125; WOZ (240 + 120 + 50) / 1.6 = 256.25
    # u1: u0 .8, u2 .8, u3 .4 -> won (0 + .016 - .02) / 2 = -.002;     WOZ (240 + 160 + 100) / 2 = 250
    # u2: u0 .6, u1 .8, u3 .6 -> won (0 + .08 - .03) / 2 = .025;       WOZ (180 + 240 + 150) / 2 = 285
    # u3: u0 .2, u1 .4, u2 .6 -> won (0 + .04 + .012) / 1.2 = .043333; WOZ (60 + 120 + 120) / 1.2 = 250
    assert frame["concurrentiepositie_won_omgeving"].tolist() == pytest.approx(
        [0.05125, -0.002, 0.025, 0.052 / 1.2, np.nan], nan_ok=True)
    assert frame["concurrentiepositie_woz_omgeving"].tolist() == pytest.approx(
        [256.25, 250, 285, 250, np.nan], nan_ok=True)
    assert frame["concurrentiepositie_won_verschil"].tolist() == pytest.approx(
        [-0.05125, 0.102, -0.005, -0.05 - 0.052 / 1.2, np.nan], nan_ok=True)
    assert frame["concurrentiepositie_woz_verhouding"].tolist() == pytest.approx(
        [300 / 256.25, 1.2, 200 / 285, 1.0, np.nan], nan_ok=True)
    assert frame["concurrentiepositie_referentie"].equals(frame["concurrentiepositie_won_omgeving"])
    # parts: won -verschil / .0784 (u0 .653699, u2 .063776, u3 1.19 -> 1); WOZ (1 - r) / .4 (u2 .745614)
    # score = the larger part: u0 .653699, u1 0, u2 .745614, u3 1; u4 no neighbours
    assert result.score.tolist() == pytest.approx([0.05125 / 0.0784, 0, (1 - 200 / 285) / 0.4, 1, np.nan],
                                                  nan_ok=True)
    # u0 half a class below its surroundings; u2's WOZ is 70 % of theirs; u3 both by won
    assert result.signaal.tolist()[:4] == [1, 0, 1, 1]
    assert pd.isna(result.signaal[4])
    assert frame.at[0, "concurrentiepositie_toelichting"] == (
        "Score woningvoorraad +0,00 tegen +0,05 in de omgeving, verschil -0,05, "
        "WOZ € 300.000 tegen € 256.250 in de omgeving, dat is 117 %")
    assert frame.at[4, "concurrentiepositie_toelichting"] == "Geen andere buurt binnen 5,0 km"
    assert "1 eenheid zonder andere buurt binnen 5.000 m: geen vergelijking" in result.notes


def test_earlier_year_uses_no_later_won(units):
    result = concurrentiepositie(units, 2018)
    # 2018: every won is .05, so no won difference anywhere; only u2's WOZ (70 %) signals
    assert result.frame["concurrentiepositie_won"].tolist() == [0.05] * 5
    assert result.frame["concurrentiepositie_won_verschil"].tolist()[:4] == pytest.approx([0, 0, 0, 0])
    assert result.signaal.tolist()[:4] == [0, 0, 1, 0]
    # scribbling over 2024 and the latest-year column changes nothing
    changed = units.assign(won_2024=-1.0, won=-1.0)
    pd.testing.assert_frame_equal(concurrentiepositie(changed, 2018).frame, result.frame)


def test_missing_won_and_woz(units):
    units.loc[1, "won_2024"] = np.nan
    result = concurrentiepositie(units)
    frame = result.frame
    # u1 drops out of its neighbours' mean: u0 = (.6 * .02 + .2 * -.05) / .8 = .0025
    assert frame.at[0, "concurrentiepositie_won_omgeving"] == pytest.approx(0.0025)
    # u1 keeps its WOZ part (ratio 1.2: 0)
    assert result.score[1] == 0
    assert frame.at[1, "concurrentiepositie_toelichting"].startswith("Score woningvoorraad onbekend, WOZ € 300.000")
    assert "1 eenheid zonder won-score in 2024" in result.notes
    # u1 also without WOZ (secret): no score
    units.loc[1, "gemiddelde_woningwaarde"] = -99997
    result = concurrentiepositie(units)
    assert np.isnan(result.score[1]) and pd.isna(result.signaal[1])
    assert any(note.startswith("1 eenheid zonder won-score en WOZ-waarde") for note in result.notes)


def test_only_one_side(units):
    result = concurrentiepositie(units.drop(columns="gemiddelde_woningwaarde"))
    assert result.signaal.tolist()[:4] == [1, 0, 0, 1]
    assert "Geen WOZ-waarde in de invoer: alleen de won-score telt" in result.notes
    result = concurrentiepositie(units.assign(won_2024=np.nan))
    assert result.signaal.tolist()[:4] == [0, 0, 1, 0]
    assert "Geen won-score in 2024: alleen de WOZ-waarde telt" in result.notes


def test_parameters_and_missing_input(units):
    # a radius of 1.5 km: u0 sees u1 only (weight 1 - 1000 / 1500 = 1/3) -> won .10, verschil -.10
    frame = concurrentiepositie(units, straal=1500).frame
    assert frame.at[0, "concurrentiepositie_won_omgeving"] == pytest.approx(0.10)
    # a looser WOZ threshold (0.7) no longer flags u2 (0.7018)
    assert concurrentiepositie(units, drempel_woz=0.7).signaal.tolist()[:4] == [1, 0, 0, 1]
    with pytest.raises(MissingInputError, match="no housing-stock score won in 2024 and no WOZ value"):
        concurrentiepositie(units.drop(columns="gemiddelde_woningwaarde").assign(won_2024=np.nan))
    with pytest.raises(MissingInputError, match="no centre coordinates"):
        concurrentiepositie(units.drop(columns=["x", "y"]))
    with pytest.raises(InputError):
        concurrentiepositie(units, drempel_woz=1.2)
    with pytest.raises(InputError):
        concurrentiepositie(units, straal=-1)


def test_grid_cells(units):
    """Cells compare their own won with the buurten around their buurt (a buurt = the mean of its cells)."""
    cells = units.iloc[[0, 1, 1, 2, 3, 4]].reset_index(drop=True)
    cells["buurtcode"] = cells["code"]
    cells["code"] = [f"E{i}N0" for i in range(len(cells))]
    cells.loc[1:2, "x"] = [950.0, 1050.0]  # two cells of u1, centred on it
    cells.loc[1:2, "won_2024"] = [0.08, 0.12]  # mean 0.10, as u1
    frame = concurrentiepositie(cells).frame
    # the buurten's surroundings are those of the buurt test: u0 .05125, u1 -.002
    assert frame["concurrentiepositie_won_omgeving"].tolist()[:3] == pytest.approx([0.05125, -0.002, -0.002])
    assert frame["concurrentiepositie_won_verschil"].tolist()[1:3] == pytest.approx([0.082, 0.122])


# --------------------------------------------------------------------------- the Lelystad sample


def test_sample():
    tidy = read_score_csv(BUURT_SCORES)
    grenzen = load_klassegrenzen()
    context = sample_context()
    units = wide_scores(tidy, grenzen).merge(context, on="code", how="left")
    result = concurrentiepositie(units)
    frame = result.frame.set_axis(units["naam"])
    # Bastion: the lowest WOZ around the centre (206 against about 290) and won a class below its surroundings
    assert frame.loc["Bastion", "concurrentiepositie_woz_verhouding"] < 0.75
    assert frame.loc["Bastion", "concurrentiepositie_signaal"] == 1
    # every signal is half a class below its surroundings or 20 % cheaper
    signalled = frame[frame["concurrentiepositie_signaal"] == 1]
    assert ((signalled["concurrentiepositie_won_verschil"] <= -0.0392 + 1e-9)
            | (signalled["concurrentiepositie_woz_verhouding"] <= 0.8 + 1e-9)).all()
    assert (signalled["concurrentiepositie_score"] >= 0.5).all()
    # the 2016 analysis of the full table equals the one from the data up to 2016 only: Woonhavenpad,
    # first measured in 2018, is no neighbour in 2016 (its 2024 WOZ does not leak into its neighbours')
    early = wide_scores(as_of(tidy, 2016), grenzen).merge(context, on="code", how="left")
    assert "Woonhavenpad" not in set(early["naam"])
    full = concurrentiepositie(units, 2016)
    assert "1 eenheid niet gemeten in of vóór 2016: buiten de analyse (nog niet gebouwd?)" in full.notes
    assert full.frame.at[units.index[units["naam"] == "Woonhavenpad"][0], "concurrentiepositie_toelichting"] == (
        "Niet gemeten in of vóór 2016")
    by_code = full.frame.set_axis(units["code"]).loc[early["code"]].reset_index(drop=True)
    pd.testing.assert_frame_equal(by_code, concurrentiepositie(early, 2016).frame)
