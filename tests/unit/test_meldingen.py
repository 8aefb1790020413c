"""Notes in Dutch and English (core/meldingen.py): every note core returns renders in both languages.

The mechanisms, the analysis and the reasons a mechanism is skipped are run on
the sample and on small hand-made inputs that trigger their notes (missing
data, no CBS context, units already zwak, grid cells, demolition rows that do
not fit); every note they return must be a ``Melding`` whose English has no
Dutch words left and whose str value is its Dutch (the English / Dutch pair for
a skip reason, the English for the analysis's notes on the units, as before).
A static scan of core/ checks every template pair and that no note is made
from plain text any more.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_meldingen.py
"""

import ast
import copy
import pickle
import re
import string
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.analyse import analyse, eenheden
from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.mechanisms.base import MissingInputError
from vroegsignalering.core.mechanisms.concurrentiepositie import concurrentiepositie
from vroegsignalering.core.mechanisms.conjunctuur import conjunctuur
from vroegsignalering.core.mechanisms.dimensies import dimensies
from vroegsignalering.core.mechanisms.doorstroom import doorstroom
from vroegsignalering.core.mechanisms.eigenindicator import eigenindicator
from vroegsignalering.core.mechanisms.nieuwbouwelders import nieuwbouwelders
from vroegsignalering.core.mechanisms.omslagzone import omslagzone
from vroegsignalering.core.mechanisms.ontwikkeling import ontwikkeling
from vroegsignalering.core.mechanisms.register import MECHANISMEN
from vroegsignalering.core.mechanisms.sloopelders import sloopelders
from vroegsignalering.core.mechanisms.uitstraling import uitstraling
from vroegsignalering.core.mechanisms.zwakkedeelgebieden import zwakkedeelgebieden
from vroegsignalering.core.meldingen import (
    Melding,
    in_taal,
    is_nederlands,
    melding,
    opsomming,
    reden,
    voorbeelden,
    woorden,
)
from vroegsignalering.core.scores import read_score_csv, wide_scores
from vroegsignalering.tests.unit.mech_helpers import (
    BUURT_SCORES,
    GRID_SCORES,
    SAMPLE,
    sample_buurtlaag,
    tidy_frame,
    units_frame,
)

CORE = Path(__file__).resolve().parents[2] / "core"
GRENZEN = load_klassegrenzen()

# Dutch words that give away an untranslated English text (whole words, any case). 'of' is not among them:
# it is an English word too.
NEDERLANDS = frozenset("""
    eenheden eenheid zonder geen buiten en telt uit van met niet alleen meting metingen gemeten de het een
    cellen rastercellen woningen sloopregels sloop daling onbekend onbekende beoordeeld geteld meegeteld vergeleken
    afgeleid hun ligt liggen heeft hebben één aandeel leeftijd peiljaar nog mogelijk na tot bij binnen omgeving
    zowel als dan te weinig minder hetzelfde basisjaar mediaan drempel percentiel richting hoog laag structuur
    crisisreactie armoede corporatiebezit nieuwbouw betaalbaarheid invoer aangeleverde lager doelgroep uitkomst
    typische beweging helling waarde inkomen voorraad gebouwd staan gegeven gemiddelde elk eerste bijv totaal
    ontbrekend geheim referentie dimensiescores buurbuurten omliggende vóór gemeente's veranderingen onderling
    middelpunt middelpunten gegevens nodig lever tabel eigen veld zodat haar waarin krijgt krijgen
""".split())
# names that are Dutch in English too: a source's name, and the mechanisms' (they are identifiers)
ECHTE_NAMEN = ("wijk- en buurtkaart", *MECHANISMEN)
_IDENTIFIER = re.compile(r"\S*_\S*|\b\w*[a-z][A-Z]\w*")  # field names: aantal_woningen, GemiddeldInkomenPerInwoner


def nederlandse_woorden(text):
    """The Dutch tell-tale words in an English text (field names and real names left out)."""
    for naam in ECHTE_NAMEN:
        text = re.sub(rf"\b{re.escape(naam)}\b", " ", text)
    text = _IDENTIFIER.sub(" ", text)
    return sorted({w for w in re.findall(r"[^\W\d_]+(?:'s)?", text) if w.lower() in NEDERLANDS})


# ----------------------------------------------------------------------------- the class itself


def test_a_melding_is_its_dutch_text_and_renders_english():
    m = melding("{} eenheden al zwak of lager in {}: buiten de doelgroep (geen score)",
                "{} units already zwak or lower in {}: outside the target group (no score)", np.int64(3), 2024)
    assert isinstance(m, str) and m == "3 eenheden al zwak of lager in 2024: buiten de doelgroep (geen score)"
    assert m.engels() == "3 units already zwak or lower in 2024: outside the target group (no score)"
    assert m.nederlands() == str(m) and m.tekst("nl_NL") == str(m)
    assert in_taal(m, "en") == m.engels() and in_taal(m, "de") == m.engels() and in_taal(m, "nl") == str(m)
    assert in_taal("plain text", "en") == "plain text"
    assert "al zwak" in m and m.startswith("3 ") and {m: 1}["3 eenheden al zwak of lager in 2024: buiten de "
                                                            "doelgroep (geen score)"] == 1


