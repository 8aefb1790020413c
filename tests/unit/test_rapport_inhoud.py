"""The council report's content: the sentences, table cells and numbers a reader checks, counted by hand.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_rapport_inhoud.py

The hand-made profile (``profiel``): 8 buurten of Voorbeeldstad in 2 wijken, 4 mechanisms.

| buurt  | wijk     | klasse | doel | risico | score | ontw.  | omslag | uitstr. | conj.  | inwoners |
|--------|----------|--------|------|--------|-------|--------|--------|---------|--------|----------|
| Akker  | WK000101 | 5      | ja   | 2      | 0,55  | 0,9 s  | 0,8 s  | 0,7 s   | 0,6 s  | 1.200    |
| Beemd  | WK000102 | 6      | ja   | 1      | 0,60  | 0,4    | 0,7 s  | 0,7 s   | 0,1    | 850      |
| Dijk   | WK000101 | 5      | ja   | 1      | 0,60  | 0,6 s  | 0,3    | 0,9 s   | 0,2    | 2.000    |
| Esch   | WK000101 | 7      | ja   | 0      | 0,20  | 0,2    | 0,1    | 0,3     | 0,2    |          |
| Gaarde | WK000102 | 5      | ja   | 0      | 0,10  | 0,1    | 0,1    | 0,1     | 0,1    |          |
| Hof    | WK000102 | 6      | ja   | –      | –     | –      | 0,2    | 0,3     | –      |          |
| Kamp   | WK000101 | 4      | nee  | –      | 0,70  | 0,8 s  | –      | 0,6 s   | 0,7 s  |          |
| Laan   | WK000102 | 3      | nee  | –      | 0,50  | 0,5 s  | –      | 0,5 s   | 0,5 s  |          |

(s = signal). Target group: 6; 'sterk verhoogd' 1 (Akker), 'verhoogd' 2 (Beemd, Dijk), 'onbekend' 1 (Hof);
already 'zwak' or lower: 2. Signals among the 3 at risk: uitstraling 3, ontwikkeling 2, omslagzone 2,
conjunctuur 1. Residents at risk: 1.200 + 850 + 2.000 = 4.050, of whom 1.200 at 'sterk verhoogd'.
"""

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.analyse import analyse
from vroegsignalering.core.backtest import evaluate
from vroegsignalering.core.errors import InputError
from vroegsignalering.core.mechanisms.register import LABELS, LABELS_EN, MECHANISMEN
from vroegsignalering.core.profile import ProfielRegels
from vroegsignalering.core.rapport import rapport_inhoud
from vroegsignalering.tests.unit.mech_helpers import sample_eenheden

ROOT = Path(__file__).resolve().parents[2]
AFKORTINGEN = re.compile(r"\b(?:onv|soc|won|fys|vrz|afw|BZK|CBS)\b")
KOP_NL = ["Buurt", "Wijk", "Leefbaarometer", "Risico", "Risicoscore", "Signalen", "Belangrijkste factoren"]
WIJKNAMEN = {"WK000101": "Noord"}  # WK000102 has no name: its code shows
KERN = ("Van de 6 buurten in Voorbeeldstad die in 2024 nog 'voldoende' of beter scoren op de Leefbaarometer, "
        "hebben er 1 een sterk verhoogd risico en 2 een verhoogd risico om te zakken naar 'zwak' of lager.")
ONBEKEND = ("Van 1 van deze buurten is het risico onbekend: er waren te weinig gegevens, minder dan 3 "
            "risicomechanismen konden een oordeel geven.")
ZWAK = ("Daarnaast scoren 2 buurten in 2024 al 'zwak' of lager. Die vallen buiten deze risicoanalyse, die gaat over "
        "buurten die nog 'voldoende' of beter zijn.")
WIJKEN = "De 3 buurten met een verhoogd of sterk verhoogd risico liggen in 2 wijken: 2 in Noord en 1 in WK000102."
FACTOREN = ("De risicofactoren die in deze buurten het vaakst voorkomen, zijn zwakke omgeving bij 3 van de 3 buurten, "
            "dalende score bij 2 van de 3 buurten, dicht bij de omslag bij 2 van de 3 buurten en conjunctuurgevoelig "
            "bij 1 van de 3 buurten.")
NA = np.nan


