"""Mechanism doorstroom (dwellings coming free): hand-computed percentiles, ranks and signals; sample.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_mech_doorstroom.py
"""

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.cbs import read_kerncijfers
from vroegsignalering.core.errors import InputError
from vroegsignalering.core.mechanisms.base import MissingInputError
from vroegsignalering.core.mechanisms.doorstroom import doorstroom
from vroegsignalering.tests.unit.mech_helpers import SAMPLE, sample_buurten, units_frame

# G1: 65+ 10..50 %, WOZ 400 300 200 250 350; G2: 65+ 15, 25 %, WOZ 500, 100
OUD = [10, 20, 30, 40, 50, 15, 25]
WOZ = [400, 300, 200, 250, 350, 500, 100]


@pytest.fixture()
def units():
    return units_frame(gemeenten=["G1"] * 5 + ["G2"] * 2, percentage_personen_65_jaar_en_ouder=OUD,
                       gemiddelde_woningwaarde=WOZ)


def test_gemeente_reference(units):
    result = doorstroom(units)
    frame = result.frame
    # G1: 75th percentile of 10..50 (linear interpolation, position 0.75 * 4 = 3) = 40; median WOZ 300
    # G2: 75th percentile of 15, 25 = 15 + 0.75 * 10 = 22.5; median WOZ (100 + 500) / 2 = 300
    assert frame["doorstroom_grens_oud"].tolist() == [40.0] * 5 + [22.5] * 2
    assert frame["doorstroom_grens_woz"].tolist() == [300.0] * 7
    assert frame["doorstroom_referentie"].tolist() == [30.0] * 5 + [20.0] * 2  # median 65+ share
    # signal: u3 (40 % >= 40, WOZ 250 <= 300); u4 is old (50 %) but WOZ 350; u6 (25 >= 22.5, WOZ 100)
    assert result.signaal.tolist() == [0, 0, 0, 1, 0, 0, 1]
    # parts on the common scale: the elderly share 0.5 at its threshold, 1 at 1.5 times it, 0 at half of it:
    # G1 (40 %, 1 at 60 %): 10 20 30 40 50 -> 0 0 .25 .5 .75; G2 (22.5 %, 1 at 33.75 %): 15 -> 1/6, 25 -> 11/18
    assert frame["doorstroom_deel_oud"].to_numpy() == pytest.approx([0, 0, 0.25, 0.5, 0.75, 1 / 6, 11 / 18])
    # WOZ 0.5 at the median 300, 1 at two thirds of it (200), 0 at four thirds (400):
    # 400 300 200 250 350 | 500 100 -> 0 .5 1 .75 .25 | 0 1
    assert frame["doorstroom_deel_betaalbaar"].to_numpy() == pytest.approx([0, 0.5, 1, 0.75, 0.25, 0, 1])
    # score: the smaller part (the elderly share drives, affordability is the condition)
    assert result.score.tolist() == pytest.approx([0, 0, 0.25, 0.5, 0.25, 0, 11 / 18])
    assert frame.at[3, "doorstroom_toelichting"] == (
        "40 % 65-plussers tegen een grens van 40 %, WOZ € 250.000 tegen een grens van € 300.000")
    assert frame["doorstroom_aandeel_oud"].tolist() == OUD
    assert frame["doorstroom_inkomen"].isna().all()
    assert any("65+ uit percentage_personen_65_jaar_en_ouder" in note for note in result.notes)


def test_alle_reference(units):
    result = doorstroom(units, referentie="alle")
    # all 7: 65+ sorted 10 15 20 25 30 40 50 -> 75th percentile at position 4.5: 35; WOZ median 300
    assert result.frame["doorstroom_grens_oud"].tolist() == [35.0] * 7
    # u6 (25 %) is no longer in the greyest quarter; u3 still signals
    assert result.signaal.tolist() == [0, 0, 0, 1, 0, 0, 0]
    # u3: oud part 0.5 + 0.5 * (40 - 35) / (52.5 - 35) = 9/14, WOZ 250 -> 0.75: score 9/14
    assert result.score[3] == pytest.approx(9 / 14)
    # u6: oud part 0.5 + 0.5 * (25 - 35) / 17.5 = 3/14, WOZ 100 -> 1: score 3/14
    assert result.score[6] == pytest.approx(3 / 14)