def test_numbers_the_dutch_and_the_english_way():
    m = melding("{:,.0f} woningen binnen {:,.0f} m, drempel {:.2f}", "{:,.0f} dwellings within {:,.0f} m, threshold "
                "{:.2f}", 12345.4, np.float64(5000), -0.001)
    assert m == "12.345 woningen binnen 5.000 m, drempel 0,00"  # as base.aantal and base.getal write them
    assert m.engels() == "12,345 dwellings within 5,000 m, threshold 0.00"
    leeg = melding("drempel {:.2f}", "threshold {:.2f}", np.nan)
    assert (leeg, leeg.engels()) == ("drempel ?", "threshold ?")


def test_parts_render_in_the_language_of_the_whole():
    binnen = melding("cellen binnen {:.0f} m", "cells within {:.0f} m", 300.0)
    m = melding("{} ({}): {} en {}", "{} ({}): {} and {}", "uitstraling", "grid", binnen, woorden("hoog", "high"))
    assert m == "uitstraling (grid): cellen binnen 300 m en hoog"
    assert m.engels() == "uitstraling (grid): cells within 300 m and high"
    assert opsomming(["2008", "2012"]) == "2008 en 2012" and opsomming(["2008", "2012"]).engels() == "2008 and 2012"
    assert woorden("{x}", "{y}").engels() == "{y}"  # fixed text: braces are no fields
    codes = voorbeelden([f"BU{i}" for i in range(5)], 3)
    assert (codes, codes.engels()) == ("BU0, BU1, BU2 … (5 in totaal)", "BU0, BU1, BU2 … (5 in all)")
    assert voorbeelden(["BU0"], 3).engels() == "BU0"


def test_a_skip_reason_keeps_both_languages_until_one_is_chosen():
    r = reden("sloopelders: geen sloopgegevens.", "sloopelders: no demolition data.")
    assert r == "sloopelders: no demolition data. / sloopelders: geen sloopgegevens."
    assert (in_taal(r, "nl"), in_taal(r, "en")) == ("sloopelders: geen sloopgegevens.", "sloopelders: no demolition data.")
    error = MissingInputError(r)
    assert str(error) == str(r) and error.melding is r
    assert in_taal(error, "en") == "sloopelders: no demolition data." and in_taal(ValueError("x"), "en") == "x"
    assert MissingInputError("plain").melding == "plain"
    with pytest.raises(ValueError):
        Melding("a", "b", als="fr")


def test_copied_and_pickled_notes_keep_both_languages():
    m = melding("{} eenheden binnen {:,.0f} m", "{} units within {:,.0f} m", 2, 1500.0)
    for kopie in (copy.copy(m), copy.deepcopy(m), pickle.loads(pickle.dumps(m))):
        assert isinstance(kopie, Melding) and kopie == m and kopie.engels() == "2 units within 1,500 m"
    r = pickle.loads(pickle.dumps(reden("x: geen.", "x: none.")))
    assert r == "x: none. / x: geen." and r.tekst("nl") == "x: geen."


def test_language_codes():
    assert is_nederlands("nl") and is_nederlands("nl_NL") and is_nederlands("NL-be")
    assert not any(is_nederlands(taal) for taal in ("en", "en_US", "de", "", None, "nld"))


def test_the_tell_tale_check_finds_dutch():
    assert nederlandse_woorden("3 eenheden zonder meting in 2024") == ["eenheden", "meting", "zonder"]
    assert nederlandse_woorden("doorstroom: needs percentage_personen_65_jaar_en_ouder (wijk- en buurtkaart) or "
                               "GemiddeldInkomenPerInwoner") == []


# ----------------------------------------------------------------------------- every note the mechanisms make


def _units(rows):
    return wide_scores(tidy_frame(rows), GRENZEN)