def profiel():
    rijen = [  # naam, wijk, klasse, doel, risico, score, n_sig, n_mech, (ontw, omslag, uitstr, conj) as (score, sig)
        ("Akker", "01", 5, 1, 2, 0.55, 4, 4, ((0.9, 1), (0.8, 1), (0.7, 1), (0.6, 1))),
        ("Beemd", "02", 6, 1, 1, 0.60, 2, 4, ((0.4, 0), (0.7, 1), (0.7, 1), (0.1, 0))),
        ("Dijk", "01", 5, 1, 1, 0.60, 2, 4, ((0.6, 1), (0.3, 0), (0.9, 1), (0.2, 0))),
        ("Esch", "01", 7, 1, 0, 0.20, 0, 4, ((0.2, 0), (0.1, 0), (0.3, 0), (0.2, 0))),
        ("Gaarde", "02", 5, 1, 0, 0.10, 0, 4, ((0.1, 0), (0.1, 0), (0.1, 0), (0.1, 0))),
        ("Hof", "02", 6, 1, None, NA, 0, 2, ((NA, NA), (0.2, 0), (0.3, 0), (NA, NA))),
        ("Kamp", "01", 4, 0, None, 0.70, 3, 3, ((0.8, 1), (NA, NA), (0.6, 1), (0.7, 1))),
        ("Laan", "02", 3, 0, None, 0.50, 3, 3, ((0.5, 1), (NA, NA), (0.5, 1), (0.5, 1))),
    ]
    labels = {2: "sterk verhoogd risico", 1: "verhoogd risico", 0: "geen verhoogd risico"}
    records = []
    for i, (naam, wijk, klasse, doel, risico, score, n_sig, n_mech, mech) in enumerate(rijen, start=1):
        record = {"code": f"BU0001{wijk}{i:02d}", "naam": naam, "gemeente": "Voorbeeldstad", "gm_code": "GM0001",
                  "wijkcode": f"WK0001{wijk}", "jaar": 2024, "afw": 0.0, "klasse": klasse, "doelgroep": doel,
                  "n_signalen": n_sig, "n_mechanismen": n_mech, "risico_score": score, "risico_klasse": risico,
                  "risico_label": labels.get(risico, "al zwak of lager" if klasse < 5 else "onbekend"),
                  "factoren": ""}
        for mechanisme, (s, sig) in zip(("ontwikkeling", "omslagzone", "uitstraling", "conjunctuur"), mech):
            record[f"{mechanisme}_score"] = s
            record[f"{mechanisme}_signaal"] = sig
            record[f"{mechanisme}_toelichting"] = "" if np.isnan(s) else f"toelichting {mechanisme}"
        records.append(record)
    frame = pd.DataFrame(records)
    frame["risico_klasse"] = pd.array(frame["risico_klasse"], dtype="Int64")
    return frame


def inwoners():
    return pd.Series({"BU00010101": 1200, "BU00010202": 850, "BU00010103": 2000, "BU00010104": 3000})


def maak(buurt=None, **anders):
    """The report of the hand-made profile (or ``buurt``) with its residents and wijk names, unless given."""
    args = {"inwoners": inwoners(), "wijknamen": WIJKNAMEN, **anders}
    return rapport_inhoud(profiel() if buurt is None else buurt, **args)


def methode(inhoud, kop):
    return dict(inhoud.methode)[kop]


def diepte(tekst):
    """The deepest nesting of round brackets in a text."""
    diep = hoogste = 0
    for teken in tekst:
        diep += (teken == "(") - (teken == ")")
        hoogste = max(hoogste, diep)
    return hoogste


# --------------------------------------------------------------------------- summary


def test_the_summary_a_council_member_reads():
    r = maak()
    assert (r.gemeente, r.jaar, r.titel) == ("Voorbeeldstad", 2024, "Vroegsignalering leefbaarheid Voorbeeldstad 2024")
    assert r.samenvatting == [
        # the residents of Akker, Beemd and Dijk; Esch's 3.000 do not count (no elevated risk)
        f"{KERN} In deze 3 buurten wonen samen 4.050 mensen, van wie 1.200 in de buurt met een sterk verhoogd risico. "
        f"{ONBEKEND}",
        ZWAK,
        WIJKEN,
        # most frequent first; ontwikkeling and omslagzone tie at 2 and keep the mechanisms' order
        FACTOREN,
    ]
    assert not r.gesimuleerd


def test_residents_unknown_or_secret_are_said_so_and_not_counted():
    r = maak(inwoners=pd.Series({"bu00010101 ": 1200, "BU00010103": -99997}))  # codes normalised; CBS secrecy code
    assert r.samenvatting[0].startswith(KERN + " In 1 van deze buurten wonen samen 1.200 mensen, van wie 1.200 in de "
                                        "buurt met een sterk verhoogd risico; van 2 buurten is het aantal inwoners "
                                        "niet bekend.")
    zonder = maak(inwoners=None)
    assert zonder.samenvatting[0] == f"{KERN} {ONBEKEND}"