def test_fixed_thresholds(units):
    result = doorstroom(units, grens_oud=35, grens_woz="260")
    assert result.frame["doorstroom_grens_oud"].tolist() == [35.0] * 7
    assert result.frame["doorstroom_grens_woz"].tolist() == [260.0] * 7
    # 65+ >= 35 and WOZ <= 260: only u3 (40 %, 250)
    assert result.signaal.tolist() == [0, 0, 0, 1, 0, 0, 0]
    # one fixed threshold: the other keeps its percentile of the gemeente
    assert doorstroom(units, grens_woz=260).frame["doorstroom_grens_oud"].tolist() == [40.0] * 5 + [22.5] * 2
    # percentiles are parameters
    assert doorstroom(units, percentiel_oud=50).signaal.tolist() == [0, 0, 1, 1, 0, 0, 1]


def test_statline_counts_income_and_secret_values():
    # StatLine names without suffix, any case; 65+ is a count: 100, 200, 300 of 1000 -> 10, 20, 30 %
    units = units_frame(gemeenten=["G1"] * 3, k_65JaarOfOuder=[100, 200, 300], aantalinwoners=[1000, 1000, 1000],
                        GemiddeldeWOZWaardeVanWoningen=[300, -99997, 200], GemiddeldInkomenPerInwoner=[40, 20, 30])
    result = doorstroom(units)
    frame = result.frame
    assert frame["doorstroom_aandeel_oud"].tolist() == [10.0, 20.0, 30.0]
    # the secret WOZ (-99997) is missing, never a number
    assert np.isnan(frame.at[1, "doorstroom_woz"])
    # 65+ grens: 25; WOZ median of 300, 200 = 250; income median 30
    assert frame["doorstroom_grens_oud"].tolist() == [25.0] * 3
    assert frame["doorstroom_grens_woz"].tolist() == [250.0] * 3
    assert frame["doorstroom_grens_inkomen"].tolist() == [30.0] * 3
    # u2: 30 % and WOZ 200 -> signal; u1 has a low income but only 20 % 65+
    assert result.signaal.tolist() == [0, 0, 1]
    # affordability, the larger of the WOZ part (0.5 at 250, 1 at 166.7) and the income part (0.5 at 30, 1 at 20):
    # u0 max(0.2, 0) ; u1 (WOZ secret) income 1.0; u2 max(0.8, 0.5)
    assert frame["doorstroom_deel_betaalbaar"].to_numpy() == pytest.approx([0.2, 1.0, 0.8])
    # the elderly part (0.5 at 25 %, 1 at 37.5 %): 10 -> 0, 20 -> 0.3, 30 -> 0.7; the score is the smaller part
    assert result.score.tolist() == pytest.approx([0.0, 0.3, 0.7])
    assert "65+ uit k_65JaarOfOuder / aantalinwoners" in result.notes[0]
    assert frame.at[1, "doorstroom_toelichting"] == (
        "20 % 65-plussers tegen een grens van 25 %, inkomen € 20.000 per inwoner tegen een grens van € 30.000")


def test_missing_age_share_gives_missing_output(units):
    units.loc[2, "percentage_personen_65_jaar_en_ouder"] = -99997
    result = doorstroom(units)
    assert np.isnan(result.score[2])
    assert result.signaal.isna().tolist() == [False, False, True, False, False, False, False]
    assert result.frame.at[2, "doorstroom_toelichting"] == "Aandeel 65-plussers onbekend"
    assert "1 eenheid zonder aandeel 65+ (geheim of ontbrekend)" in result.notes
    # the others are ranked among the 4 known of G1: 10 20 40 50 -> 75th percentile 42.5
    assert result.frame.at[0, "doorstroom_grens_oud"] == pytest.approx(42.5)


def test_not_yet_built_takes_no_part(units):
    units.loc[4, "afw_2018"] = np.nan  # u4 first measured in 2024
    result = doorstroom(units, 2018)
    # G1 in 2018: 10 20 30 40 -> 75th percentile 32.5
    assert result.frame.at[0, "doorstroom_grens_oud"] == pytest.approx(32.5)
    assert np.isnan(result.score[4]) and pd.isna(result.signaal[4])
    assert result.frame.at[4, "doorstroom_toelichting"] == "Niet gemeten in of vóór 2018"
    pd.testing.assert_frame_equal(result.frame.drop(index=4), doorstroom(units.drop(index=4), 2018).frame)


