"""A buurt's summary: the sentences and numbers a user checks, plain text and HTML, and the sample's explanations."""

import base64
import re
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.analyse import analyse
from vroegsignalering.core.classes import klasse, load_klassegrenzen
from vroegsignalering.core.mechanisms.register import label
from vroegsignalering.core.profile import ProfielRegels, mechanism_columns
from vroegsignalering.core.samenvatting import buurt_samenvatting
from vroegsignalering.tests.unit.mech_helpers import sample_eenheden

GRENZEN = load_klassegrenzen()
SVG = "{http://www.w3.org/2000/svg}"
AFKORTINGEN = re.compile(r"\b(?:onv|soc|won|fys|vrz|afw)\b")
OMSLAG = "Score 0,04 boven de grens van voldoende, 1,2 keer de gewone schommeling tussen twee metingen"
DALING = "Score 0,06 gedaald sinds 2018, gemeente gemiddeld +0,01"
MELDINGEN = "Meldingen overlast 12,00 tegen een mediaan van 4,00 in de gemeente, te hoog, voorbij de drempel 10,00"


def rij(**anders):
    values = {
        "code": "BU00010001", "naam": "Voorbeeldbuurt", "gemeente": "Voorbeeldstad", "jaar": 2024, "afw": -0.12,
        "klasse": 5, "doelgroep": True, "n_signalen": 3, "n_mechanismen": 4, "risico_score": 0.55,
        "risico_klasse": 1, "risico_label": "verhoogd risico",
        "factoren": f"dicht bij de omslag ({OMSLAG}); dalende score ({DALING}); overlast ({MELDINGEN})",
        "potentieel_kwetsbaar": 1, "aandeel_cellen_verhoogd": 0.25,
        "ontwikkeling_score": 0.7, "ontwikkeling_signaal": 1, "ontwikkeling_toelichting": DALING,
        "ontwikkeling_referentie": 0.01,
        "omslagzone_score": 0.9, "omslagzone_signaal": 1, "omslagzone_toelichting": OMSLAG,
        "omslagzone_referentie": -0.16405,
        "dimensies_score": 0.2, "dimensies_signaal": 0, "dimensies_referentie": -0.0784,
        "dimensies_toelichting": "Geen zwakke dimensie, de zwakste is sociale samenhang met -0,02, totaal klasse 5",
        "sloopelders_score": np.nan, "sloopelders_signaal": pd.NA, "sloopelders_referentie": np.nan,
        "sloopelders_toelichting": "Niet gemeten in of vóór 2018",
        "overlast_score": 0.6, "overlast_signaal": 1, "overlast_toelichting": MELDINGEN, "overlast_referentie": 4.0,
    }
    values.update(anders)
    return pd.Series(values, dtype=object)


CELLEN = pd.DataFrame({"code": [f"E{i}" for i in range(6)], "buurtcode": "BU00010001",
                       "doelgroep": [True, True, True, False, True, True],
                       "risico_klasse": pd.array([2, 0, pd.NA, pd.NA, 1, 0], dtype="Int64")})
GESCHIEDENIS = {2024: -0.12, 2016: -0.10, 2018: -0.12, 2020: None, 2022: -0.11}


def test_the_lines_a_user_reads():
    s = buurt_samenvatting(rij(), cellen=CELLEN, geschiedenis=GESCHIEDENIS, wijknaam="Oost",
                           interpretatie="Bekend bij het wijkteam: leegstand in de winkelstrip.")
    assert s.titel == "Voorbeeldbuurt (BU00010001)"
    assert s.regels == [
        "Gemeente Voorbeeldstad, wijk Oost",
        "Leefbaarometer 2024: klasse 5 voldoende, score -0,12",
        "Risico: verhoogd risico",
        "Risicoscore: 0,55 op een schaal van 0 tot 1",
        "3 van de 4 bekende mechanismen geven een signaal",
        # the signalling mechanisms, highest score first; an own indicator by its name
        f"dicht bij de omslag: {OMSLAG}",
        f"dalende score: {DALING}",
        f"overlast: {MELDINGEN}",
        "Belangrijkste factoren: dicht bij de omslag, dalende score en overlast",
        # target cells with a known class: 2, 0, 1, 0 -> 2 of 4 elevated (the cell outside the target group and
        # the one without a class do not count)
        "2 van de 4 deelgebieden van 100 m in de doelgroep hebben een verhoogd risico (50 %)",
        "Lokale interpretatie: Bekend bij het wijkteam: leegstand in de winkelstrip.",
        "Score per meetjaar: 2016: -0,10, 2018: -0,12, 2022: -0,11, 2024: -0,12",
    ]
    assert s.tekst == "\n".join([s.titel, *s.regels])
    assert "dimensies" not in s.tekst and "zwakke dimensie" not in s.tekst  # no signal, no line