def test_wijk_codes_without_names_and_without_a_wijk_column():
    r = maak(wijknamen=None, buurt=profiel().drop(columns="wijkcode"))  # wijk taken from the buurt code
    assert r.samenvatting[2] == ("De 3 buurten met een verhoogd of sterk verhoogd risico liggen in 2 wijken: "
                                 "2 in WK000101 en 1 in WK000102.")
    assert [rij[1] for rij in r.tabel] == ["WK000101", "WK000102", "WK000101"]


def test_one_wijk_and_one_buurt():
    buurt = profiel()
    buurt.loc[buurt["naam"] == "Beemd", "risico_klasse"] = 0
    r = maak(buurt=buurt)
    assert r.samenvatting[2] == "Alle 2 buurten met een verhoogd of sterk verhoogd risico liggen in de wijk Noord."
    buurt.loc[buurt["naam"] == "Dijk", "risico_klasse"] = 0
    r = maak(buurt=buurt)
    assert r.samenvatting[0].startswith(
        "Van de 6 buurten in Voorbeeldstad die in 2024 nog 'voldoende' of beter scoren op de Leefbaarometer, heeft er "
        "1 een sterk verhoogd risico om te zakken naar 'zwak' of lager; geen enkele buurt heeft alleen een verhoogd "
        "risico. In deze buurt wonen 1.200 mensen.")
    assert r.samenvatting[2:] == ["Deze buurt ligt in de wijk Noord.",
                                  "De risicofactoren van deze buurt zijn dalende score, dicht bij de omslag, zwakke "
                                  "omgeving en conjunctuurgevoelig."]


def test_nothing_at_elevated_risk_is_said_plainly():
    buurt = profiel()
    buurt.loc[buurt["risico_klasse"].fillna(0) > 0, "risico_klasse"] = 0
    r = maak(buurt=buurt)
    assert r.samenvatting == [
        "Van de 6 buurten in Voorbeeldstad die in 2024 nog 'voldoende' of beter scoren op de Leefbaarometer, heeft "
        f"geen enkele een verhoogd of sterk verhoogd risico om te zakken naar 'zwak' of lager. {ONBEKEND}",
        ZWAK,
    ]
    assert (r.tabel, r.buurten, r.tabel_kop) == ([], [], KOP_NL)


def test_no_weak_buurten_and_buurten_without_a_score():
    buurt = profiel()
    buurt.loc[buurt["naam"] == "Kamp", "klasse"] = None  # no score in 2024, outside the target group
    buurt.loc[buurt["naam"] == "Laan", ["klasse", "doelgroep"]] = (5, 1)
    buurt.loc[buurt["naam"] == "Laan", "risico_klasse"] = 0
    r = maak(buurt=buurt)
    assert r.samenvatting[0].startswith("Van de 7 buurten in Voorbeeldstad")
    assert r.samenvatting[1] == ("Geen enkele buurt in Voorbeeldstad scoort in 2024 'zwak' of lager. Van 1 buurt is er "
                                 "geen Leefbaarometer-score over 2024; die telt niet mee.")


def test_the_100_m_sub_areas():
    grid = pd.DataFrame({"code": [f"E{i}N1" for i in range(10)], "buurtcode": "BU00010101",
                         "doelgroep": [1, 1, 1, 1, 1, 1, 1, 1, 0, 0],
                         "risico_klasse": pd.array([2, 1, 1, 0, 0, 0, 0, None, None, None], dtype="Int64")})
    r = maak(grid=grid)
    # 8 target cells, 7 with a known class, 3 of them elevated (3 / 7 = 43 %), 1 'sterk verhoogd', 1 unknown
    assert ("Van de 7 deelgebieden van 100 m in Voorbeeldstad die in 2024 nog 'voldoende' of beter scoren en waarvan "
            "het risico bekend is, hebben er 3 een verhoogd of sterk verhoogd risico: 43 %. Daarvan heeft er 1 een "
            "sterk verhoogd risico. Van nog 1 is het risico onbekend.") in r.samenvatting
    assert "Hetzelfde gebeurt voor elk deelgebied van 100 bij 100 meter." in methode(r, "Wat de analyse doet")
    assert "Hetzelfde gebeurt" not in methode(maak(), "Wat de analyse doet")