def _mechanismen():
    """(where, note) for the notes and skip reasons of the mechanisms run on hand-made inputs."""
    out = []

    def run(waar, function, *args, **kwargs):
        try:
            result = function(*args, **kwargs)
        except MissingInputError as error:
            out.append((f"{waar} (skipped)", error.melding))
            return None
        out.extend((waar, note) for note in result.notes)
        return result

    # ontwikkeling and omslagzone: different base years, a unit alone in its gemeente, units without gemeente,
    # already weak units, too few measurements, a unit without a score in the analysis year
    rows = [
        ("BU00010001", "G1", {2012: 0.10, 2016: 0.05, 2020: 0.02, 2024: 0.00}),
        ("BU00010002", "G1", {2012: 0.00, 2016: 0.00, 2020: -0.10, 2024: -0.20}),  # zwak in 2024
        ("BU00010003", "G1", {2018: 0.05, 2024: 0.00}),  # base year 2018, one change
        ("BU00010004", "G1", {2022: 0.00, 2024: 0.01}),  # no measurement at or before 2018
        ("BU00010005", "G1", {2016: 0.00, 2020: None}),  # no score in 2024
        ("BU00020006", "G2", {2016: 0.00, 2024: 0.00}),  # alone in G2
        ("BU00030007", None, {2016: 0.00, 2020: 0.00, 2024: 0.00}),  # without gemeente
        ("BU00030008", None, {2024: 0.02}),  # without gemeente, one measurement
    ]
    units = _units(rows)
    run("ontwikkeling", ontwikkeling, units, 2024)
    run("omslagzone", omslagzone, units, 2024)
    run("dimensies", dimensies, units, 2024)
    zonder_gemeente = units.drop(columns=["gemeente"])
    run("ontwikkeling zonder gemeente", ontwikkeling, zonder_gemeente, 2024)
    run("ontwikkeling gemeente onbekend", ontwikkeling, zonder_gemeente.assign(code=[f"X{i}" for i in range(len(units))]),
        2024)
    run("ontwikkeling zonder gemeente", ontwikkeling, units.assign(code=[f"X{i}" for i in range(len(units))]), 2024)
    run("ontwikkeling gemeente uit de code", ontwikkeling, zonder_gemeente.assign(code=[f"BU0995000{i}" for i in
                                                                                        range(len(units))]), 2024)
    run("ontwikkeling vaste referentie", ontwikkeling, units, 2024, referentie="0,01")
    weinig = _units([("BU00010001", "G1", {2020: 0.0, 2024: 0.0}), ("BU00010002", "G1", {2024: 0.1})])
    run("omslagzone zonder beweging", omslagzone, weinig, 2024)

    # dimensies: dimension scores in 2024 only (no decline known)
    dims = units_frame(gemeenten=["G1"] * 3)
    for dim in ("fys", "onv", "soc", "vrz"):
        dims[f"{dim}_2024"] = [0.0, -0.1, np.nan]
    run("dimensies", dimensies, dims, 2024)

    # uitstraling: grid cells with neighbours given, buurten by distance with a missing centre, one year only
    cellen = _units([(f"E{ix}N{iy}", "G1", {2018: -0.3 if ix == 1000 else 0.0, 2024: -0.3 if ix == 1000 else -0.05})
                     for ix in range(1000, 1004) for iy in range(5000, 5003)])
    run("uitstraling grid", uitstraling, cellen, buren=([0], [1]))
    buurten = units_frame(x=[0, 500, 900, 5000, np.nan], gemeenten=["G1", "G1", None, "G2", "G2"])
    buurten["afw_2024"] = [0.0, -0.3, np.nan, 0.0, np.nan]
    run("uitstraling buurten", uitstraling, buurten)
    run("uitstraling buren", uitstraling, buurten, buren=([0, 1], [1, 2]))
    run("uitstraling een jaar", uitstraling, buurten.drop(columns=["afw_2018", "won_2018", "klasse_2018"]))
    run("uitstraling", uitstraling, buurten.drop(columns=["x", "y"]))

    # zwakkedeelgebieden: a buurt without cells, one with too few, an already weak one, one without a score,
    # cells of a buurt not in the input, no change known, a year the cells were not measured
    zb = _units([("BU00010001", "G1", {2018: -0.08, 2020: -0.09, 2024: -0.10}),
                 ("BU00010002", "G1", {2018: -0.15, 2020: -0.2, 2024: -0.20}),
                 ("BU00010003", "G1", {2018: -0.05, 2020: -0.05, 2024: -0.05}),
                 ("BU00010004", "G1", {2018: -0.05, 2020: -0.05, 2024: None}),
                 ("BU00010005", "G1", {2020: 0.0, 2024: 0.0})])
    cel_rows = [("E1000N5000", "BU00010001", {2018: -0.10, 2024: -0.20}),
                ("E1001N5000", "BU00010001", {2018: -0.05, 2024: -0.09}),
                ("E1002N5000", "BU00010002", {2018: -0.15, 2024: -0.25}),
                ("E1003N5000", "BU00010004", {2018: 0.0, 2024: 0.0}),
                ("E1004N5000", "BU00010004", {2018: 0.0, 2024: 0.0}),
                ("E1005N5000", "BU00010005", {2024: 0.0}),
                ("E1006N5000", "BU00010005", {2024: 0.0}),
                ("E1007N5000", "BU99990001", {2024: 0.0})]
    zc = _units([(code, None, series) for code, _, series in cel_rows])
    zc["buurtcode"] = zc["code"].map({code: buurt for code, buurt, _ in cel_rows})
    run("zwakkedeelgebieden", zwakkedeelgebieden, zb, zc, 2024, min_cellen=2)
    run("zwakkedeelgebieden 2020", zwakkedeelgebieden, zb, zc, 2020, min_cellen=2)
    run("zwakkedeelgebieden", zwakkedeelgebieden, zb, zc.drop(columns=["buurtcode"]), 2024)

    # conjunctuur: crisis measured, CBS structure with gaps; a crisis year missing; no unit in both; nothing
    cj_rows = [("BU00010001", "G1", {2008: 0.10, 2012: 0.02, 2016: 0.05}),
               ("BU00010002", "G1", {2008: 0.00, 2012: 0.00, 2016: 0.01}),
               ("BU00020003", "G2", {2012: 0.0, 2016: 0.0}),
               ("BU00020004", None, {2016: 0.0, 2020: 0.0})]
    cj = _units(cj_rows)
    cj["PersonenInArmoede"] = [10, 5, np.nan, np.nan]
    cj["InBezitWoningcorporatie"] = [30, 30, 60, np.nan]
    run("conjunctuur", conjunctuur, cj, 2016, referentie="gemeente")
    run("conjunctuur zonder context", conjunctuur, cj.drop(columns=["PersonenInArmoede", "InBezitWoningcorporatie"]),
        2016)
    run("conjunctuur 2008 ontbreekt", conjunctuur, _units([r for r in cj_rows if 2008 not in r[2]]).assign(
        PersonenInArmoede=[1.0, 2.0]), 2016)
    run("conjunctuur niet in beide", conjunctuur, _units([("BU00010001", "G1", {2008: 0.1, 2016: 0.0}),
                                                          ("BU00010002", "G1", {2012: 0.0, 2016: 0.0})]).assign(
        PersonenInArmoede=[1.0, 2.0]), 2016)
    run("conjunctuur na het analysejaar", conjunctuur, cj.assign(afw_2002=0.0), 2008)
    run("conjunctuur", conjunctuur, _units([("BU00010001", "G1", {2016: 0.0})]), 2016)

    # doorstroom: shares, WOZ and income with gaps; grid cells with their buurt's context; no age; no WOZ/income
    ds = units_frame(gemeenten=["G1", "G1", "G1", None], k_65JaarOfOuder=[100, 200, np.nan, 50],
                     AantalInwoners=[1000, 1000, 1000, 500], gemiddelde_woningwaarde=[300, np.nan, 200, 100],
                     GemiddeldInkomenPerInwoner=[30, np.nan, 20, 25])
    run("doorstroom", doorstroom, ds, 2024)
    ds_cellen = ds.assign(code=[f"E100{i}N5000" for i in range(4)], buurtcode=["BU00010000"] * 2 + ["BU00010001"] * 2)
    run("doorstroom cellen", doorstroom, ds_cellen, 2024)
    run("doorstroom", doorstroom, ds.drop(columns=["k_65JaarOfOuder"]), 2024)
    run("doorstroom", doorstroom, ds.drop(columns=["gemiddelde_woningwaarde", "GemiddeldInkomenPerInwoner"]), 2024)

    # nieuwbouwelders: secret new build, a small buurt, a buurt far away, no centre, a gemeente reference
    nb = units_frame(x=[0, 1000, 2000, 50_000, np.nan], gemeenten=["G1", "G1", None, "G2", "G2"],
                     aantal_woningen_bouwjaar_afgelopen_tien_jaar=[100, np.nan, 5, 10, 10],
                     aantal_woningen=[1000, 2000, 50, 1000, 1000])
    nb.loc[2, ["afw_2018", "afw_2024"]] = np.nan  # not built yet
    run("nieuwbouwelders", nieuwbouwelders, nb, 2024, referentie="gemeente")
    nb_cellen = nb.iloc[:2].assign(code=["E1000N5000", "E1001N5000"], buurtcode=["BU00010000", "BU00010000"])
    run("nieuwbouwelders cellen", nieuwbouwelders, nb_cellen, 2024)
    run("nieuwbouwelders", nieuwbouwelders, nb.drop(columns=["aantal_woningen"]), 2024)
    run("nieuwbouwelders", nieuwbouwelders, nb.drop(columns=["aantal_woningen_bouwjaar_afgelopen_tien_jaar"]), 2024)
    run("nieuwbouwelders", nieuwbouwelders, nb.drop(columns=["x"]), 2024)

    # sloopelders: unusable, later and foreign rows (more than three foreign codes), unknown WOZ, no WOZ at all
    sl = units_frame(x=[0, 1000, 2500, 40_000, np.nan], gemeenten=["G1", "G1", "G1", None, "G1"],
                     gemiddelde_woningwaarde=[200, np.nan, 150, 250, 400])
    sl.loc[2, ["afw_2018", "afw_2024"]] = np.nan
    sloop = pd.DataFrame({"buurtcode": ["BU00010000", "BU00010001", None, "BU99990001", "BU99990002",
                                        "BU99990003", "BU99990004", "BU00010000"],
                          "jaar": [2020, 2023, 2022, 2022, 2021, 2020, 2019, 2030],
                          "gesloopte_woningen": [80, 40, 10, 500, 1, 1, 1, 5]})
    run("sloopelders", sloopelders, sl, sloop, 2024)
    sl_cellen = sl.iloc[:2].assign(code=["E1000N5000", "E1001N5000"], buurtcode=["BU00010000", "BU00010000"])
    run("sloopelders cellen", sloopelders, sl_cellen, sloop, 2024)
    run("sloopelders zonder WOZ", sloopelders, sl.drop(columns=["gemiddelde_woningwaarde"]), sloop, 2024)
    run("sloopelders", sloopelders, sl, None, 2024)

    # concurrentiepositie: a unit without won, one far away, one without a centre; no WOZ; no won; nothing
    cp = units_frame(x=[0, 1000, 2000, 40_000, np.nan], gemiddelde_woningwaarde=[300, 300, 200, 250, 300])
    cp["won_2024"] = [0.0, np.nan, 0.02, 0.0, 0.0]
    cp.loc[2, ["afw_2018", "afw_2024"]] = np.nan
    cp.loc[0, "gemiddelde_woningwaarde"] = np.nan
    cp.loc[0, "won_2024"] = np.nan
    run("concurrentiepositie", concurrentiepositie, cp, 2024)
    cp_cellen = cp.iloc[:2].assign(code=["E1000N5000", "E1001N5000"], buurtcode=["BU00010000", "BU00010000"])
    run("concurrentiepositie cellen", concurrentiepositie, cp_cellen, 2024)
    run("concurrentiepositie zonder WOZ", concurrentiepositie, cp.drop(columns=["gemiddelde_woningwaarde"]), 2024)
    run("concurrentiepositie zonder won", concurrentiepositie, cp.assign(won_2024=np.nan), 2024)
    run("concurrentiepositie", concurrentiepositie, cp.drop(columns=["gemiddelde_woningwaarde"]).assign(
        won_2024=np.nan), 2024)

    # eigenindicator: a percentile threshold, units without a value, no value at all
    eigen_units = units_frame(gemeenten=["G1", "G1", "G2", None])
    run("eigenindicator", eigenindicator, eigen_units, [1.0, 2.0, np.nan, 4.0], naam="overlast",
        omschrijving="meldingen overlast")
    run("eigenindicator laag", eigenindicator, eigen_units, [1.0, 2.0, 3.0, 4.0], naam="groen", richting="laag")
    run("eigenindicator leeg", eigenindicator, eigen_units, [np.nan] * 4, naam="leeg", drempel=1)
    return out


