"""Mechanism nieuwbouwelders (new-build competition): the building pace around a buurt, hand-computed; sample.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_mech_nieuwbouwelders.py
"""

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.errors import InputError
from vroegsignalering.core.mechanisms.base import MissingInputError
from vroegsignalering.core.mechanisms.nieuwbouwelders import nieuwbouwelders
from vroegsignalering.tests.unit.mech_helpers import sample_units, units_frame

# five buurten at x = 0, 1 km, 3 km, 6 km and 20 km
X = [0, 1000, 3000, 6000, 20000]
NIEUW = [100, 0, 50, 200, 400]
VOORRAAD = [1000, 500, 1000, 400, 2000]


@pytest.fixture()
def units():
    return units_frame(x=X, aantal_woningen_bouwjaar_afgelopen_tien_jaar=NIEUW, aantal_woningen=VOORRAAD)


def test_hand_computed(units):
    result = nieuwbouwelders(units, straal=5000, weging="gelijk")
    frame = result.frame
    # within 5 km, without the buurt itself (6 km is outside, exactly 5 km inside):
    # u0: u1 + u2: 50 new of 1500; u1: u0 + u2 + u3 (5000 m): 350 of 2400; u2: u0 + u1 + u3: 300 of 1900;
    # u3: u1 + u2: 50 of 1500; u4: nobody
    assert frame["nieuwbouwelders_nieuwbouw_omgeving"].tolist() == [50, 350, 300, 50, 0]
    assert frame["nieuwbouwelders_voorraad_omgeving"].tolist() == [1500, 2400, 1900, 1500, 0]
    assert frame["nieuwbouwelders_aantal_buren"].tolist() == [2, 3, 3, 2, 0]
    pace = [100 * 50 / 1500, 100 * 350 / 2400, 100 * 300 / 1900, 100 * 50 / 1500, np.nan]
    assert frame["nieuwbouwelders_nieuwbouw_aandeel_omgeving"].to_numpy() == pytest.approx(pace, nan_ok=True)
    # against the national pace of 8 %: u1 +6.58, u2 +7.79 points; the part is 0.5 at the threshold of 4 points
    # and 1 at 8: u1 0.5 + 0.5 * 2.583 / 4 = 0.822917, u2 0.5 + 0.5 * 3.789 / 4 = 0.973684
    assert frame["nieuwbouwelders_referentie"].tolist() == [8.0] * 5
    assert frame["nieuwbouwelders_voorsprong"].to_numpy() == pytest.approx(np.array(pace) - 8, nan_ok=True)
    assert frame["nieuwbouwelders_deel_omgeving"].to_numpy() == pytest.approx(
        [0, 0.822917, 0.973684, 0, np.nan], abs=1e-6, nan_ok=True)
    # own new build 10, 0, 5, 50, 20 %: the condition is 0.5 at 5 %, 1 at 0 %, 0 at 10 %
    assert frame["nieuwbouwelders_eigen_nieuwbouw_aandeel"].tolist() == pytest.approx([10, 0, 5, 50, 20])
    assert frame["nieuwbouwelders_deel_eigen"].tolist() == pytest.approx([0, 1, 0.5, 0, 0])
    # score: the smaller part; u4 has no surroundings: unknown, not 0
    assert result.score.to_numpy() == pytest.approx([0, 0.822917, 0.5, 0, np.nan], abs=1e-6, nan_ok=True)
    # signal: u1 (old stock, fast surroundings) and u2 (exactly 5 % of its own: at the threshold)
    assert result.signaal.fillna(-1).tolist() == [0, 1, 1, 0, -1]
    assert frame.at[1, "nieuwbouwelders_toelichting"] == (
        "Binnen 5 km 350 nieuwe woningen in tien jaar, 14,6 % van de voorraad tegen 8,0 % als referentie, "
        "+6,6 procentpunt, eigen nieuwbouw 0 %")
    assert frame.at[3, "nieuwbouwelders_toelichting"].endswith("eigen nieuwbouw 50 %, de buurt is zelf nieuw")
    assert frame.at[4, "nieuwbouwelders_toelichting"] == "Geen buurten met bekende nieuwbouw binnen 5 km"
    assert "1 eenheid zonder andere buurt binnen 5.000 m: geen bouwtempo van de omgeving" in result.notes


def test_percentage_of_stock_gives_the_same(units):
    """StatLine's BouwjaarAfgelopenTienJaar (%) times the stock: 10 % of 1000 = 100 and so on."""
    statline = units.drop(columns="aantal_woningen_bouwjaar_afgelopen_tien_jaar").assign(
        bouwjaarafgelopentienjaar=[10, 0, 5, 50, 20])
    result = nieuwbouwelders(statline, straal=5000, weging="gelijk")
    assert result.frame["nieuwbouwelders_nieuwbouw_omgeving"].tolist() == pytest.approx([50, 350, 300, 50, 0])
    assert "bouwjaarafgelopentienjaar × aantal_woningen / 100" in result.notes[0]


