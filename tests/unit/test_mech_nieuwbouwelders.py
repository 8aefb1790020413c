"""Mechanism nieuwbouwelders (new-build competition): hand-computed sums on a line, ranks, signals; sample.

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
    result = nieuwbouwelders(units, straal=5000)
    frame = result.frame
    # within 5 km, without the buurt itself (6 km is outside, exactly 5 km inside):
    # u0: u1 0 + u2 50 = 50; u1: u0 100 + u2 50 + u3 200 (5000 m) = 350; u2: 100 + 0 + 200 = 300;
    # u3: u1 0 + u2 50 = 50; u4: nobody
    assert frame["nieuwbouwelders_nieuwbouw_omgeving"].tolist() == [50, 350, 300, 50, 0]
    assert frame["nieuwbouwelders_aantal_buren"].tolist() == [2, 3, 3, 2, 0]
    # per own dwelling: 0.05, 0.7, 0.3, 0.125, 0; own new build 10, 0, 5, 50, 20 %
    assert frame["nieuwbouwelders_nieuwbouw_per_woning"].tolist() == pytest.approx([0.05, 0.7, 0.3, 0.125, 0])
    assert frame["nieuwbouwelders_eigen_nieuwbouw_aandeel"].tolist() == pytest.approx([10, 0, 5, 50, 20])
    # surroundings' pace: u1 350 new of 1000 + 1000 + 400 = 2400 dwellings -> 14.58 %
    assert frame.at[1, "nieuwbouwelders_nieuwbouw_aandeel_omgeving"] == pytest.approx(100 * 350 / 2400)
    # 75th percentile of 0, .05, .125, .3, .7 = .3; median .125
    assert frame["nieuwbouwelders_grens"].tolist() == pytest.approx([0.3] * 5)
    assert frame["nieuwbouwelders_referentie"].tolist() == pytest.approx([0.125] * 5)
    # signal: top quarter and own share below 5 %: u1; u2 reaches .3 but builds 5 % itself
    assert result.signaal.tolist() == [0, 1, 0, 0, 0]
    # score: rank (u4 0, u0 .25, u3 .5, u2 .75, u1 1) damped by 5 / own share from 5 % on:
    # u0 .25 * 5/10 = .125; u2 .75 * 5/5 = .75; u3 .5 * 5/50 = .05; u4 0 * 5/20 = 0
    assert result.score.tolist() == pytest.approx([0.125, 1.0, 0.75, 0.05, 0.0])
    assert frame.at[1, "nieuwbouwelders_toelichting"] == (
        "350 nieuwe woningen binnen 5 km, 0,7 per eigen woning (grens 0,3); eigen nieuwbouw 0 %")
    assert frame.at[2, "nieuwbouwelders_toelichting"].endswith("eigen nieuwbouw 5 % (zelf nieuw)")
    assert "1 eenheden zonder andere buurt binnen 5.000 m: nieuwbouw in de omgeving 0" in result.notes


def test_percentage_of_stock_gives_the_same(units):
    """StatLine's BouwjaarAfgelopenTienJaar (%) times the stock: 10 % of 1000 = 100 and so on."""
    statline = units.drop(columns="aantal_woningen_bouwjaar_afgelopen_tien_jaar").assign(
        bouwjaarafgelopentienjaar=[10, 0, 5, 50, 20])
    result = nieuwbouwelders(statline, straal=5000)
    assert result.frame["nieuwbouwelders_nieuwbouw_omgeving"].tolist() == pytest.approx([50, 350, 300, 50, 0])
    assert "bouwjaarafgelopentienjaar × aantal_woningen / 100" in result.notes[0]


def test_distance_weighting(units):
    frame = nieuwbouwelders(units, straal=5000, weging="afstand").frame
    # u1: u0 at 1 km weight .8 -> 80, u2 at 2 km .6 -> 30, u3 at 5 km 0 -> 110
    assert frame.at[1, "nieuwbouwelders_nieuwbouw_omgeving"] == pytest.approx(110)


def test_default_radius_and_references(units):
    # 10 km: u0..u3 see each other; u4 at 14 km from u3 still sees nobody
    frame = nieuwbouwelders(units).frame
    assert frame["nieuwbouwelders_nieuwbouw_omgeving"].tolist() == [250, 350, 300, 150, 0]
    # a fixed reference: at least 0.2 new dwellings nearby per own dwelling (ranks over all)
    result = nieuwbouwelders(units, straal=5000, referentie=0.2)
    assert result.frame["nieuwbouwelders_referentie"].tolist() == [0.2] * 5
    assert result.signaal.tolist() == [0, 1, 0, 0, 0]
    # a looser own-share threshold lets u2 (5 %) in
    assert nieuwbouwelders(units, straal=5000, max_eigen_nieuwbouw=6).signaal.tolist() == [0, 1, 1, 0, 0]