@pytest.fixture(scope="module")
def sample():
    buurtlaag, wkbs = sample_buurtlaag()
    return (read_score_csv(BUURT_SCORES), read_score_csv(GRID_SCORES), buurtlaag, wkbs,
            pd.read_csv(SAMPLE / "sloop_lelystad.csv"))


def _overlap():
    """Two overlapping buurt squares (sloppy boundaries) and the cells under them (as in test_analyse.py)."""
    from osgeo import ogr

    def square(x0, y0, size):
        ring = f"{x0} {y0}, {x0 + size} {y0}, {x0 + size} {y0 + size}, {x0} {y0 + size}, {x0} {y0}"
        return bytes(ogr.CreateGeometryFromWkt(f"POLYGON (({ring}))").ExportToWkb())

    wkbs = [square(150000, 480000, 300), square(150200, 480000, 300)]
    buurtlaag = pd.DataFrame({"code": ["BU99010001", "BU99010002"], "naam": ["A", "B"], "gemeente": ["G", "G"],
                              "gm_code": ["GM9901", "GM9901"], "x": [150150.0, 150350.0], "y": [480150.0] * 2})
    cells = [f"E{ix}N{iy}" for ix in range(1500, 1505) for iy in range(4800, 4803)]
    tidy_grid = pd.DataFrame({"code": cells * 2, "naam": None, "gemeente": None, "jaar": [2018] * 15 + [2024] * 15,
                              "lbm": np.nan, "afw": 0.0, "fys": 0.0, "onv": 0.0, "soc": 0.0, "vrz": 0.0, "won": 0.0})
    return tidy_grid, buurtlaag, wkbs


