"""Mechanism sloopelders (demolition elsewhere): hand-computed weighted sums, period, WOZ condition; sample.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_mech_sloopelders.py
"""

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.errors import InputError
from vroegsignalering.core.mechanisms.base import MissingInputError
from vroegsignalering.core.mechanisms.sloopelders import sloopelders
from vroegsignalering.tests.unit.mech_helpers import SAMPLE, sample_units, units_frame

# five buurten at x = 0, 1, 2.5, 4 and 10 km; WOZ 200 300 150 250 400 (median 250)
X = [0, 1000, 2500, 4000, 10000]
WOZ = [200, 300, 150, 250, 400]
SLOOP = pd.DataFrame({
    "buurtcode": ["BU00010000", "BU00010000", "bu00010002 ", "BU99990001", "BU00010000"],
    "jaar": [2020, 2016, 2023, 2022, 2024],
    "gesloopte_woningen": [80, 40, 60, 500, 40],
})


@pytest.fixture()
def units():
    return units_frame(x=X, gemiddelde_woningwaarde=WOZ)


def test_hand_computed(units):
    result = sloopelders(units, SLOOP)
    frame = result.frame
    # 2019-2024: u0 80 + 40 = 120, u2 60 (code trimmed, upper case); u0's 2016 row is outside the period
    assert frame["sloopelders_sloop_eigen"].tolist() == [120, 0, 60, 0, 0]
    # weight 1 - d / 5000, the buurt itself left out:
    # u0: u2 at 2.5 km .5 * 60 = 30; u1: u0 .8 * 120 + u2 .7 * 60 = 138; u2: u0 .5 * 120 = 60;
    # u3: u0 .2 * 120 + u2 .7 * 60 = 66; u4: nobody within 5 km
    assert frame["sloopelders_sloop_omgeving"].tolist() == pytest.approx([30, 138, 60, 66, 0])
    assert frame["sloopelders_sloop_binnen_straal"].tolist() == [60, 180, 120, 180, 0]
    assert frame["sloopelders_referentie"].tolist() == [250.0] * 5  # median WOZ of the gemeente
    # signal: >= 50 and WOZ at or below 250: u2 (60, 150) and u3 (66, 250); u1 (138) is above the median
    assert result.signaal.tolist() == [0, 0, 1, 1, 0]
    # parts: demolition 0.5 at 50, 1 at 100: .3 1 .6 .66 0; affordability 0.5 at the median 250, 1 at 166.7,
    # 0 at 333.3: 200 -> .8, 300 -> .2, 150 -> 1, 250 -> .5, 400 -> 0; the score is the smaller part
    assert result.frame["sloopelders_deel_sloop"].tolist() == pytest.approx([0.3, 1, 0.6, 0.66, 0])
    assert result.frame["sloopelders_deel_betaalbaar"].tolist() == pytest.approx([0.8, 0.2, 1, 0.5, 0])
    assert result.score.tolist() == pytest.approx([0.3, 0.2, 0.6, 0.5, 0])
    assert frame.at[2, "sloopelders_toelichting"] == (
        "60 gesloopte woningen binnen 5,0 km in 2019-2024, dichtbij zwaarder geteld, daarnaast 60 in de buurt zelf, "
        "WOZ € 150.000 niet boven de mediaan van de gemeente € 250.000")
    # the row in a buurt outside the input is counted in a note, not dropped silently
    assert ("1 sloopregel met een buurtcode die in geen eenheid voorkomt (BU99990001): niet meegeteld, "
            "waarvan 500 woningen in 2019-2024") in result.notes
    assert "Sloop 2019-2024: 180 woningen in 2 buurten meegeteld" in result.notes
    assert "1 eenheid zonder andere buurt binnen 5.000 m" in result.notes


def test_equal_weights_and_parameters(units):
    result = sloopelders(units, SLOOP, weging="gelijk", drempel=100)
    # plain sums 60 180 120 180 0; >= 100 and affordable: u2 (120) and u3 (180, WOZ at the median)
    assert result.frame["sloopelders_sloop_omgeving"].tolist() == [60, 180, 120, 180, 0]
    assert result.signaal.tolist() == [0, 0, 1, 1, 0]
    assert "gesloopte woningen binnen" in result.frame.at[2, "sloopelders_toelichting"]
    # a fixed WOZ reference of 350: u1 (300) is now affordable, with 138 nearby
    assert sloopelders(units, SLOOP, referentie=350).signaal.tolist() == [0, 1, 1, 1, 0]