def test_secret_and_missing_values(units):
    units.loc[2, "aantal_woningen_bouwjaar_afgelopen_tien_jaar"] = -99997  # u2's new build secret
    units.loc[3, "aantal_woningen"] = np.nan  # u3's stock unknown
    result = nieuwbouwelders(units, straal=5000)
    frame = result.frame
    # u2 counts 0 for its neighbours: u0 0, u1 100 + 200 = 300; u2 has no own share but a score
    assert frame["nieuwbouwelders_nieuwbouw_omgeving"].tolist()[:2] == [0, 300]
    assert np.isnan(frame.at[2, "nieuwbouwelders_eigen_nieuwbouw_aandeel"])
    assert not np.isnan(result.score[2])
    # u3: no stock -> no score, no signal
    assert np.isnan(result.score[3]) and pd.isna(result.signaal[3])
    assert frame.at[3, "nieuwbouwelders_toelichting"].endswith("eigen voorraad onbekend")
    assert "1 eenheden met onbekende nieuwbouw (geheim): telt als 0 voor de buren, geen eigen aandeel" in result.notes
    assert "1 eenheden zonder woningvoorraad (onbekend of 0): geen score" in result.notes
    # a unit without a centre
    units.loc[0, "x"] = np.nan
    result = nieuwbouwelders(units, straal=5000)
    assert np.isnan(result.score[0])
    assert result.frame.at[0, "nieuwbouwelders_toelichting"] == "Geen middelpunt: omgeving onbekend"


def test_not_yet_built_is_no_neighbour(units):
    """u2 is first measured in 2024: in 2018 it does not exist, as if only the data up to 2018 were loaded."""
    units.loc[2, "afw_2018"] = np.nan
    result = nieuwbouwelders(units, 2018, straal=5000)
    # u1: u0 100 + u3 200 = 300 (u2's 50 is not there yet)
    assert result.frame.at[1, "nieuwbouwelders_nieuwbouw_omgeving"] == 300
    assert np.isnan(result.score[2]) and pd.isna(result.signaal[2])
    assert result.frame.at[2, "nieuwbouwelders_toelichting"] == "Niet gemeten in of vóór 2018"
    assert "1 eenheden niet gemeten in of vóór 2018: buiten de analyse (nog niet gebouwd?)" in result.notes
    without = nieuwbouwelders(units.drop(index=2), 2018, straal=5000).frame
    pd.testing.assert_frame_equal(result.frame.drop(index=2), without)
    # in 2024 it is there
    assert nieuwbouwelders(units, straal=5000).frame.at[1, "nieuwbouwelders_nieuwbouw_omgeving"] == 350


def test_missing_input(units):
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


def test_grid_cells_count_their_buurt_once(units):
    """Three cells of u0 each carry u0's 100 new dwellings: u1 must still see 100 from u0, not 300."""
    cells = units.iloc[[0, 0, 0, 1, 2, 3, 4]].reset_index(drop=True)
    cells["buurtcode"] = cells["code"]
    cells["code"] = [f"E{i}N0" for i in range(len(cells))]
    cells.loc[0:2, "x"] = [-100.0, 0.0, 100.0]  # centred on u0
    result = nieuwbouwelders(cells, straal=5000)
    assert result.frame["nieuwbouwelders_nieuwbouw_omgeving"].tolist() == [50, 50, 50, 350, 300, 50, 0]
    assert result.signaal.tolist() == [0, 0, 0, 1, 0, 0, 0]
    assert "7 rastercellen krijgen de uitkomst van hun buurt" in result.notes


# --------------------------------------------------------------------------- the Lelystad sample


def test_sample():
    units = sample_units()
    result = nieuwbouwelders(units)
    frame = result.frame.set_axis(units["naam"])
    # what a user checks: the count within 10 km is the plain sum over the other buurten' centres within 10 km
    x, y = units["x"].to_numpy(), units["y"].to_numpy()
    nieuw = units["aantal_woningen_bouwjaar_afgelopen_tien_jaar"].to_numpy(dtype=float)
    for i in range(len(units)):
        d = np.hypot(x - x[i], y - y[i])
        inside = (d <= 10_000) & (np.arange(len(units)) != i)
        assert frame["nieuwbouwelders_nieuwbouw_omgeving"].iloc[i] == pytest.approx(np.nansum(nieuw[inside]))
    # the new buurten (Landerijen, Flora, Woonhavenpad: much own new build) never signal
    own = frame["nieuwbouwelders_eigen_nieuwbouw_aandeel"]
    assert (own >= 5).sum() >= 5
    assert (frame.loc[own >= 5, "nieuwbouwelders_signaal"] == 0).all()
    # about a quarter of the old buurten signals (top quarter of new build per own dwelling)
    assert 10 <= result.signaal.sum() <= 25
    assert "1 eenheden met onbekende nieuwbouw (geheim): telt als 0 voor de buren, geen eigen aandeel" in result.notes