def _analyses(sample):
    """(where, note) of the whole analysis of the sample: with and without CBS context, grid scores, demolition."""
    tidy_buurt, tidy_grid, buurtlaag, wkbs, sloop = sample
    overlap = _overlap()
    out = []

    def run(waar, buurt, grid, laag, jaar, polygonen=wkbs, **kwargs):
        units = eenheden(buurt, grid, laag, polygonen, jaar, GRENZEN)
        out.extend((f"{waar}: eenheden", note) for note in units.notes)
        uitkomst = analyse(units.buurten, units.cellen, jaar, grenzen=GRENZEN, **kwargs)
        out.extend((f"{waar}: analyse", note) for note in uitkomst.notes)
        out.extend((f"{waar}: {niveau} {naam} (skipped)", reason) for (niveau, naam), reason in
                   uitkomst.overgeslagen.items())

    eigen = {"overlast": {"waarden": np.linspace(0, 1, len(buurtlaag)), "omschrijving": "meldingen overlast"}}
    run("sample 2024", tidy_buurt, tidy_grid, buurtlaag, 2024, sloop=sloop)
    run("sample 2008", tidy_buurt, tidy_grid, buurtlaag, 2008, sloop=sloop)
    kaal = buurtlaag[["code", "naam", "gemeente", "gm_code", "x", "y"]]
    run("sample without CBS context or demolition", tidy_buurt, None, kaal, 2016)
    run("sample grid only", None, tidy_grid, buurtlaag, 2024, sloop=sloop)
    run("overlapping buurten", None, overlap[0], overlap[1], 2024, polygonen=overlap[2])
    run("sample without five buurten", tidy_buurt, None, buurtlaag.iloc[5:].reset_index(drop=True), 2024,
        polygonen=wkbs[5:], sloop=sloop)
    units = eenheden(tidy_buurt, None, buurtlaag, wkbs, 2024, GRENZEN)
    uitkomst = analyse(units.buurten, None, 2024, grenzen=GRENZEN, eigen={
        "overlast": {**eigen["overlast"], "waarden": np.linspace(0, 1, len(units.buurten))}})
    out.extend(("sample with an own indicator", note) for note in uitkomst.notes)
    return out