def test_buurten_with_many_elevated_sub_areas_are_named():
    buurt = profiel().assign(aandeel_cellen_verhoogd=[0.5, 0.0, 0.1, 0.3, 0.25, 0.9, 0.8, NA])
    # Esch (0,30) and Gaarde (0,25, on the threshold) have class 0 of their own; Hof is unknown, Kamp not in the
    # target group, Akker already elevated: they are not named
    assert ("Nog 2 buurten hebben zelf geen verhoogd risico, maar wel in minstens 25 % van hun deelgebieden van "
            "100 m: Esch en Gaarde.") in maak(buurt=buurt).samenvatting
    hoger = maak(buurt=buurt, instellingen="profiel.potentieel_kwetsbaar = 0,3")
    assert ("Nog 1 buurt heeft zelf geen verhoogd risico, maar wel in minstens 30 % van haar deelgebieden van "
            "100 m: Esch.") in hoger.samenvatting


def test_simulated_data_are_stated():
    r = maak(gesimuleerd=True)
    waarschuwing = ("Let op: de geschiedenis in deze gegevens is gesimuleerd; dit is een voorbeeld. De uitkomsten "
                    "zeggen daarom niets over de werkelijke buurten, en de cijfers van de terugblik zijn geen bewijs "
                    "dat de methode werkt.")
    assert r.gesimuleerd and r.samenvatting[-1] == waarschuwing
    assert methode(r, "Gesimuleerde gegevens").startswith("De geschiedenis in deze gegevens is gesimuleerd")
    assert "Gesimuleerde gegevens" not in dict(maak().methode)


# --------------------------------------------------------------------------- table


def test_the_table_riskiest_first_with_its_cells():
    r = maak()
    assert r.tabel_kop == KOP_NL
    assert r.tabel == [
        # class first: Akker's 'sterk verhoogd' before the higher scores of 'verhoogd'; Beemd and Dijk tie at 0,60
        # and go by name. Factors: the signalling mechanisms by score, up to three (Akker's conjunctuur is fourth)
        ["Akker", "Noord", "5 voldoende", "sterk verhoogd", "0,55", "4 van 4",
         "dalende score, dicht bij de omslag, zwakke omgeving"],
        # omslagzone and uitstraling tie at 0,7: the mechanisms' order; ontwikkeling 0,4 does not signal
        ["Beemd", "WK000102", "6 ruim voldoende", "verhoogd", "0,60", "2 van 4", "dicht bij de omslag, zwakke omgeving"],
        ["Dijk", "Noord", "5 voldoende", "verhoogd", "0,60", "2 van 4", "zwakke omgeving, dalende score"],
    ]
    assert r.buurten == ["BU00010101", "BU00010202", "BU00010103"]


def test_weights_order_the_factors_as_the_profile_does():
    r = maak(regels=ProfielRegels(gewichten={"ontwikkeling": 2}))
    assert r.tabel[2][-1] == "dalende score, zwakke omgeving"  # Dijk: 2 × 0,6 = 1,2 before 0,9
    assert methode(r, "Gewichten en risicoklassen").startswith(
        "De mechanismen wegen verschillend in de risicoscore, een gewicht van 2 telt twee keer zo zwaar als 1: "
        "dalende score 2, dicht bij de omslag 1, zwakke omgeving 1 en conjunctuurgevoelig 1.")


# --------------------------------------------------------------------------- method


def test_the_mechanisms_with_their_default_thresholds():
    regels = methode(maak(), "De risicomechanismen").split("\n")
    assert len(regels) == len(MECHANISMEN)
    assert regels[0] == ("Dalende score: signaal als de score in 6 jaar minstens 0,0392 achterbleef bij het gemiddelde "
                         "van de gemeente (een halve klassestap).")
    assert regels[1] == ("Dicht bij de omslag: signaal als de score hooguit 0,0392 boven de ondergrens van 'voldoende' "
                         "ligt (een halve klassestap), of hooguit 2 keer de gewone schommeling tussen twee metingen, "
                         "2 jaar uit elkaar.")
    # not in the profile: not computed (zwakkedeelgebieden needs the grid, sloopelders demolition data, ...)
    assert regels[2] == "Zwakke deelgebieden: niet berekend, de gegevens ontbraken."
    assert regels[4] == ("Zwakke omgeving: signaal als minstens 25 % van de omgeving 'zwak' of lager is of in 6 jaar "
                         "een halve klassestap daalde; de omgeving van een buurt zijn de aangrenzende buurten.")
    assert regels[5] == ("Conjunctuurgevoelig: signaal als de score in de crisis 2008-2012 minstens 0,0392 meer daalde "
                         "dan het gemiddelde van de hele analyse, of als armoede en corporatiebezit samen een "
                         "gemiddelde rang van 0,8 of hoger hebben, waarbij 0 de laagste en 1 de hoogste van de analyse "
                         "is.")
    assert regels[8] == "Sloop elders: niet berekend, de gegevens ontbraken."


