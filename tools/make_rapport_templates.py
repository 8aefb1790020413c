"""Regenerate the council report's templates resources/rapport-nl.qpt and rapport-en.qpt with QGIS itself.

A template is an ordinary print layout: six A4 pages, each with items the
report finds by id (the contract in report/rapport.py and docs/rapport.md). A
gemeente can open a .qpt in QGIS's layout designer, restyle and move the
items, add its logo, and pass its own file as TEMPLATE. Run after changing a
text or a position here, and commit the .qpt files it writes:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_rapport_templates.py
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from headless import ROOT, plugin_package  # noqa: E402

BREEDTE, HOOGTE, MARGE = 210.0, 297.0, 18.0
ACCENT = "#7b1d2a"  # the report's colour: a dark red, the colour of 'sterk verhoogd'
LETTER = "Arial"  # on Debian fontconfig takes a metric-compatible font (Liberation Sans or DejaVu Sans)

TEKSTEN = {
    "nl": {
        "titel": "[% @vs_titel %]",
        "ondertitel": "Welke buurten scoren nog voldoende op de Leefbaarometer, maar lopen een verhoogd risico om af "
                      "te glijden naar zwak of lager? Waar in die buurten zit het risico, en welke factoren spelen "
                      "mee?",
        "gegevens": "[% @vs_gegevens %]",
        "colofon": "Analysejaar [% @vs_jaar %]. Gemaakt op [% @vs_datum %] met de QGIS-plug-in Vroegsignalering "
                   "leefbaarheid, versie [% @vs_versie %].",
        "bronnen": "[% @vs_bronnen %]",
        "kop_samenvatting": "Samenvatting",
        "kop_overzicht": "Risico per buurt",
        "toelichting_overzicht": "De kleur geeft het risico van een buurt die nog voldoende of beter scoort om naar "
                                 "zwak of lager te zakken. Grijs: al zwak of lager, of niet te beoordelen.",
        "legenda": "Legenda",
        "kop_tabel": "Buurten met een verhoogd risico",
        "kop_duiding": "Lokale duiding: wat professionals in de buurt zeggen",
        "kop_methode": "Zo is het risico bepaald",
        "voet": "[% @vs_titel %]   ·   pagina [% @layout_page %] van [% @layout_numpages %]",
        "buurt_sub": "[% @vs_buurt_code %]   ·   [% @vs_buurt_wijk %]   ·   [% @vs_buurt_risico %]",
        "grafiek_titel": "Leefbaarometer-score per meetjaar",
    },
    "en": {
        "titel": "[% @vs_titel %]",
        "ondertitel": "Which buurten (neighbourhoods) still score 'voldoende' (sufficient) on the Leefbaarometer but "
                      "run an elevated risk of sliding to 'zwak' (weak) or lower? Where in those buurten is the risk, "
                      "and which factors play a role?",
        "gegevens": "[% @vs_gegevens %]",
        "colofon": "Analysis year [% @vs_jaar %]. Made on [% @vs_datum %] with the QGIS plugin Vroegsignalering "
                   "leefbaarheid, version [% @vs_versie %].",
        "bronnen": "[% @vs_bronnen %]",
        "kop_samenvatting": "Summary",
        "kop_overzicht": "Risk per buurt",
        "toelichting_overzicht": "The colour gives the risk that a buurt still scoring 'voldoende' or better slides to "
                                 "'zwak' or lower. Grey: already 'zwak' or lower, or not to be judged.",
        "legenda": "Legend",
        "kop_tabel": "Buurten at elevated risk",
        "kop_duiding": "Local interpretation: what professionals in the buurt say",
        "kop_methode": "How the risk was determined",
        "voet": "[% @vs_titel %]   ·   page [% @layout_page %] of [% @layout_numpages %]",
        "buurt_sub": "[% @vs_buurt_code %]   ·   [% @vs_buurt_wijk %]   ·   [% @vs_buurt_risico %]",
        "grafiek_titel": "Leefbaarometer score per measurement year",
    },
}


def _plaats(item, pagina, x, y, breedte, hoogte):
    from qgis.core import QgsLayoutPoint, QgsLayoutSize

    from vroegsignalering import compat

    item.attemptResize(QgsLayoutSize(breedte, hoogte, compat.LAYOUT_MM))
    item.attemptMove(QgsLayoutPoint(x, y, compat.LAYOUT_MM), page=pagina)


def _label(layout, pagina, item_id, tekst, x, y, breedte, hoogte, grootte, vet=False, kleur="#222222"):
    from qgis.core import QgsLayoutItemLabel
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor, QFont

    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(tekst)
    font = QFont(LETTER)
    font.setPointSizeF(grootte)
    font.setBold(vet)
    label.setFont(font)
    label.setFontColor(QColor(kleur))
    label.setHAlign(Qt.AlignmentFlag.AlignLeft)
    label.setVAlign(Qt.AlignmentFlag.AlignTop)
    layout.addLayoutItem(label)
    _plaats(label, pagina, x, y, breedte, hoogte)
    return label


def _vlak(layout, pagina, item_id, x, y, breedte, hoogte, vulling, rand=None):
    from qgis.core import QgsFillSymbol, QgsLayoutItemShape

    vorm = QgsLayoutItemShape(layout)
    vorm.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    vorm.setId(item_id)
    eigenschappen = {"color": vulling, "outline_style": "no"}
    if rand:
        eigenschappen.update(outline_style="solid", outline_color=rand, outline_width="0.3")
    vorm.setSymbol(QgsFillSymbol.createSimple(eigenschappen))
    layout.addLayoutItem(vorm)
    _plaats(vorm, pagina, x, y, breedte, hoogte)
    return vorm


def _kaart(layout, pagina, item_id, x, y, breedte, hoogte):
    from qgis.core import QgsLayoutItemMap, QgsRectangle

    kaart = QgsLayoutItemMap(layout)
    kaart.setId(item_id)
    kaart.setFrameEnabled(True)
    layout.addLayoutItem(kaart)
    _plaats(kaart, pagina, x, y, breedte, hoogte)
    kaart.zoomToExtent(QgsRectangle(150000, 480000, 170000, 510000))  # Lelystad: replaced by the report
    return kaart


def _kop_en_voet(layout, pagina, teksten, kop_id=None, kop=None):
    _vlak(layout, pagina, f"band_{pagina + 1}", 0, 0, BREEDTE, 6, ACCENT)
    if kop_id:
        _label(layout, pagina, kop_id, kop, MARGE, 14, BREEDTE - 2 * MARGE, 12, 18, vet=True, kleur=ACCENT)
    _label(layout, pagina, f"voet_{pagina + 1}", teksten["voet"], MARGE, HOOGTE - 12, BREEDTE - 2 * MARGE, 6, 7.5,
           kleur="#666666")


def maak(taal, pad):
    """Build one template and save it as a .qpt."""
    from qgis.core import (
        QgsLayoutItemLegend,
        QgsLayoutItemPage,
        QgsLayoutItemPicture,
        QgsLayoutItemScaleBar,
        QgsPrintLayout,
        QgsProject,
        QgsReadWriteContext,
    )

    teksten = TEKSTEN[taal]
    layout = QgsPrintLayout(QgsProject.instance())
    layout.setName(f"rapport-{taal}")
    paginas = layout.pageCollection()
    for _ in range(6):
        pagina = QgsLayoutItemPage(layout)
        pagina.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
        paginas.addPage(pagina)
    binnen = BREEDTE - 2 * MARGE

    # 1 title
    _vlak(layout, 0, "band_1", 0, 0, BREEDTE, 70, ACCENT)
    _label(layout, 0, "titel", teksten["titel"], MARGE, 28, binnen, 30, 26, vet=True, kleur="#ffffff")
    _label(layout, 0, "ondertitel", teksten["ondertitel"], MARGE, 82, binnen, 30, 13)
    _label(layout, 0, "gegevens", teksten["gegevens"], MARGE, 120, binnen, 60, 11)
    _label(layout, 0, "colofon", teksten["colofon"], MARGE, 230, binnen, 12, 9, kleur="#444444")
    _label(layout, 0, "bronnen", teksten["bronnen"], MARGE, 244, binnen, 36, 8, kleur="#444444")

    # 2 summary
    _kop_en_voet(layout, 1, teksten, "kop_samenvatting", teksten["kop_samenvatting"])
    _label(layout, 1, "samenvatting", "", MARGE, 32, binnen, HOOGTE - 32 - 20, 11)

    # 3 overview map
    _kop_en_voet(layout, 2, teksten, "kop_overzicht", teksten["kop_overzicht"])
    _label(layout, 2, "toelichting_overzicht", teksten["toelichting_overzicht"], MARGE, 28, binnen, 12, 9)
    overzicht = _kaart(layout, 2, "overzichtskaart", MARGE, 42, binnen, 180)
    _kaart(layout, 2, "locatiekaart", BREEDTE - MARGE - 38, 42 + 1, 37, 44)
    legenda = QgsLayoutItemLegend(layout)
    legenda.setId("legenda")
    legenda.setTitle(teksten["legenda"])
    legenda.setLinkedMap(overzicht)
    layout.addLayoutItem(legenda)
    _plaats(legenda, 2, MARGE, 226, 110, 45)
    schaal = QgsLayoutItemScaleBar(layout)
    schaal.setId("schaalbalk")
    schaal.setLinkedMap(overzicht)
    schaal.applyDefaultSize()
    layout.addLayoutItem(schaal)
    _plaats(schaal, 2, 132, 228, 45, 12)
    pijl = QgsLayoutItemPicture(layout)
    pijl.setId("noordpijl")
    pijl.setPicturePath(":/images/north_arrows/layout_default_north_arrow.svg")
    pijl.setLinkedMap(overzicht)
    layout.addLayoutItem(pijl)
    _plaats(pijl, 2, BREEDTE - MARGE - 12, 228, 10, 12)

    # 4 table
    _kop_en_voet(layout, 3, teksten, "kop_tabel", teksten["kop_tabel"])
    _vlak(layout, 3, "tabel", MARGE, 32, binnen, HOOGTE - 32 - 20, "#ffffff", rand="#dddddd")

    # 5 one buurt (repeated for each buurt at elevated risk)
    _kop_en_voet(layout, 4, teksten)
    _label(layout, 4, "buurt_kop", "[% @vs_buurt_naam %]", MARGE, 12, binnen, 11, 17, vet=True, kleur=ACCENT)
    _label(layout, 4, "buurt_sub", teksten["buurt_sub"], MARGE, 23, binnen, 6, 9, kleur="#444444")
    _kaart(layout, 4, "buurt_kaart", MARGE, 31, 104, 92)
    grafiek = QgsLayoutItemPicture(layout)
    grafiek.setId("buurt_grafiek")
    layout.addLayoutItem(grafiek)
    _plaats(grafiek, 4, MARGE + 108, 31, binnen - 108, 60)
    _label(layout, 4, "buurt_tekst", "", MARGE, 127, binnen, 108, 9)
    _label(layout, 4, "kop_duiding", teksten["kop_duiding"], MARGE, 238, binnen, 6, 10, vet=True, kleur=ACCENT)
    _vlak(layout, 4, "duiding_kader", MARGE, 245, binnen, 38, "#ffffff", rand="#999999")
    _label(layout, 4, "buurt_duiding", "", MARGE + 2, 247, binnen - 4, 34, 9)

    # 6 method
    _kop_en_voet(layout, 5, teksten, "kop_methode", teksten["kop_methode"])
    _label(layout, 5, "methode", "", MARGE, 32, binnen, HOOGTE - 32 - 20, 8.5)

    if not layout.saveAsTemplate(str(pad), QgsReadWriteContext()):
        raise SystemExit(f"could not write {pad}")
    print(f"wrote {pad}")


def main():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    plugin_package()
    for taal in TEKSTEN:
        maak(taal, ROOT / "resources" / f"rapport-{taal}.qpt")
    app.exitQgis()


if __name__ == "__main__":
    main()