@pytest.fixture(scope="module")
def alle_meldingen(sample):
    return _mechanismen() + _analyses(sample)


def _templates(note):
    """The Dutch templates of a note and of the notes inside it."""
    if not isinstance(note, Melding):
        return {note.nl} if hasattr(note, "nl") else set()  # fixed text in two languages (``woorden``)
    found = {note.nl}
    for argument in note.argumenten:
        found |= _templates(argument)
    return found


def test_every_note_is_a_melding_in_both_languages(alle_meldingen):
    assert len(alle_meldingen) > 150
    fouten = []
    for waar, note in alle_meldingen:
        if not isinstance(note, Melding):
            fouten.append((waar, note, "plain text"))
            continue
        nl, en = note.nederlands(), note.engels()
        verwacht = {"nl": nl, "en": en, "beide": f"{en} / {nl}"}[note.als]
        if str(note) != verwacht:
            fouten.append((waar, str(note), "str value"))
        if nederlandse_woorden(en):
            fouten.append((waar, en, nederlandse_woorden(en)))
        if re.search(r"\d\.\d{3}\b", en) or re.search(r"\d,\d{1,2}\b", en):
            fouten.append((waar, en, "a Dutch number in English"))
        if en == nl and not re.fullmatch(r"[\w ()/:,.-]*", en):
            fouten.append((waar, en, "not translated"))
    assert not fouten, "\n".join(map(str, fouten))


def test_skip_reasons_name_what_is_missing_in_both_languages(alle_meldingen):
    reasons = [(waar, note) for waar, note in alle_meldingen if waar.endswith("(skipped)")]
    mechanisms = {waar.split()[-2] for waar, _ in reasons}
    assert {"zwakkedeelgebieden", "doorstroom", "nieuwbouwelders", "sloopelders", "conjunctuur",
            "concurrentiepositie", "uitstraling"} <= mechanisms
    for waar, note in reasons:
        if note.als == "beide":
            assert " / " in note and note.engels() in note and note.nederlands() in note, waar
            assert note.nederlands().split(":")[0] == note.engels().split(":")[0]  # the mechanism named in both


def test_the_notes_read_as_before(alle_meldingen):
    """As str, the notes are the texts of before (taken from the code before the notes had two languages)."""
    texts = {str(note) for _, note in alle_meldingen}
    for before in (
        "1 eenheid al zwak of lager in 2024: buiten de doelgroep (geen score)",
        "1 eenheid niet gemeten in of vóór 2024: buiten de analyse (nog niet gebouwd?)",
        "1 eenheid zonder andere buurt binnen 10.000 m: geen bouwtempo van de omgeving",
        "2 eenheden zonder gemeten omgeving (buurbuurten) in 2024: geen uitkomst",
        "Structuur uit CBS-context: armoede, corporatiebezit",
        "Geen meting in 2008: crisisreactie onbekend, alleen de structuur telt",
        "1 sloopregel zonder buurtcode, jaar of (geldig) aantal: niet meegeteld",
        "Sloop 2019-2024: 120 woningen in 2 buurten meegeteld",
        "Gemeente onbekend: vergeleken met alle eenheden in de invoer",
        "eigen indicator: drempel = 80e percentiel in de slechte richting (laag) = 1,60",
        "meldingen overlast: drempel = 80e percentiel in de slechte richting (hoog) = 3,20",
        "uitstraling (grid): 1 eenheid zonder gemeten omgeving (cellen binnen 300 m) in 2024: geen uitkomst",
        "sloopelders (buurt): Sloop 2019-2024: 196 woningen in 2 buurten meegeteld",
        "overlast (buurt): meldingen overlast: drempel = 80e percentiel in de slechte richting (hoog) = 0,80",
        "alleen op buurtniveau met gridcellen",
        # the analysis's notes on the units were English, and stay so as str
        "3 grid cells lie in more than one buurt (overlapping polygons); each went to the first",
        "2345 of 2345 grid cells lie in the buurten of the buurt layer",
        "No buurt scores given: buurt scores are the mean of their grid cells",
    ):
        assert before in texts, before
    engels = {note.engels() for _, note in alle_meldingen}
    for english in (
        "1 unit already zwak or lower in 2024: outside the target group (no score)",
        "1 unit without another buurt within 10,000 m: no building pace of the surroundings",
        "Structure from the CBS context: poverty, housing-association stock",
        "own indicator: threshold = percentile 80 in the bad direction (low) = 1.60",
        "uitstraling (grid): 1 unit without measured surroundings (cells within 300 m) in 2024: no result",
        "only at buurt level, with grid cells",
    ):
        assert english in engels, english
    nederlands = {note.nederlands() for _, note in alle_meldingen}
    assert "3 rastercellen liggen in meer dan één buurt (overlappende polygonen); elk ging naar de eerste" in nederlands
    assert ("5 buurten met scores staan niet in de buurtlaag (bijv. BU09950110, BU09950111, BU09950112 … "
            "(5 in totaal))") in nederlands