def test_thresholds_from_the_settings_and_a_switched_off_mechanism():
    instellingen = ("ontwikkeling.drempel = 0,05\nontwikkeling.periode = 8\nontwikkeling.referentie = alle\n"
                    "uitstraling.aan = nee\n")
    r = maak(instellingen=instellingen)
    regels = methode(r, "De risicomechanismen").split("\n")
    assert regels[0] == ("Dalende score: signaal als de score in 8 jaar minstens 0,05 achterbleef bij het gemiddelde "
                         "van de hele analyse.")  # not half a class step: no such remark
    assert regels[4] == "Zwakke omgeving: staat uit en telt niet mee."
    # switched off: gone from the factors (Beemd keeps only omslagzone, Dijk only ontwikkeling) and their counts
    assert [rij[-1] for rij in r.tabel] == ["dalende score, dicht bij de omslag, conjunctuurgevoelig",
                                            "dicht bij de omslag", "dalende score"]
    assert r.samenvatting[3] == ("De risicofactoren die in deze buurten het vaakst voorkomen, zijn dalende score bij "
                                 "2 van de 3 buurten, dicht bij de omslag bij 2 van de 3 buurten en conjunctuurgevoelig "
                                 "bij 1 van de 3 buurten.")
    assert methode(r, "Gewichten en risicoklassen").startswith(
        "Alle 3 mechanismen die meedoen, wegen even zwaar in de risicoscore.")


def test_a_weight_of_zero_switches_off_too():
    r = maak(regels=ProfielRegels(gewichten={"conjunctuur": 0}))
    assert "Conjunctuurgevoelig: staat uit en telt niet mee." in methode(r, "De risicomechanismen").split("\n")
    assert r.tabel[0][-1] == "dalende score, dicht bij de omslag, zwakke omgeving"
    assert "conjunctuurgevoelig" not in r.samenvatting[3]


def test_mechanism_settings_read_in_plain_words():
    buurt = profiel()
    for naam in ("doorstroom", "nieuwbouwelders", "sloopelders", "concurrentiepositie", "dimensies"):
        buurt[f"{naam}_score"], buurt[f"{naam}_signaal"] = 0.1, 0
    instellingen = ("doorstroom.grens_woz = 250\nnieuwbouwelders.referentie = gemeente\nnieuwbouwelders.straal = 7500\n"
                    "sloopelders.weging = gelijk\nconcurrentiepositie.drempel_woz = 0,75\n"
                    "dimensies.dimensies = onv, soc, won")
    regels = methode(maak(buurt=buurt, instellingen=instellingen), "De risicomechanismen").split("\n")
    assert regels[3] == ("Zwakke dimensie: signaal als de dimensie 'overlast en onveiligheid', 'sociale samenhang' of "
                         "'woningvoorraad' in klasse 3 of lager staat, of in 6 jaar minstens 0,0784 daalde (een hele "
                         "klassestap), terwijl het totaal nog 'voldoende' of beter is.")
    assert regels[6] == ("Vrijkomende woningen: signaal als het aandeel ouderen bij de hoogste 25 % van de gemeente hoort "
                         "en de WOZ-waarde hooguit € 250.000 is of het inkomen niet boven de mediaan van de gemeente "
                         "ligt.")
    assert regels[7] == ("Nieuwbouw elders: signaal als binnen 7,5 km in tien jaar minstens 4 procentpunt sneller is "
                         "gebouwd dan het tempo van de gemeente en de buurt zelf hooguit 5 % nieuwbouw heeft; nieuwbouw "
                         "dichtbij telt zwaarder, en buurten met minder dan 100 woningen worden niet beoordeeld.")
    assert regels[8] == ("Sloop elders: signaal als binnen 5 km in 6 jaar minstens 50 woningen zijn gesloopt en de "
                         "WOZ-waarde van de buurt niet boven de mediaan van de gemeente ligt.")
    assert regels[9] == ("Zwakke concurrentiepositie: signaal als de woningvoorraad minstens 0,0392 (een halve "
                         "klassestap) lager scoort dan in de buurten binnen 5 km, of als de WOZ-waarde hooguit 75 % is "
                         "van die in de omgeving.")


def test_an_own_indicator_takes_part():
    buurt = profiel().assign(overlast_score=0.6, overlast_signaal=1, overlast_toelichting="veel meldingen")
    instellingen = ("eigen.overlast.veld = meldingen\neigen.overlast.drempel = 10\n"
                    "eigen.overlast.omschrijving = meldingen overlast\neigen.leegstand.veld = leeg\n"
                    "eigen.leegstand.richting = laag")
    regels = methode(maak(buurt=buurt, instellingen=instellingen), "De risicomechanismen").split("\n")
    assert regels[len(MECHANISMEN):] == [
        "Overlast: eigen gegevens van de gemeente (meldingen overlast); signaal als de waarde minstens 10 is.",
        "Leegstand: eigen gegevens van de gemeente (veld leeg); signaal als de waarde onder het 20e percentiel van "
        "de hele analyse ligt.",
    ]
    zonder = methode(maak(buurt=buurt), "De risicomechanismen").split("\n")
    assert zonder[-1] == "Overlast: eigen gegevens van de gemeente, met een eigen drempel."