def test_earlier_year_uses_no_later_demolitions(units):
    result = sloopelders(units, SLOOP, 2018)
    # 2013-2018: only u0's 40 in 2016; u1 sees .8 * 40 = 32
    assert result.frame["sloopelders_sloop_eigen"].tolist() == [40, 0, 0, 0, 0]
    assert result.frame.at[1, "sloopelders_sloop_omgeving"] == pytest.approx(32)
    assert "4 sloopregels na 2018 niet gebruikt (alleen gegevens t/m het analysejaar)" in result.notes
    # a shorter period leaves 2016 out too
    assert sloopelders(units, SLOOP, 2018, periode=2).frame["sloopelders_sloop_eigen"].sum() == 0


def test_not_yet_measured_buurt(units):
    """u0 is first measured in 2024: no result in 2018, but its demolition in 2016 still counts nearby."""
    units.loc[0, "afw_2018"] = np.nan
    result = sloopelders(units, SLOOP, 2018)
    assert result.frame.at[1, "sloopelders_sloop_omgeving"] == pytest.approx(32)
    assert np.isnan(result.score[0]) and pd.isna(result.signaal[0])
    assert result.frame.at[0, "sloopelders_toelichting"] == "Niet gemeten in of vóór 2018"
    # the WOZ median is that of the four measured buurten: 300 150 250 400 -> 275
    assert result.frame.at[1, "sloopelders_referentie"] == pytest.approx(275)


def test_a_place_that_is_no_unit_still_sends_its_demolitions(units):
    """u0 has no score up to 2018 at all (the all-in-one then has no unit for it): placed by ``plaatsen``."""
    zonder_u0 = units.iloc[1:].reset_index(drop=True)
    # without the place, u0's 40 dwellings of 2016 cannot be placed: a note, u1 sees nothing
    alleen = sloopelders(zonder_u0, SLOOP, 2018)
    assert alleen.frame.at[0, "sloopelders_sloop_omgeving"] == 0
    assert any("sloopregels met een buurtcode die in geen eenheid voorkomt" in note for note in alleen.notes)
    # with every buurt of the layer as a place (u1 itself and a code twice: harmless), u1 sees .8 * 40 = 32,
    # as the standalone mechanism does on all five units; only the four units get a row
    plaatsen = pd.DataFrame({"code": ["bu00010000", "BU00010001", "BU00010000", "BU00019999"],
                             "x": [0.0, 1000.0, 0.0, np.nan], "y": [0.0, 0.0, 0.0, 0.0]})
    result = sloopelders(zonder_u0, SLOOP, 2018, plaatsen=plaatsen)
    assert len(result.frame) == 4
    assert result.frame["sloopelders_sloop_omgeving"].tolist() == pytest.approx([32, 20, 8, 0])  # .8, .5, .2 * 40
    assert result.frame["sloopelders_sloop_binnen_straal"].tolist() == [40, 40, 40, 0]
    assert result.frame["sloopelders_sloop_eigen"].tolist() == [0, 0, 0, 0]
    assert ("1 sloopregel met een buurtcode die in geen eenheid voorkomt (BU99990001): niet meegeteld, waarvan 0 "
            "woningen in 2013-2018") in result.notes  # only the code that is no place either
    assert "Sloop 2013-2018: 40 woningen in 1 buurt meegeteld" in result.notes
    alle = sloopelders(units.assign(afw_2018=[np.nan, *units["afw_2018"].iloc[1:]]), SLOOP, 2018)
    assert result.frame["sloopelders_sloop_omgeving"].tolist() == pytest.approx(
        alle.frame["sloopelders_sloop_omgeving"].iloc[1:].tolist())


def test_without_woz(units):
    result = sloopelders(units.drop(columns="gemiddelde_woningwaarde"), SLOOP)
    # affordability cannot be tested: >= 50 alone -> u1, u2, u3
    assert result.signaal.tolist() == [0, 1, 1, 1, 0]
    assert np.isnan(result.frame["sloopelders_referentie"]).all()
    assert any("Geen WOZ-waarde in de invoer" in note for note in result.notes)
    # one secret WOZ: that unit is judged on demolition alone
    units.loc[1, "gemiddelde_woningwaarde"] = -99997
    result = sloopelders(units, SLOOP)
    assert result.signaal.tolist() == [0, 1, 1, 0, 0]
    assert "1 eenheid met onbekende WOZ-waarde: alleen de sloop telt" in result.notes