def test_distance_weighting_is_the_default(units):
    frame = nieuwbouwelders(units, straal=5000).frame
    # u1: u0 at 1 km weight .8, u2 at 2 km .6, u3 at 5 km 0: new 80 + 30 + 0 = 110 of 800 + 600 + 0 = 1400
    assert frame.at[1, "nieuwbouwelders_nieuwbouw_omgeving"] == pytest.approx(110)
    assert frame.at[1, "nieuwbouwelders_voorraad_omgeving"] == pytest.approx(1400)
    assert frame.at[1, "nieuwbouwelders_nieuwbouw_aandeel_omgeving"] == pytest.approx(100 * 110 / 1400)
    # default 10 km: u0 sees u1 (.9), u2 (.7), u3 (.4): new 0 + 35 + 80 = 115 of 450 + 700 + 160 = 1310
    frame = nieuwbouwelders(units).frame
    assert frame.at[0, "nieuwbouwelders_nieuwbouw_aandeel_omgeving"] == pytest.approx(100 * 115 / 1310)


def test_references(units):
    # all loaded units: 750 new of 4900 dwellings = 15.31 %; u1 (14.58 %) is then behind, no signal
    result = nieuwbouwelders(units, straal=5000, weging="gelijk", referentie="alle")
    assert result.frame["nieuwbouwelders_referentie"].to_numpy() == pytest.approx([100 * 750 / 4900] * 5)
    assert result.signaal.fillna(-1).tolist() == [0, 0, 0, 0, -1]
    # per gemeente: u0, u1 in G1 (100 of 1500 = 6.67 %), u2..u4 in G2 (650 of 3400 = 19.1 %)
    units["gemeente"] = ["G1", "G1", "G2", "G2", "G2"]
    frame = nieuwbouwelders(units, straal=5000, weging="gelijk", referentie="gemeente").frame
    assert frame["nieuwbouwelders_referentie"].to_numpy() == pytest.approx(
        [100 / 15] * 2 + [100 * 650 / 3400] * 3)
    # u1: 14.58 - 6.67 = 7.92 points ahead: signal
    assert frame.at[1, "nieuwbouwelders_signaal"] == 1
    # a fixed number given as text with a decimal comma
    assert nieuwbouwelders(units, straal=5000, referentie="10,5").frame["nieuwbouwelders_referentie"].tolist() == [
        10.5] * 5
    # a looser own-share threshold lets u0 (10 %) pass the condition, but its surroundings are slow
    assert nieuwbouwelders(units, straal=5000, weging="gelijk", max_eigen_nieuwbouw=12).signaal.fillna(-1).tolist() == [
        0, 1, 1, 0, -1]


def test_small_buurten_are_not_judged(units):
    result = nieuwbouwelders(units, straal=5000, weging="gelijk", min_woningen=450)
    # u3 has 400 dwellings: no score; its new build still counts for its neighbours
    assert np.isnan(result.score[3]) and pd.isna(result.signaal[3])
    assert result.frame.at[1, "nieuwbouwelders_nieuwbouw_omgeving"] == 350
    assert result.frame.at[3, "nieuwbouwelders_toelichting"] == "400 woningen, te weinig om te beoordelen, minimaal 450"
    assert "1 eenheid met minder dan 450 woningen (of onbekend): niet beoordeeld" in result.notes


def test_secret_and_missing_values(units):
    units.loc[2, "aantal_woningen_bouwjaar_afgelopen_tien_jaar"] = -99997  # u2's new build secret
    result = nieuwbouwelders(units, straal=5000, weging="gelijk")
    frame = result.frame
    # u2 counts for neither new build nor stock around it: u1 sees u0 and u3: 300 new of 1400 dwellings
    assert frame.at[1, "nieuwbouwelders_nieuwbouw_omgeving"] == 300
    assert frame.at[1, "nieuwbouwelders_voorraad_omgeving"] == 1400
    # u2 has no own share: judged on its surroundings alone (u0, u1, u3: 300 of 1900, 15.8 %: 0.973684)
    assert np.isnan(frame.at[2, "nieuwbouwelders_eigen_nieuwbouw_aandeel"])
    assert result.score[2] == pytest.approx(0.973684, abs=1e-6)
    assert frame.at[2, "nieuwbouwelders_toelichting"].endswith(", eigen nieuwbouw onbekend")
    assert any(note.startswith("1 eenheid met onbekende nieuwbouw (geheim)") for note in result.notes)
    # unknown stock: not judged
    units.loc[3, "aantal_woningen"] = np.nan
    result = nieuwbouwelders(units, straal=5000)
    assert np.isnan(result.score[3]) and pd.isna(result.signaal[3])
    assert result.frame.at[3, "nieuwbouwelders_toelichting"] == "Aantal woningen onbekend: niet beoordeeld"
    # a unit without a centre
    units.loc[0, "x"] = np.nan
    result = nieuwbouwelders(units, straal=5000)
    assert np.isnan(result.score[0])
    assert result.frame.at[0, "nieuwbouwelders_toelichting"] == "Geen middelpunt: omgeving onbekend"


