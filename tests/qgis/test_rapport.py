"""The council report on the sample: its pages, its text as pdftotext reads it, the layout kept in the project."""

import sqlite3
import subprocess
import zipfile

import pytest
from qgis.core import QgsLayoutItemLabel, QgsProject
from qgis.PyQt.QtXml import QDomDocument

VASTE_PAGINAS = 5  # title, summary, overview, method, and the first table page


@pytest.fixture(scope="module")
def profiel(module_provider, plugin_root, tmp_path_factory):
    """The complete analysis and the backtest of the sample, in one GeoPackage."""
    import processing

    sample = plugin_root / "resources" / "sample"
    gpkg = tmp_path_factory.mktemp("rapport") / "profiel.gpkg"
    invoer = {
        "SCORES": str(sample / "Leefbaarometer-scores buurten 2002-2024.csv"),
        "SCORES_GRID": str(sample / "Leefbaarometer-scores grids 2002-2024.csv"),
        "BUURTEN": str(sample / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten",
        "CONTEXT": str(sample / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"),
        "SLOOP": str(sample / "sloop_lelystad.csv"),
    }
    processing.run("vroegsignalering:vroegsignalering", {
        **invoer, "OUTPUT_BUURT": f"ogr:dbname='{gpkg}' table=\"risicoprofiel_buurt\" (geom)",
        "OUTPUT_GRID": f"ogr:dbname='{gpkg}' table=\"risicoprofiel_grid\" (geom)"})
    processing.run("vroegsignalering:backtest", {
        **invoer, "YEAR": 2016, "GESIMULEERD": True, "OUTPUT": f"ogr:dbname='{gpkg}' table=\"backtest\"",
        "OUTPUT_HTML": str(gpkg.with_suffix(".html"))})
    with sqlite3.connect(gpkg) as db:
        verhoogd = [naam for (naam,) in db.execute(
            "SELECT naam FROM risicoprofiel_buurt WHERE risico_klasse >= 1 ORDER BY risico_score DESC")]
    return {"gpkg": gpkg, "context": invoer["CONTEXT"], "verhoogd": verhoogd}


def _parameters(profiel, pdf, **extra):
    gpkg = profiel["gpkg"]
    return {
        "PROFIEL_BUURT": f"{gpkg}|layername=risicoprofiel_buurt", "PROFIEL_GRID": f"{gpkg}|layername=risicoprofiel_grid",
        "BACKTEST": f"{gpkg}|layername=backtest", "CONTEXT": profiel["context"], "GESIMULEERD": True, "TAAL": 1,
        "OUTPUT": str(pdf), **extra,
    }


def _pdftotext(pdf):
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def _pagina_tekst(pdf, pagina):
    return subprocess.run(["pdftotext", "-f", str(pagina), "-l", str(pagina), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def _woorden(pdf, pagina):
    """(word, top, bottom) of every word on a page, in reading order (pdftotext -bbox)."""
    import re

    uit = subprocess.run(["pdftotext", "-bbox", "-f", str(pagina), "-l", str(pagina), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(woord, float(boven), float(onder)) for boven, onder, woord in re.findall(
        r'<word xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)">([^<]*)</word>', uit)]


def _pdfinfo(pdf):
    regels = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    return {k.strip(): v.strip() for k, _, v in (regel.partition(":") for regel in regels)}


def test_the_report_has_a_page_per_buurt_at_elevated_risk_and_reads_as_written(run_algorithm, profiel, tmp_path):
    pdf = tmp_path / "rapport.pdf"
    results, messages = run_algorithm("rapport", _parameters(profiel, pdf))
    assert results["OUTPUT"] == str(pdf) and pdf.read_bytes()[:5] == b"%PDF-"
    verhoogd = profiel["verhoogd"]
    assert len(verhoogd) == 6  # the sample: 2 'sterk verhoogd', 4 'verhoogd'
    info = _pdfinfo(pdf)
    assert int(info["Pages"]) == VASTE_PAGINAS + len(verhoogd)  # the table of 6 rows fits on one page
    assert info["Title"] == "Vroegsignalering leefbaarheid Lelystad 2024"
    assert info["Author"] == "Vroegsignalering leefbaarheid (QGIS-plug-in)"
    assert "6 buurten at elevated risk" in messages.text()

    # page by page, in order
    assert "Let op: dit is een voorbeeld" in _pagina_tekst(pdf, 1)
    assert "Samenvatting" in _pagina_tekst(pdf, 2) and "2 een sterk verhoogd risico" in _pagina_tekst(pdf, 2)
    assert "Risico per buurt" in _pagina_tekst(pdf, 3)
    tabel = _pagina_tekst(pdf, 4)
    assert "Buurten met een verhoogd risico" in tabel and "Belangrijkste factoren" in tabel
    for nummer, naam in enumerate(verhoogd, start=5):  # one page each, in the table's order
        pagina = _pagina_tekst(pdf, nummer)
        assert naam.split(",")[0] in pagina, (nummer, naam)
        assert "Lokale duiding" in pagina
    assert "Zo is het risico bepaald" in _pagina_tekst(pdf, 5 + len(verhoogd))

    tekst = _pdftotext(pdf)
    # Dutch numbers: a decimal comma, a thousands dot; never the English forms
    assert "0,70" in tekst and "0.70" not in tekst
    assert "3.195 mensen" in tekst
    # no ligatures: 'fi' and 'fl' come out as two letters
    assert "\ufb01" not in tekst and "\ufb02" not in tekst
    assert "risicoprofiel" in tekst.replace("\n", " ")
    # the backtest figures with what they mean, and that they are no evidence here
    assert "(de precisie)" in tekst and "gesimuleerd" in tekst


def test_a_buurt_page_lists_its_signals_with_their_names_in_bold(run_algorithm, profiel, plugin_root, tmp_path):
    from qgis.core import Qgis

    project = QgsProject.instance()
    project.clear()
    pdf = tmp_path / "rapport.pdf"
    run_algorithm("rapport", _parameters(profiel, pdf, LAYOUT="Raadsrapport Lelystad"))
    layout = project.layoutManager().layoutByName("Raadsrapport Lelystad")
    teksten = [i for i in layout.items() if isinstance(i, QgsLayoutItemLabel) and i.id() == "buurt_tekst"]
    assert len(teksten) == len(profiel["verhoogd"])
    eerste = min(teksten, key=lambda item: item.page())  # the riskiest buurt: Getijdenbuurt
    assert eerste.mode() == QgsLayoutItemLabel.Mode.ModeHtml
    html = eerste.text()
    assert "<b>Risico:</b> sterk verhoogd risico" in html and "<ul " in html
    assert "<li><b>zwakke deelgebieden:</b> 67 % van 18 deelgebieden van 100 m zwak" in html
    # not what the page shows otherwise: the place (its subtitle) and the scores over the years (its chart)
    assert "Gemeente Lelystad" not in html and "Score per meetjaar" not in html
    pagina = " ".join(_pagina_tekst(pdf, VASTE_PAGINAS).split())
    assert "zwakke deelgebieden: 67 %" in pagina and "Belangrijkste factoren:" in pagina
    # on every buurt page the text ends above the heading of the local interpretation (a long text is set smaller)
    for nummer in range(VASTE_PAGINAS, VASTE_PAGINAS + len(profiel["verhoogd"])):
        woorden = _woorden(pdf, nummer)
        kop = next(w for w in woorden if w[0] == "Lokale")
        eronder = [w[0] for w in woorden if w[2] > kop[1]]  # reaching below the heading's top
        assert " ".join(eronder).startswith("Lokale duiding: wat professionals in de buurt zeggen"), (nummer, eronder)
        assert len(eronder) <= len("Lokale duiding: wat professionals in de buurt zeggen".split()) + 12, eronder
    # a copy to look at, per QGIS version (the text is drawn by WebKit on 3.22, by Qt on newer QGIS)
    kopie = plugin_root / "build" / "screenshots" / f"rapport_qgis_{Qgis.QGIS_VERSION_INT // 100}.pdf"
    kopie.parent.mkdir(parents=True, exist_ok=True)
    kopie.write_bytes(pdf.read_bytes())
    project.clear()


def test_a_long_text_gets_a_smaller_size_that_fits_its_box_and_a_short_one_keeps_the_templates():
    from qgis.core import QgsLayout, QgsLayoutPoint, QgsLayoutSize

    from vroegsignalering.compat import LAYOUT_MM
    from vroegsignalering.report.rapport import KLEINSTE_PT, _passende_grootte

    layout = QgsLayout(QgsProject.instance())
    layout.initializeDefaults()
    label = QgsLayoutItemLabel(layout)
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(10, 10, LAYOUT_MM))
    label.attemptResize(QgsLayoutSize(170, 40, LAYOUT_MM))
    zin = "<p><b>zwakke omgeving:</b> 60 % van 5 aangrenzende buurten zwak of lager tegen 16 % in de gemeente</p>"
    groottes = [_passende_grootte(label, zin * n, "Arial", 9.0) for n in (1, 4, 8, 12, 16, 100)]
    assert groottes[0] == 9.0 and groottes[-1] == KLEINSTE_PT  # never smaller than readable
    assert groottes == sorted(groottes, reverse=True) and len(set(groottes)) >= 3, groottes
    assert all((g * 2) % 1 == 0 for g in groottes)  # in half points


def test_a_report_of_many_buurten_at_risk_gets_pages_for_the_riskiest(run_algorithm, profiel, tmp_path):
    pdf = tmp_path / "rapport.pdf"
    run_algorithm("rapport", _parameters(profiel, pdf, MAX_BUURTPAGINAS=2))
    assert int(_pdfinfo(pdf)["Pages"]) == VASTE_PAGINAS + 2
    tekst = " ".join(_pdftotext(pdf).split())
    assert "een eigen pagina voor de 2 buurten met het hoogste risico; de tabel noemt alle 6" in tekst
    for naam in profiel["verhoogd"][:2]:  # the riskiest two have their page; the table has all six
        assert naam.split(",")[0] in " ".join(_pagina_tekst(pdf, 5).split() + _pagina_tekst(pdf, 6).split())
    tabel = " ".join(_pagina_tekst(pdf, 4).split())
    assert all(naam.split(",")[0] in tabel for naam in profiel["verhoogd"])


def test_the_kept_layout_reopens_and_exports_the_same_pages(run_algorithm, profiel, tmp_path):
    from vroegsignalering.report.rapport import exporteer

    project = QgsProject.instance()
    project.clear()
    pdf = tmp_path / "rapport.pdf"
    run_algorithm("rapport", _parameters(profiel, pdf, LAYOUT="Raadsrapport Lelystad"))
    layout = project.layoutManager().layoutByName("Raadsrapport Lelystad")
    assert layout is not None and layout.pageCollection().pageCount() == int(_pdfinfo(pdf)["Pages"])
    qgz = tmp_path / "project.qgz"
    assert project.write(str(qgz))
    with zipfile.ZipFile(qgz) as archive:
        assert "Raadsrapport Lelystad" in archive.read(next(n for n in archive.namelist() if n.endswith(".qgs"))).decode()
    project.clear()
    assert project.read(str(qgz))
    herladen = project.layoutManager().layoutByName("Raadsrapport Lelystad")
    assert herladen is not None
    # the method page's headings in bold: its label is HTML, also in the reopened project
    methode = next(i for i in herladen.items() if isinstance(i, QgsLayoutItemLabel) and "risicomechanismen" in i.text())
    assert methode.mode() == QgsLayoutItemLabel.Mode.ModeHtml
    assert "<b>Wat de analyse doet</b><br>" in methode.text() and "<b>De risicomechanismen</b><br>" in methode.text()
    opnieuw = exporteer(herladen, tmp_path / "opnieuw.pdf", "Vroegsignalering leefbaarheid Lelystad 2024")
    assert _pdfinfo(opnieuw)["Pages"] == _pdfinfo(pdf)["Pages"]
    for naam in profiel["verhoogd"]:
        assert naam.split(",")[0] in _pdftotext(opnieuw)
    project.clear()


def test_a_gemeente_template_with_its_own_title_is_honoured(run_algorithm, profiel, plugin_root, tmp_path):
    from vroegsignalering.report.rapport import sjabloon

    document = QDomDocument()
    assert document.setContent(sjabloon("nl").read_text(encoding="utf-8"))
    items = document.elementsByTagName("LayoutItem")
    titels = [items.at(i).toElement() for i in range(items.count()) if items.at(i).toElement().attribute("id") == "titel"]
    assert len(titels) == 1
    titels[0].setAttribute("labelText", "Gemeente [% @vs_gemeente %]: signalen [% @vs_jaar %]")
    eigen = tmp_path / "huisstijl.qpt"
    eigen.write_text(document.toString(), encoding="utf-8")
    pdf = tmp_path / "rapport.pdf"
    run_algorithm("rapport", _parameters(profiel, pdf, TEMPLATE=str(eigen)))
    assert "Gemeente Lelystad: signalen 2024" in " ".join(_pagina_tekst(pdf, 1).split())
    assert int(_pdfinfo(pdf)["Pages"]) == VASTE_PAGINAS + len(profiel["verhoogd"])


def test_a_template_without_the_report_items_is_refused_by_name(run_algorithm, profiel, tmp_path):
    from qgis.core import QgsProcessingException

    leeg = tmp_path / "leeg.qpt"
    leeg.write_text('<Layout name="leeg"><PageCollection><LayoutItem type="65638" size="210,297,mm" '
                    'position="0,0,mm" positionOnPage="0,0,mm"/></PageCollection></Layout>', encoding="utf-8")
    pdf = tmp_path / "rapport.pdf"
    with pytest.raises(QgsProcessingException, match=r"leeg\.qpt has no item with id samenvatting, "
                                                     r"overzichtskaart, buurt_kaart"):
        run_algorithm("rapport", _parameters(profiel, pdf, TEMPLATE=str(leeg)))
    assert not pdf.exists()


def test_a_layer_that_is_no_risk_profile_is_refused_by_name(run_algorithm, plugin_root, tmp_path):
    from qgis.core import QgsProcessingException

    buurten = str(plugin_root / "resources" / "sample" / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten"
    pdf = tmp_path / "rapport.pdf"
    with pytest.raises(QgsProcessingException, match="wijkbuurtkaart_2024_lelystad is no buurt risk profile: it has no field code, naam, risico_klasse"):
        run_algorithm("rapport", {"PROFIEL_BUURT": buurten, "OUTPUT": str(pdf)})
    assert not pdf.exists()


def test_report_labels_keep_no_ligatures_after_the_project_is_opened(run_algorithm, profiel, tmp_path, qgis_iface):
    """Qt does not store 'no shaping' in a project: the plugin sets it again on the report's labels."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtGui import QFont

    import vroegsignalering

    registry = QgsApplication.processingRegistry()
    if registry.providerById("vroegsignalering") is not None:  # the plugin registers its own
        registry.removeProvider(registry.providerById("vroegsignalering"))
    plugin = vroegsignalering.classFactory(qgis_iface)
    plugin.initGui()
    try:
        project = QgsProject.instance()
        project.clear()
        run_algorithm("rapport", _parameters(profiel, tmp_path / "r.pdf", LAYOUT="Raadsrapport"))
        qgz = tmp_path / "p.qgz"
        assert project.write(str(qgz))
        project.clear()
        assert project.read(str(qgz))
        labels = [i for i in project.layoutManager().layoutByName("Raadsrapport").items()
                  if isinstance(i, QgsLayoutItemLabel)]
        def font(label):  # QGIS 3.24 and later keep a label's font in its text format; font() is gone in QGIS 4
            return label.textFormat().font() if hasattr(label, "textFormat") else label.font()

        assert labels and all(font(label).styleStrategy() & QFont.StyleStrategy.PreferNoShaping for label in labels)
    finally:
        plugin.unload()
        QgsProject.instance().clear()


def test_a_long_table_runs_over_pages_and_every_buurt_gets_its_page(run_algorithm, plugin_root, tmp_path):
    """A looser class rule puts many buurten at elevated risk: the table continues on the next pages."""
    sample = plugin_root / "resources" / "sample"
    gpkg = tmp_path / "ruim.gpkg"
    instellingen = "profiel.regel = score\nprofiel.score_verhoogd = 0.1\nprofiel.score_sterk = 0.3"
    run_algorithm("vroegsignalering", {
        "SCORES": str(sample / "Leefbaarometer-scores buurten 2002-2024.csv"),
        "SCORES_GRID": str(sample / "Leefbaarometer-scores grids 2002-2024.csv"),
        "BUURTEN": str(sample / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten",
        "CONTEXT": str(sample / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"),
        "SLOOP": str(sample / "sloop_lelystad.csv"), "INSTELLINGEN": instellingen,
        "OUTPUT_BUURT": f"ogr:dbname='{gpkg}' table=\"risicoprofiel_buurt\" (geom)"})
    with sqlite3.connect(gpkg) as db:
        verhoogd = [naam for (naam,) in db.execute("SELECT naam FROM risicoprofiel_buurt WHERE risico_klasse >= 1")]
    assert len(verhoogd) > 30
    pdf = tmp_path / "rapport.pdf"
    run_algorithm("rapport", {"PROFIEL_BUURT": f"{gpkg}|layername=risicoprofiel_buurt", "TAAL": 1,
                              "INSTELLINGEN": instellingen, "OUTPUT": str(pdf)})
    paginas = int(_pdfinfo(pdf)["Pages"])
    tabel_paginas = paginas - 4 - len(verhoogd)  # title, summary, overview, method, a page per buurt
    assert tabel_paginas >= 2
    for pagina in range(4, 4 + tabel_paginas):  # the table pages follow each other, before the buurt pages
        assert "Risicoscore" in _pagina_tekst(pdf, pagina)
    tabel = " ".join(" ".join(_pagina_tekst(pdf, p).split()) for p in range(4, 4 + tabel_paginas))
    for naam in verhoogd:
        assert naam.split(",")[0] in tabel, naam
    # the method names the rule the analysis ran with
    methode = " ".join(_pagina_tekst(pdf, paginas).split())
    assert "0,1" in methode and "risicoscore" in methode.lower()


def test_without_buurten_at_elevated_risk_the_report_says_so_on_four_pages(run_algorithm, profiel, tmp_path):
    import shutil

    gpkg = tmp_path / "rustig.gpkg"
    shutil.copy(profiel["gpkg"], gpkg)
    from vroegsignalering.ui.resultaten import _geopackage_functies

    with sqlite3.connect(gpkg) as db:
        _geopackage_functies(db)  # the spatial index's triggers name them; an attribute update calls none
        db.execute("UPDATE risicoprofiel_buurt SET risico_klasse = 0, risico_label = 'geen verhoogd risico' "
                   "WHERE risico_klasse >= 1")
    pdf = tmp_path / "rapport.pdf"
    run_algorithm("rapport", {"PROFIEL_BUURT": f"{gpkg}|layername=risicoprofiel_buurt", "TAAL": 1,
                              "OUTPUT": str(pdf)})
    assert int(_pdfinfo(pdf)["Pages"]) == 4  # title, summary, overview, method: no table, no buurt pages
    samenvatting = " ".join(_pagina_tekst(pdf, 2).split())
    assert "heeft geen enkele een verhoogd of sterk verhoogd risico" in samenvatting