def test_html_is_escaped_and_holds_the_chart():
    s = buurt_samenvatting(rij(naam="Kerk & <Plein>"), geschiedenis=GESCHIEDENIS,
                           interpretatie="Melding <b>overlast</b> & zorgen\nTweede regel")
    assert "<h3>Kerk &amp; &lt;Plein&gt; (BU00010001)</h3>" in s.html
    assert "Melding &lt;b&gt;overlast&lt;/b&gt; &amp; zorgen<br>Tweede regel" in s.html
    assert "<b>dicht bij de omslag:</b> Score 0,04 boven de grens van voldoende" in s.html
    assert "<b>Leefbaarometer 2024:</b> klasse 5 voldoende, score -0,12" in s.html
    assert "<script" not in s.html
    # the chart is an embedded SVG image (a QTextBrowser draws no <svg> element), the years only in the text
    found = re.search(r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)" width="360" height="160"', s.html)
    assert found and base64.b64decode(found.group(1)).decode("utf-8") == s.svg
    assert ET.fromstring(s.svg).tag == f"{SVG}svg"
    assert "Score per meetjaar" in s.tekst and "Score per meetjaar" not in s.html
    # without a cell frame, the row's own share of elevated cells
    assert "25 % van de deelgebieden van 100 m in de doelgroep heeft een verhoogd risico" in s.regels


@pytest.mark.parametrize("anders, regel", [
    ({"risico_label": "onbekend", "risico_klasse": pd.NA}, "Risico: onbekend: te weinig gegevens"),
    ({"risico_label": "al zwak of lager", "klasse": 4, "afw": -0.2}, "Risico: al zwak of lager"),
    ({"risico_label": np.nan, "risico_klasse": 2}, "Risico: sterk verhoogd risico"),
    ({"risico_score": np.nan}, "Risicoscore: onbekend"),
    ({"klasse": pd.NA, "afw": 0.05}, "Leefbaarometer 2024: klasse 7 goed, score +0,05"),
    ({"klasse": pd.NA, "afw": np.nan}, "Leefbaarometer 2024: geen meting"),
    ({"n_signalen": 1}, "1 van de 4 bekende mechanismen geeft een signaal"),
    ({"n_signalen": 0}, "Geen van de 4 bekende mechanismen geeft een signaal"),
    ({"n_mechanismen": 0, "n_signalen": 0}, "Geen enkel mechanisme bekend: te weinig gegevens"),
    ({"gemeente": None}, "Leefbaarometer 2024: klasse 5 voldoende, score -0,12"),
])
def test_variants(anders, regel):
    assert regel in buurt_samenvatting(rij(**anders)).regels


def test_what_is_absent_is_left_out():
    s = buurt_samenvatting(rij(gemeente=None, factoren="", aandeel_cellen_verhoogd=np.nan))
    assert s.svg is None and "<img" not in s.html
    assert not any(r.startswith(("Gemeente", "Belangrijkste", "Lokale", "Score per meetjaar")) for r in s.regels)
    assert not any("deelgebieden van 100 m in de doelgroep" in r for r in s.regels)
    # no years measured: a short chart saying so, and the text says it too
    s = buurt_samenvatting(rij(), geschiedenis={2020: None, 2024: np.nan})
    assert "geen metingen" in s.svg and s.regels[-1] == "Score per meetjaar: geen metingen"
    # the row's own afw_<jaar> columns (as analyse adds them) when no history is given
    s = buurt_samenvatting(rij(afw_2020=-0.08, afw_2024=-0.12))
    assert s.regels[-1] == "Score per meetjaar: 2020: -0,08, 2024: -0,12"
    # a signal without an explanation: its label alone
    assert "dicht bij de omslag" in buurt_samenvatting(rij(omslagzone_toelichting=np.nan)).regels
    # cells without any target cell of known class
    cellen = CELLEN.assign(doelgroep=False)
    assert "Geen deelgebieden van 100 m in de doelgroep met een bekende risicoklasse" in buurt_samenvatting(
        rij(), cellen=cellen).regels


def test_a_switched_off_mechanism_is_not_listed():
    regels = ProfielRegels(gewichten={"ontwikkeling": 0}, labels={"overlast": "veel overlast"})
    s = buurt_samenvatting(rij(n_signalen=2, n_mechanismen=3), regels=regels)
    assert "2 van de 3 bekende mechanismen geven een signaal" in s.regels
    assert not any(r.startswith("dalende score") for r in s.regels)
    assert f"veel overlast: {MELDINGEN}" in s.regels