def test_not_yet_built_is_no_neighbour(units):
    """u2 is first measured in 2024: in 2018 it does not exist, as if only the data up to 2018 were loaded."""
    units.loc[2, "afw_2018"] = np.nan
    result = nieuwbouwelders(units, 2018, straal=5000, weging="gelijk")
    # u1: u0 100 + u3 200 = 300 (u2's 50 is not there yet)
    assert result.frame.at[1, "nieuwbouwelders_nieuwbouw_omgeving"] == 300
    assert np.isnan(result.score[2]) and pd.isna(result.signaal[2])
    assert result.frame.at[2, "nieuwbouwelders_toelichting"] == "Niet gemeten in of vóór 2018"
    assert "1 eenheid niet gemeten in of vóór 2018: buiten de analyse (nog niet gebouwd?)" in result.notes
    without = nieuwbouwelders(units.drop(index=2), 2018, straal=5000, weging="gelijk").frame
    pd.testing.assert_frame_equal(result.frame.drop(index=2), without)
    # in 2024 it is there
    assert nieuwbouwelders(units, straal=5000, weging="gelijk").frame.at[1, "nieuwbouwelders_nieuwbouw_omgeving"] == 350


def test_missing_input_and_bad_settings(units):
    with pytest.raises(MissingInputError, match="no new-build data"):
        nieuwbouwelders(units.drop(columns="aantal_woningen_bouwjaar_afgelopen_tien_jaar"))
    with pytest.raises(MissingInputError, match="no dwelling stock"):
        nieuwbouwelders(units.drop(columns="aantal_woningen"))
    with pytest.raises(MissingInputError, match="no centre coordinates"):
        nieuwbouwelders(units.drop(columns=["x", "y"]))
    with pytest.raises(InputError):
        nieuwbouwelders(units, straal=0)
    with pytest.raises(InputError):
        nieuwbouwelders(units, weging="kwadraat")
    with pytest.raises(InputError, match="the threshold .* must be a number"):
        nieuwbouwelders(units, drempel="veel")


def test_grid_cells_count_their_buurt_once(units):
    """Three cells of u0 each carry u0's 100 new dwellings: u1 must still see 100 from u0, not 300."""
    cells = units.iloc[[0, 0, 0, 1, 2, 3, 4]].reset_index(drop=True)
    cells["buurtcode"] = cells["code"]
    cells["code"] = [f"E{i}N0" for i in range(len(cells))]
    cells.loc[0:2, "x"] = [-100.0, 0.0, 100.0]  # centred on u0
    result = nieuwbouwelders(cells, straal=5000, weging="gelijk")
    assert result.frame["nieuwbouwelders_nieuwbouw_omgeving"].tolist() == [50, 50, 50, 350, 300, 50, 0]
    assert result.signaal.fillna(-1).tolist() == [0, 0, 0, 1, 1, 0, -1]
    assert "7 rastercellen krijgen de uitkomst van hun buurt" in result.notes


# --------------------------------------------------------------------------- the Lelystad sample


def test_sample_measures_pull_not_size():
    units = sample_units()
    result = nieuwbouwelders(units)
    frame = result.frame.set_axis(units["naam"])
    stock = frame["nieuwbouwelders_woningen"]
    judged = frame["nieuwbouwelders_score"].notna()
    assert judged.sum() >= 60
    # the old measure (new build nearby per own dwelling) had a rank correlation of -0.95 with the own stock;
    # the surroundings' pace barely depends on it
    rho = frame.loc[judged, "nieuwbouwelders_nieuwbouw_aandeel_omgeving"].corr(stock[judged], method="spearman")
    assert abs(rho) < 0.3
    # Lelystad (simulated context) builds 5.7 % in ten years, below the national 8 %: no pull from outside
    assert frame["nieuwbouwelders_signaal"].fillna(0).sum() == 0
    # against its own pace (and a lower threshold: the sample's pace varies 1.4-7.8 %), the buurten near its
    # new-build areas are pulled; still not by size
    own_pace = nieuwbouwelders(units, referentie="alle", drempel=1).frame.set_axis(units["naam"])
    assert 0 < own_pace["nieuwbouwelders_signaal"].fillna(0).sum() < judged.sum()
    rho_score = own_pace.loc[judged, "nieuwbouwelders_score"].corr(stock[judged], method="spearman")
    assert abs(rho_score) < 0.3
    # buurten below 100 dwellings (business parks, rural) are not judged
    assert frame.loc[stock < 100, "nieuwbouwelders_score"].isna().all()
    # the new buurten (much own new build) never signal
    own = frame["nieuwbouwelders_eigen_nieuwbouw_aandeel"]
    assert (own > 5).sum() >= 5
    assert (frame.loc[own > 5, "nieuwbouwelders_signaal"].fillna(0) == 0).all()
    # score and signal agree
    assert ((frame["nieuwbouwelders_score"] >= 0.5) == (frame["nieuwbouwelders_signaal"] == 1))[judged].all()