def test_every_template_in_core_is_exercised(alle_meldingen):
    """The inputs above reach every note of core/ (a new note needs an input here that makes it)."""
    made = set().union(*(_templates(note) for _, note in alle_meldingen))
    templates = {nl for _, nl, _en in _template_pairs() if nl != "{}"}
    assert not templates - made, "\n".join(sorted(templates - made))


# ----------------------------------------------------------------------------- the source itself

_MAKERS = {"melding", "reden", "Melding", "woorden"}


def _core_sources():
    return sorted(CORE.rglob("*.py"))


def _template_pairs():
    """(file:line, Dutch, English) of every note made in core/ from two literal texts."""
    pairs = []
    for path in _core_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _MAKERS
                    and len(node.args) >= 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                                    for a in node.args[:2])):
                pairs.append((f"{path.relative_to(CORE.parent)}:{node.lineno}", node.args[0].value, node.args[1].value))
    return pairs


def _fields(template):
    return [(name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name is not None]


def test_every_template_pair_matches_and_the_english_is_english():
    pairs = _template_pairs()
    assert len(pairs) >= 80
    fouten = []
    for where, nl, en in pairs:
        if _fields(nl) != _fields(en):
            fouten.append((where, "fields differ", nl, en))
        english = re.sub(r"\{[^{}]*\}", " ", en)
        if nederlandse_woorden(english):
            fouten.append((where, nederlandse_woorden(english), en))
        if nl == en and nl not in ("{}", "{} ({}): {}"):
            fouten.append((where, "not translated", en))
    assert not fouten, "\n".join(map(str, fouten))


def _plain_text(node):
    """True for an expression that is plain text: a literal, an f-string, text + text."""
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return True
    if isinstance(node, ast.BinOp):
        return _plain_text(node.left) or _plain_text(node.right)
    if isinstance(node, (ast.GeneratorExp, ast.ListComp)):
        return _plain_text(node.elt)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_plain_text(e) for e in node.elts)
    if isinstance(node, ast.IfExp):
        return _plain_text(node.body) or _plain_text(node.orelse)
    return False