def test_75_plus_has_priority(units):
    units["percentage_75_plus"] = [1, 2, 3, 4, 5, 6, 7]
    result = doorstroom(units)
    assert result.frame["doorstroom_aandeel_oud"].tolist() == [1, 2, 3, 4, 5, 6, 7]
    assert any("aandeel 75+ uit percentage_75_plus" in note for note in result.notes)
    assert result.frame.at[0, "doorstroom_toelichting"].startswith("1 % 75-plussers tegen een grens van")


def test_missing_context():
    bare = units_frame(gemeenten=["G1"] * 3)
    with pytest.raises(MissingInputError, match="no age data"):
        doorstroom(bare.assign(gemiddelde_woningwaarde=[1, 2, 3]))
    with pytest.raises(MissingInputError, match="no WOZ value .* and no income"):
        doorstroom(bare.assign(percentage_personen_65_jaar_en_ouder=[1, 2, 3]))
    # a count of 65+ without inhabitants is no share either
    with pytest.raises(MissingInputError, match="k_65JaarOfOuder with AantalInwoners"):
        doorstroom(bare.assign(k_65JaarOfOuder=[1, 2, 3], gemiddelde_woningwaarde=[1, 2, 3]))


def test_bad_parameters(units):
    with pytest.raises(InputError):
        doorstroom(units, referentie="provincie")
    with pytest.raises(InputError):
        doorstroom(units, referentie={"jong": 3})
    with pytest.raises(InputError, match="grens_woz must be a number"):
        doorstroom(units, grens_woz="laag")
    with pytest.raises(InputError):
        doorstroom(units, percentiel_oud=120)
    with pytest.raises(InputError):
        doorstroom(units, 2010)


def test_grid_cells_get_their_buurt(units):
    """Cells carrying their buurt's context: ranked per buurt, not per cell."""
    cells = pd.concat([units.iloc[[0, 0, 0, 0, 1, 2, 3, 4, 5, 6]]], ignore_index=True)
    cells["buurtcode"] = cells["code"]
    cells["code"] = [f"E{i}N0" for i in range(len(cells))]
    result = doorstroom(cells)
    # four cells of buurt 0 do not shift the percentiles: the same as per buurt
    assert result.frame["doorstroom_grens_oud"].tolist() == [40.0] * 8 + [22.5] * 2
    assert result.signaal.tolist() == [0, 0, 0, 0, 0, 0, 1, 0, 0, 1]


# --------------------------------------------------------------------------- the Lelystad sample


def test_sample_with_kerncijfers():
    """StatLine kerncijfers as context: 65+ from the count, WOZ and income; later decliners stand out."""
    wide = sample_buurten()
    kern = read_kerncijfers(SAMPLE / "kerncijfers_wijken_en_buurten_2024_lelystad.csv")
    kern = kern[kern["soort"].str.strip().str.lower() == "buurt"]
    units = wide.merge(kern.drop(columns=["soort"]), on="code", how="left")
    result = doorstroom(units, 2016)
    frame = result.frame.set_axis(units["naam"])
    # IJssellaan: the greyest buurt (210 of 660 inhabitants 65+: 31.8 %, the gpkg says 32 %) with WOZ 232
    # signals; Kofschip (WOZ 617, the highest) does not
    assert frame.loc["IJssellaan", "doorstroom_aandeel_oud"] == pytest.approx(100 * 210 / 660)
    assert frame.loc["IJssellaan", "doorstroom_signaal"] == 1
    assert frame.loc["Kofschip, SGL", "doorstroom_signaal"] == 0
    # Biomassa (16 inhabitants): all secret -> no score, and a note
    assert np.isnan(frame.loc["Biomassa", "doorstroom_score"])
    assert "1 eenheid zonder aandeel 65+ (geheim of ontbrekend)" in result.notes
    # of the buurten 'voldoende' or better in 2016 that later fell, the signal catches more than by chance
    start = units["klasse_2016"].astype(float)
    later = units[[f"klasse_{y}" for y in (2018, 2020, 2022, 2024)]].astype(float)
    target = (start >= 5).to_numpy()
    declined = ((later.min(axis=1) <= 4) | (units["klasse_2024"].astype(float) < start)).to_numpy()
    flagged = target & (result.signaal.fillna(0).to_numpy() == 1)
    assert declined[flagged].mean() > 2 * declined[target].mean()