def test_missing_input_and_bad_tables(units):
    with pytest.raises(MissingInputError, match=r"no demolition data: supply a table of demolished dwellings per buurt "
                                           r"\(BAG or own\)"):
        sloopelders(units, None)
    with pytest.raises(InputError, match="no column gesloopte_woningen"):
        sloopelders(units, SLOOP.drop(columns="gesloopte_woningen"))
    with pytest.raises(MissingInputError, match="no centre coordinates"):
        sloopelders(units.drop(columns=["x", "y"]), SLOOP)
    # unusable rows are counted, not silently used or dropped
    bad = pd.concat([SLOOP, pd.DataFrame({"buurtcode": ["BU00010001"], "jaar": [2021],
                                          "gesloopte_woningen": ["veel"]})])
    assert "1 sloopregel zonder buurtcode, jaar of (geldig) aantal: niet meegeteld" in sloopelders(units, bad).notes
    # no centre for one unit: NaN score, NA signal
    units.loc[2, "x"] = np.nan
    result = sloopelders(units, SLOOP)
    assert np.isnan(result.score[2]) and pd.isna(result.signaal[2])


def test_grid_cells(units):
    """Cells with buurtcode: demolitions are matched on their buurt, and the own buurt is left out."""
    cells = units.iloc[[0, 0, 1, 2, 3, 4]].reset_index(drop=True)
    cells["buurtcode"] = cells["code"]
    cells["code"] = [f"E{i}N0" for i in range(len(cells))]
    cells.loc[0:1, "x"] = [-50.0, 50.0]  # two cells centred on u0
    result = sloopelders(cells, SLOOP)
    assert result.frame["sloopelders_sloop_omgeving"].tolist() == pytest.approx([30, 30, 138, 60, 66, 0])
    assert result.signaal.tolist() == [0, 0, 0, 1, 1, 0]


# --------------------------------------------------------------------------- the Lelystad sample


def test_sample():
    units = sample_units()
    sloop = pd.read_csv(SAMPLE / "sloop_lelystad.csv")
    result = sloopelders(units, sloop, 2016)
    frame = result.frame.set_axis(units["naam"])
    # 2011-2016: Atol 88, Wijkcentrum 64 + 48 + 36 = 148; later rows are not used
    assert "Sloop 2011-2016: 236 woningen in 2 buurten meegeteld" in result.notes
    assert "5 sloopregels na 2016 niet gebruikt (alleen gegevens t/m het analysejaar)" in result.notes
    assert frame.loc["Atol", "sloopelders_sloop_eigen"] == 88
    assert frame.loc["Wijkcentrum", "sloopelders_sloop_eigen"] == 148
    # Atol's own demolition is not pressure on Atol: it sees only Wijkcentrum's, weighted below 148
    assert frame.loc["Atol", "sloopelders_sloop_binnen_straal"] == 148
    assert frame.loc["Atol", "sloopelders_sloop_omgeving"] < 148
    # nothing in the sample is outside Lelystad: no row left over
    assert not any("geen eenheid" in note for note in result.notes)
    # every signal is an affordable buurt (WOZ at or below the Lelystad median) within 5 km of a demolition,
    # or one whose WOZ is secret (judged on demolition alone, with a note)
    signalled = frame[frame["sloopelders_signaal"] == 1]
    assert len(signalled) >= 5
    known = signalled["sloopelders_woz"].notna()
    assert (signalled.loc[known, "sloopelders_woz"] <= signalled.loc[known, "sloopelders_referentie"]).all()
    assert "3 eenheden met onbekende WOZ-waarde: alleen de sloop telt" in result.notes
    assert (signalled["sloopelders_sloop_omgeving"] >= 50).all()
    # the 2024 analysis counts 2019-2024: Atol 54 and Wijkcentrum, Voorstraat 40 + 72 + 30
    assert "Sloop 2019-2024: 196 woningen in 2 buurten meegeteld" in sloopelders(units, sloop).notes