def _naam(node):
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def test_no_note_or_skip_reason_in_core_is_plain_text():
    assert not [p for p in _core_sources() if re.search(r"notes\.append\(\s*f?[\"']", p.read_text(encoding="utf-8"))]
    plain = []
    for path in _core_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(CORE.parent)}:{getattr(node, 'lineno', '?')}"
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("append", "extend", "insert") and _naam(node.func.value).endswith("notes")
                    and any(_plain_text(a) for a in node.args)):
                plain.append(where)
            if (isinstance(node, ast.Call) and _naam(node.func) == "MissingInputError"
                    and not (node.args and isinstance(node.args[0], ast.Call) and _naam(node.args[0].func) == "reden")):
                plain.append(where)
            if isinstance(node, (ast.Assign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    name = _naam(target.value) if isinstance(target, ast.Subscript) else _naam(target)
                    if (name.endswith(("note", "notes")) or name == "skipped") and _plain_text(node.value):
                        plain.append(where)
    assert not plain, plain


def test_a_count_of_one_reads_in_the_singular():
    """'1 eenheid zonder ...', '1 unit without ...'; two or more and zero stay plural; a verb after the noun keeps
    the note as it is (the verb would have to change too); True is no count."""
    import numpy as np

    def noot(n):
        return melding("{} eenheden al zwak of lager in {}: buiten de doelgroep (geen score)",
                       "{} units already zwak or lower in {}: outside the target group (no score)", n, 2024)

    assert noot(np.int64(1)).tekst("nl") == "1 eenheid al zwak of lager in 2024: buiten de doelgroep (geen score)"
    assert noot(1).tekst("en") == "1 unit already zwak or lower in 2024: outside the target group (no score)"
    assert noot(2).tekst("en").startswith("2 units already") and noot(0).tekst("nl").startswith("0 eenheden al")
    assert melding("{} buurten zonder {}", "{} buurten without {}", 1, "x").tekst("en") == "1 buurt without x"
    assert melding("{} rastercellen liggen in {}", "{} grid cells lie in {}", 1, "x").tekst("nl") == \
        "1 rastercellen liggen in x"
    assert melding("{} sloopregels zonder buurtcode", "{} demolition rows without a buurt code", 1).tekst("en") == \
        "1 demolition row without a buurt code"
    assert melding("{} eenheden zonder", "{} units without", 1.0).tekst("en") == "1.0 units without"  # not a count
    assert melding("{} eenheden zonder", "{} units without", True).tekst("nl") == "True eenheden zonder"


def test_a_count_of_one_after_a_name_reads_in_the_singular_too():
    noot = melding("{}: {} eenheden zonder waarde: geen uitkomst", "{}: {} units without a value: no result",
                   "meldingen overlast", 1)
    assert noot.tekst("nl") == "meldingen overlast: 1 eenheid zonder waarde: geen uitkomst"
    assert noot.tekst("en") == "meldingen overlast: 1 unit without a value: no result"
    twee = melding("{:,.0f} m: {} buurten zonder buren", "{:,.0f} m: {} buurten without neighbours", 5000.0, 1)
    assert twee.tekst("en") == "5,000 m: 1 buurt without neighbours"
    assert melding("{}: {} eenheden zonder", "{}: {} units without", 1, 2).tekst("en") == "1: 2 units without"


def test_a_count_of_one_after_in_reads_in_the_singular():
    noot = melding("Sloop {}-{}: {:,.0f} woningen in {} buurten meegeteld",
                   "Demolition {}-{}: {:,.0f} dwellings in {} buurten counted", 2019, 2024, 40.0, 1)
    assert noot.tekst("nl") == "Sloop 2019-2024: 40 woningen in 1 buurt meegeteld"
    assert noot.tekst("en") == "Demolition 2019-2024: 40 dwellings in 1 buurt counted"
    assert melding("{} woningen in {} buurten meegeteld", "", 5, 3).tekst("nl") == "5 woningen in 3 buurten meegeteld"
    # both counts of one note: each its own form
    twee = melding("{} eenheden zonder x, in {} buurten meegeteld", "", 1, 1)
    assert twee.tekst("nl") == "1 eenheid zonder x, in 1 buurt meegeteld"


def test_a_file_error_reads_in_dutch_in_a_dutch_message(tmp_path):
    import errno
    import os

    from vroegsignalering.core.errors import InputError
    from vroegsignalering.core.meldingen import in_taal, systeemfout
    from vroegsignalering.core.scores import read_score_csv

    with pytest.raises(InputError) as raised:
        read_score_csv(tmp_path / "weg.csv")
    assert in_taal(raised.value, "nl") == f"{tmp_path / 'weg.csv'}: kan het bestand niet lezen (het bestand of de map " \
                                          "bestaat niet)."
    assert in_taal(raised.value, "en") == f"{tmp_path / 'weg.csv'}: cannot read the file (No such file or directory)."
    with pytest.raises(InputError) as raised:
        read_score_csv(tmp_path)  # a folder
    assert "(dat is een map, geen bestand)" in in_taal(raised.value, "nl")
    vol = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert melding("Kan niet schrijven: {}", "Cannot write: {}", systeemfout(vol)).tekst("nl") == \
        "Kan niet schrijven: de schijf is vol"
    # an error the table does not know keeps the system's own words, in both languages
    vreemd = OSError(errno.ECONNRESET, "Connection reset by peer")
    assert systeemfout(vreemd).tekst("nl") == systeemfout(vreemd).tekst("en") == "Connection reset by peer"
    assert systeemfout(OSError("zonder nummer")).tekst("nl") == "zonder nummer"


def test_a_row_with_too_many_fields_is_named_in_both_languages(tmp_path):
    from vroegsignalering.core.errors import InputError
    from vroegsignalering.core.meldingen import in_taal
    from vroegsignalering.core.scores import read_score_csv

    pad = tmp_path / "scores.csv"
    pad.write_text("bu_code,jaar,afw\nBU00010001,2024,0.01\nBU00010002,2024,0.02,7\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_score_csv(pad)
    assert in_taal(raised.value, "nl") == ("scores.csv: geen leesbare CSV-tabel (regel 3 heeft 4 velden waar de kop "
                                           "er 3 heeft).")
    assert in_taal(raised.value, "en") == "scores.csv: not a readable CSV table (line 3 has 4 fields where the header " \
                                          "has 3)."