def test_the_class_rules_in_effect():
    standaard = methode(maak(), "Gewichten en risicoklassen")
    assert standaard == (
        "Alle 4 mechanismen die meedoen, wegen even zwaar in de risicoscore. De risicoklasse volgt uit de rangorde: "
        "van de buurten in de doelgroep krijgt de 2 % met de hoogste risicoscore 'sterk verhoogd risico' en de "
        "volgende, tot samen 8 %, 'verhoogd risico', naar boven afgerond op hele buurten; de rest krijgt 'geen "
        "verhoogd risico'. Die aandelen gelden voor alle buurten in de analyse samen en bij gelijke scores op de grens "
        "tellen ze allemaal mee; de deelgebieden van 100 m worden apart zo ingedeeld. De klassen zeggen dus welke "
        "buurten het meeste risico lopen, niet hoe groot dat risico in absolute zin is. Een buurt waarvan minder dan "
        "3 mechanismen bekend zijn, krijgt geen klasse: haar risico is onbekend.")
    aandelen = methode(maak(instellingen="profiel.aandeel_sterk = 0,025; profiel.aandeel_verhoogd = 0,1"),
                       "Gewichten en risicoklassen")
    assert "krijgt de 2,5 % met de hoogste risicoscore 'sterk verhoogd risico' en de volgende, tot samen 10 %," in aandelen
    score = methode(maak(instellingen="profiel.regel = score\nprofiel.score_sterk = 0,6\nprofiel.min_mechanismen = 4"),
                    "Gewichten en risicoklassen")
    assert score.endswith(
        "Risicoklasse: 'sterk verhoogd risico' vanaf een risicoscore van 0,6, 'verhoogd risico' vanaf 0,4; bij 0,5 "
        "staan de bekende mechanismen gemiddeld precies op hun drempel. Een buurt waarvan minder dan 4 mechanismen "
        "bekend zijn, krijgt geen klasse: haar risico is onbekend.")
    signalen = methode(maak(regels=ProfielRegels(regel="signalen")), "Gewichten en risicoklassen")
    assert ("Risicoklasse: 'verhoogd risico' vanaf 2 en 'sterk verhoogd risico' vanaf 4 signalen van de 10 "
            "mechanismen, naar verhouding van het aantal mechanismen dat voor een buurt bekend is en naar boven "
            "afgerond.") in signalen


# --------------------------------------------------------------------------- backtest


def backtest_tabel():
    """40 buurten: 'verhoogd' 7 (3 fell), 'sterk verhoogd' 2 (both fell), class 0 31 (1 fell): 6 of 40 fell.

    'verhoogd' or higher: 5 of 9 fell (56 %), lift (5 / 9) / (6 / 40) = 3,7, recall 5 / 6 = 83 %;
    'sterk verhoogd': 2 of 2 (100 %), lift 1 / 0,15 = 6,7, recall 2 / 6 = 33 %.
    """
    klasse = np.array([1] * 7 + [2] * 2 + [0] * 31, dtype=float)
    uitkomst = np.array([1, 1, 1, 0, 0, 0, 0] + [1, 1] + [1] + [0] * 30, dtype=float)
    profiel_rij = evaluate("risicoprofiel", klasse, klasse, uitkomst, bootstrap=0)
    profiel_rij.update(auc=0.8123, auc_laag=0.70, auc_hoog=0.91, lift_verhoogd_laag=2.5, lift_verhoogd_hoog=7.3)
    grid_rij = {"naam": "risicoprofiel", "niveau": "grid", "n": 2000, "n_positief": 100, "basisratio": 0.05,
                "auc": 0.9, "n_1": 150, "precision_1": 0.2, "n_2": 50, "precision_2": 0.4, "recall_1": 0.5,
                "recall_2": 0.2, "lift_verhoogd": 5.0, "lift_sterk": 8.0}
    mechanisme = evaluate("ontwikkeling", klasse, None, uitkomst, signaal=klasse >= 1, bootstrap=0)
    tabel = pd.DataFrame([grid_rij, mechanisme, {**profiel_rij, "niveau": "buurt"}])
    tabel.insert(1, "analysejaar", 2016)
    tabel.insert(2, "uitkomstjaar", 2024)
    return tabel