# --------------------------------------------------------------------------- on the sample


@pytest.fixture(scope="module")
def uitkomst():
    units, sloop = sample_eenheden(2024)
    return analyse(units.buurten, units.cellen, 2024, sloop=sloop)


def diepte(tekst):
    """The deepest nesting of round brackets in a text."""
    diep = hoogste = 0
    for teken in tekst:
        diep += (teken == "(") - (teken == ")")
        hoogste = max(hoogste, diep)
    return hoogste


def test_the_riskiest_buurt_of_the_sample(uitkomst):
    buurt, grid = uitkomst.frames["buurt"], uitkomst.frames["grid"]
    row = buurt.loc[buurt["risico_score"].idxmax()]
    s = buurt_samenvatting(row, cellen=grid[grid["buurtcode"] == row["code"]], wijknaam="Haven")
    assert s.titel == f"{row['naam']} ({row['code']})"
    signalerend = [n for n in mechanism_columns(buurt) if pd.notna(row[f"{n}_signaal"]) and row[f"{n}_signaal"] == 1]
    assert len(signalerend) >= 2
    for naam in signalerend:
        assert f"{label(naam)}: {row[f'{naam}_toelichting']}" in s.regels
    assert f"{len(signalerend)} van de {row['n_mechanismen']} bekende mechanismen geven een signaal" in s.regels
    scores = [row[f"{n}_score"] for n in signalerend]
    lijnen = [next(i for i, r in enumerate(s.regels) if r.startswith(f"{label(n)}: ")) for n in signalerend]
    assert [scores[lijnen.index(i)] for i in sorted(lijnen)] == sorted(scores, reverse=True)
    html_tekst = re.sub(r'<img [^>]*>', "", s.html)
    for tekst in (s.tekst, html_tekst):
        assert diepte(tekst) <= 1
        assert not AFKORTINGEN.search(tekst), AFKORTINGEN.search(tekst)
    # the chart: valid XML, one band per class in its range, consecutive, with 'voldoende' and the buurt's classes
    root = ET.fromstring(s.svg)
    klassen = [int(r.get("data-klasse")) for r in root.iter(f"{SVG}rect") if r.get("data-klasse")]
    assert klassen == list(range(klassen[0], klassen[-1] + 1)) and 5 in klassen
    gemeten = [row[c] for c in row.index if str(c).startswith("afw_") and pd.notna(row[c])]
    assert set(klasse(pd.Series(gemeten), GRENZEN).astype(int)) <= set(klassen)
    assert len(list(root.iter(f"{SVG}circle"))) == len(gemeten)


def test_every_explanation_of_the_sample_is_plain(uitkomst):
    """No brackets, no semicolons, no Leefbaarometer abbreviations in any explanation; the factors separable."""
    for niveau, frame in uitkomst.frames.items():
        for kolom in [c for c in frame.columns if c.endswith("_toelichting")]:
            teksten = frame[kolom].dropna().astype(str)
            assert not teksten.str.contains(r"[()\[\];]").any(), (niveau, kolom)
            assert not teksten.str.contains(AFKORTINGEN).any(), (niveau, kolom)
        for factoren in frame["factoren"].dropna():
            for deel in filter(None, str(factoren).split("; ")):
                assert re.fullmatch(r"[^()]+( \([^()]+\))?", deel), deel


def test_a_printed_page_gets_the_lines_without_the_place_and_the_signals_as_a_list():
    s = buurt_samenvatting(rij(), geschiedenis=GESCHIEDENIS, wijknaam="Centrum")
    assert s.regels[0] == "Gemeente Voorbeeldstad, wijk Centrum"
    assert s.pagina_regels == s.regels[1:]
    assert "Voorbeeldstad" not in s.pagina_html and "<h3>" not in s.pagina_html and "<img" not in s.pagina_html
    assert "Score per meetjaar" not in s.pagina_html  # the page's chart shows it
    assert s.pagina_html.startswith('<p style="margin-top: 0; margin-bottom: 4px;"><b>Leefbaarometer 2024:</b>')
    assert f"<li><b>dicht bij de omslag:</b> {OMSLAG}</li>" in s.pagina_html
    # without gemeente and wijk there is no place line: nothing else is left out
    zonder = buurt_samenvatting(rij(gemeente=None), geschiedenis=GESCHIEDENIS)
    assert zonder.pagina_regels == zonder.regels and zonder.regels[0].startswith("Leefbaarometer 2024")