def test_the_backtest_in_plain_sentences():
    r = maak(backtest=backtest_tabel())
    koppen = [kop for kop, _ in r.methode]
    assert koppen == ["Wat de analyse doet", "De risicomechanismen", "Gewichten en risicoklassen",
                      "Terugblik op de buurten, 2016 → 2024", "Terugblik op de deelgebieden van 100 m, 2016 → 2024"]
    assert methode(r, "Terugblik op de buurten, 2016 → 2024") == (
        "De analyse is overgedaan alsof het 2016 was, met alleen de gegevens tot en met 2016, en vergeleken met wat er "
        "tot 2024 werkelijk gebeurde. "
        "Van de 40 buurten die in 2016 'voldoende' of beter scoorden, zakten er 6 naar 'zwak' of lager: 15 %, het "
        "gemiddelde (de basisratio). "
        "De kans dat een buurt die zakte een hogere risicoscore had dan een buurt die niet zakte, is 0,81 (de AUC, "
        "95 %-interval 0,70 tot 0,91; 0,5 is toeval, 1 is perfect). "
        "Van de 9 buurten die in 2016 een verhoogd of sterk verhoogd risico hadden, zakten er 5 werkelijk naar 'zwak' "
        "of lager: 56 % (de precisie). Dat is 3,7 keer zo vaak als gemiddeld (de lift, 95 %-interval 2,5 tot 7,3). Van alle buurten "
        "die zakten, had 83 % vooraf een verhoogd of sterk verhoogd risico (de recall). "
        "Van de 2 buurten die in 2016 een sterk verhoogd risico hadden, zakten er 2 werkelijk naar 'zwak' of lager: "
        "100 % (de precisie). Dat is 6,7 keer zo vaak als gemiddeld (de lift). Van alle buurten die zakten, had 33 % vooraf een "
        "sterk verhoogd risico (de recall). "
        "Omdat maar 6 buurten zakten, zijn deze cijfers zeer onzeker.")
    grid = methode(r, "Terugblik op de deelgebieden van 100 m, 2016 → 2024")
    # 150 × 0,2 + 50 × 0,4 = 50 of 200 flagged sub-areas fell; 100 decliners: no warning
    assert ("Van de 2.000 deelgebieden die in 2016 'voldoende' of beter scoorden, zakten er 100 naar 'zwak' of lager: "
            "5 %, het gemiddelde (de basisratio).") in grid
    assert ("Van de 200 deelgebieden die in 2016 een verhoogd of sterk verhoogd risico hadden, zakten er 50 "
            "werkelijk naar 'zwak' of lager: 25 % (de precisie). Dat is 5,0 keer zo vaak als gemiddeld (de lift).") in grid
    assert "onzeker" not in grid


def test_the_backtest_under_the_class_rule_and_without_a_backtest():
    tabel = backtest_tabel().assign(regel="klasse")
    tekst = methode(maak(backtest=tabel), "Terugblik op de buurten, 2016 → 2024")
    assert "zakten er 6 minstens één klasse: 15 %" in tekst
    zonder = maak()
    assert methode(zonder, "Terugblik") == (
        "Er is geen terugblik (backtest) meegegeven: hoe goed de risicoklassen achteruitgang voorspellen, is voor dit "
        "rapport niet getoetst.")


# --------------------------------------------------------------------------- language, format, errors


def test_english_headings_table_and_numbers():
    r = maak(taal="en", backtest=backtest_tabel())
    assert r.titel == "Early warning of liveability decline Voorbeeldstad 2024"
    assert r.tabel_kop == ["Buurt", "Wijk", "Leefbaarometer", "Risk", "Risk score", "Signals", "Main factors"]
    assert [kop for kop, _ in r.methode] == [
        "What the analysis does", "The risk mechanisms", "Weights and risk classes",
        "Looking back: the buurten, 2016 → 2024", "Looking back: the 100 m sub-areas, 2016 → 2024"]
    assert r.samenvatting[0].startswith(
        "Of the 6 buurten in Voorbeeldstad that still score 'voldoende' or better on the Leefbaarometer in 2024, 1 has "
        "a strongly elevated risk ('sterk verhoogd') and 2 an elevated risk ('verhoogd') of sliding to 'zwak' or "
        "lower. 4,050 people live in these 3 buurten, 1,200 of them in the buurt with a strongly elevated risk.")
    assert r.tabel[0] == ["Akker", "Noord", "5 voldoende", "sterk verhoogd", "0.55", "4 of 4",
                          "declining score, close to the tipping point, weak surroundings"]
    assert methode(r, "The risk mechanisms").startswith(
        "Declining score: signal when the score fell behind the gemeente's average by at least 0.0392 (half a class "
        "step) over 6 years.")
    assert "That is 3.7 times as often as average (the lift, 95% interval 2.5 to 7.3)." in methode(
        r, "Looking back: the buurten, 2016 → 2024")


def test_every_mechanism_has_an_english_label():
    """One set of English labels (the register's) for the layer aliases, the backtest page and this report."""
    assert set(LABELS_EN) == set(LABELS) == set(MECHANISMEN)


def test_a_given_title_gemeenten_and_errors():
    buurt = profiel()
    buurt.loc[buurt["naam"].isin(["Kamp", "Laan"]), "gemeente"] = "Anderstad"
    r = maak(buurt=buurt, titel="Raadsinformatie leefbaarheid")
    assert (r.titel, r.gemeente) == ("Raadsinformatie leefbaarheid", "Anderstad en Voorbeeldstad")
    assert r.samenvatting[0].startswith("Van de 6 buurten in Anderstad en Voorbeeldstad die in 2024")
    with pytest.raises(InputError, match="'nl' or 'en'"):
        maak(taal="de")
    with pytest.raises(InputError, match="did you mean 'ontwikkeling'"):
        maak(instellingen="ontwikeling.drempel = 0,05")
    with pytest.raises(InputError, match="analysis year"):
        maak(buurt=profiel().drop(columns="jaar"))


def test_no_nested_brackets_and_no_abbreviations():
    grid = pd.DataFrame({"doelgroep": [1, 1], "risico_klasse": pd.array([1, 0], dtype="Int64")})
    r = maak(grid=grid, backtest=backtest_tabel(), gesimuleerd=True)
    teksten = r.samenvatting + [t for paar in r.methode for t in paar] + [c for rij in r.tabel for c in rij]
    assert max(map(diepte, teksten)) == 1
    assert not [t for t in r.samenvatting if AFKORTINGEN.search(t)]


# --------------------------------------------------------------------------- on the sample


@pytest.fixture(scope="module")
def uitkomst():
    units, sloop = sample_eenheden(2024)
    return analyse(units.buurten, units.cellen, 2024, sloop=sloop)


def test_the_sample_report(uitkomst):
    buurt, grid = uitkomst.frames["buurt"], uitkomst.frames["grid"]
    r = rapport_inhoud(buurt, grid=grid, gesimuleerd=True)
    doel = buurt["doelgroep"].astype(bool)
    klasse = buurt["risico_klasse"]
    sterk, verhoogd = int((doel & (klasse == 2)).sum()), int((doel & (klasse == 1)).sum())
    assert sterk and verhoogd
    assert r.samenvatting[0].startswith(
        f"Van de {int(doel.sum())} buurten in Lelystad die in 2024 nog 'voldoende' of beter scoren op de "
        f"Leefbaarometer, hebben er {sterk} een sterk verhoogd risico en {verhoogd} een verhoogd risico")
    verwacht = buurt[doel & (klasse >= 1)].sort_values(["risico_klasse", "risico_score", "naam"],
                                                       ascending=[False, False, True])
    assert r.buurten == verwacht["code"].tolist()
    assert [rij[0] for rij in r.tabel] == verwacht["naam"].tolist()
    # the table's factors are the profile's own leading factors (equal weights: the highest scores)
    assert [rij[-1] for rij in r.tabel] == [
        ", ".join(deel.split(" (", 1)[0] for deel in factoren.split("; ")) for factoren in verwacht["factoren"]]
    assert all(len(rij) == len(r.tabel_kop) for rij in r.tabel)
    assert max(map(diepte, r.samenvatting + [t for _, t in r.methode])) <= 1
    assert not [t for t in r.samenvatting if AFKORTINGEN.search(t)]


def test_pages_for_the_riskiest_only_when_there_are_too_many():
    r = maak(max_paginas=2)
    assert r.buurten == ["BU00010101", "BU00010202"]  # Akker, then Beemd (before Dijk by name)
    assert len(r.tabel) == 3  # the table lists them all
    assert r.samenvatting[-1] == ("Dit rapport heeft een eigen pagina voor de 2 buurten met het hoogste risico; de "
                                  "tabel noemt alle 3 buurten met een verhoogd risico.")
    geen = maak(max_paginas=0, taal="en")
    assert geen.buurten == [] and geen.samenvatting[-1] == (
        "This report has no pages per buurt; the table lists all 3 buurten at elevated risk.")
    # enough pages: nothing cut, nothing said
    for genoeg in (3, None):
        r = maak(max_paginas=genoeg)
        assert len(r.buurten) == 3 and not any("eigen pagina" in a for a in r.samenvatting)
