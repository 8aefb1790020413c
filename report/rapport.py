"""The council report: a multi-page print layout built from a .qpt template, exported to PDF.

The template (resources/rapport-<taal>.qpt, or a gemeente's own) is an
ordinary layout whose pages are recognised by the items on them:

    page with item id      role              repeated
    titel                  title page        once
    samenvatting           summary           once
    overzichtskaart        overview map      once (also: legenda, schaalbalk, noordpijl, locatiekaart)
    tabel                  buurt table       as many pages as the table needs (the item marks its frame)
    buurt_kaart            one buurt         once per buurt at elevated risk (also: buurt_grafiek,
                                             buurt_tekst, buurt_duiding)
    methode                method            once
    (none of these)        a page of its own, e.g. a colophon: copied as it is

Texts in the template use layout variables (``[% @vs_gemeente %]``, see
``VARIABELEN``); on a buurt page also item variables (``@vs_buurt_naam``,
``@vs_buurt_code``, ``@vs_buurt_wijk``, ``@vs_buurt_risico``). The content
comes from ``core.rapport`` and ``core.samenvatting``: this module only
places it. The built layout is an ordinary print layout in the project's
layout manager: the analyst can edit it and export it again.
"""

import base64
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTableCell,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from .. import compat
from ..__about__ import PLUGIN_DIR
from ..core.errors import InputError
from . import kaartstijl

SJABLONEN = PLUGIN_DIR / "resources"
ROLLEN = {  # the item id that marks a page's role
    "titel": "titel", "samenvatting": "samenvatting", "overzicht": "overzichtskaart", "tabel": "tabel",
    "buurt": "buurt_kaart", "methode": "methode",
}
EIGENSCHAP = "vroegsignalering/rapport"  # custom property on the layouts this module builds
AUTEUR = "Vroegsignalering leefbaarheid (QGIS-plug-in)"


def sjabloon(taal):
    """The plugin's template for a language (rapport-nl.qpt, rapport-en.qpt); Dutch when there is none."""
    pad = SJABLONEN / f"rapport-{taal}.qpt"
    return pad if pad.is_file() else SJABLONEN / "rapport-nl.qpt"


@dataclass
class Buurtpagina:
    """What one buurt's page shows: its code and the texts (the chart as SVG, None without history)."""

    code: str
    naam: str
    wijk: str
    risico: str
    tekst: str
    svg: str = None
    duiding: str = ""
    extent: QgsRectangle = None
    html: str = ""  # the text as HTML (bold keys, the signals as a list); the plain text where empty


@dataclass
class Lagen:
    """The layers the maps draw: risk per buurt (with names), per 100 m (optional), the Netherlands (optional)."""

    buurt: object
    grid: object = None
    nederland: object = None


def bouw(project, inhoud, lagen, paginas, variabelen, sjabloon_pad, naam=None, feedback=None):
    """The report as a print layout (added to the project's layout manager under ``naam`` when given)."""
    sjabloon_layout = _lees_sjabloon(project, sjabloon_pad)
    rollen, per_pagina = _rollen(sjabloon_layout, sjabloon_pad)
    tabel_paginas = _tabel_paginas(sjabloon_layout, per_pagina, rollen, inhoud) if inhoud.tabel else 0

    layout = QgsPrintLayout(project)
    layout.setName(naam or inhoud.titel)
    layout.setCustomProperty(EIGENSCHAP, True)
    for sleutel, waarde in variabelen.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, sleutel, waarde)

    aantallen = {"tabel": tabel_paginas, "buurt": len(paginas)}
    rol_van = {pagina: rol for rol, pagina in rollen.items()}
    geplaatst = []  # (role, copy index, {id: item}) per output page
    for index, items in enumerate(per_pagina):
        rol = rol_van.get(index)
        bron_pagina = sjabloon_layout.pageCollection().page(index)
        for kopie in range(aantallen.get(rol, 1)):
            if feedback is not None and feedback.isCanceled():
                return None
            doel = _nieuwe_pagina(layout, bron_pagina)
            overslaan = {"tabel"} if rol == "tabel" else set()
            geplaatst.append((rol, kopie, doel, _plak(layout, items, doel, overslaan)))

    tabel_kaders = []
    for rol, kopie, doel, items in geplaatst:
        if rol == "samenvatting":
            _zet_tekst(items, "samenvatting", "\n\n".join(inhoud.samenvatting))
        elif rol == "overzicht":
            _overzicht(items, lagen)
        elif rol == "tabel":
            vak = _vak(per_pagina[rollen["tabel"]], "tabel")
            tabel_kaders.append((doel, vak))
        elif rol == "buurt":
            _buurt(items, paginas[kopie], lagen)
        elif rol == "methode":
            _zet_methode(items, inhoud.methode)
    if tabel_kaders:
        _tabel(layout, inhoud, tabel_kaders)
    zonder_ligaturen(layout)
    if naam:
        manager = project.layoutManager()
        bestaand = manager.layoutByName(naam)
        if bestaand is not None:
            manager.removeLayout(bestaand)
        manager.addLayout(layout)
    return layout


def exporteer(layout, pad, titel):
    """The PDF, completely or not at all; its metadata names the report and the plugin, not the computer's user."""
    pad = Path(pad)
    deel = pad.with_name(pad.stem + ".part.pdf")
    project = layout.project()
    oud = project.metadata()
    metadata = project.metadata()
    metadata.setTitle(titel)
    metadata.setAuthor(AUTEUR)
    project.setMetadata(metadata)
    try:
        instellingen = QgsLayoutExporter.PdfExportSettings()
        instellingen.exportMetadata = True
        instellingen.textRenderFormat = compat.TEXT_ALWAYS  # text stays text: searchable, copyable
        resultaat = QgsLayoutExporter(layout).exportToPdf(str(deel), instellingen)
    finally:
        project.setMetadata(oud)
    if resultaat != QgsLayoutExporter.ExportResult.Success:
        deel.unlink(missing_ok=True)
        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "Could not export the report to {} (QGIS export result {}).").format(
            pad, resultaat))
    deel.replace(pad)
    return pad


def zonder_ligaturen(layout):
    """Labels drawn without ligatures, so text copied from the PDF reads as written ('fi', not one glyph).

    Qt does not store this in a project; the plugin calls it again on the
    report layouts of a project that is opened.
    """
    for item in layout.items():
        if not isinstance(item, QgsLayoutItemLabel):
            continue
        if hasattr(item, "setTextFormat"):  # QGIS 3.24 and later; font()/setFont() are gone in QGIS 4
            opmaak = item.textFormat()
            opmaak.setFont(_zonder_shaping(opmaak.font()))
            item.setTextFormat(opmaak)
        else:
            item.setFont(_zonder_shaping(item.font()))


def _zonder_shaping(font):
    """A copy of ``font`` drawn without ligatures."""
    font = QFont(font)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


# -- the template ---------------------------------------------------------------------------


def _lees_sjabloon(project, pad):
    pad = Path(pad)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except OSError as error:
        from ..core.meldingen import in_taal, systeemfout
        from ..translation import user_language

        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "Cannot read the report template {}: {}.").format(
            pad, in_taal(systeemfout(error), user_language()))) from error
    document = QDomDocument()
    if not document.setContent(tekst):
        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "The report template {} is not a QGIS layout template (.qpt).").format(pad))
    layout = QgsPrintLayout(project)
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok or layout.pageCollection().pageCount() == 0:
        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "The report template {} is not a QGIS layout template (.qpt).").format(pad))
    return layout


def _rollen(layout, pad):
    """{role: template page} and the items of each template page (pages and multiframe frames left out)."""
    pages = layout.pageCollection()
    per_pagina = [[] for _ in range(pages.pageCount())]
    for item in layout.items():
        if isinstance(item, QgsLayoutItem) and not isinstance(item, (QgsLayoutItemPage, QgsLayoutFrame)):
            per_pagina[item.page()].append(item)
    rollen = {}
    for rol, item_id in ROLLEN.items():
        gevonden = [i for i, items in enumerate(per_pagina) if any(item.id() == item_id for item in items)]
        if gevonden:
            rollen[rol] = gevonden[0]
    ontbrekend = [ROLLEN[rol] for rol in ("samenvatting", "overzicht", "buurt") if rol not in rollen]
    if ontbrekend:
        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "The report template {} has no item with id {}: see docs/rapport.md "
                                                    "for the items a template needs.").format(pad, ", ".join(ontbrekend)))
    return rollen, per_pagina


def _nieuwe_pagina(layout, bron):
    pagina = QgsLayoutItemPage(layout)
    pagina.setPageSize(bron.pageSize())
    layout.pageCollection().addPage(pagina)
    return layout.pageCollection().pageCount() - 1


def _plak(layout, items, pagina, overslaan):
    """Copies of a template page's items on an output page, at the same place on the page: {id: item}."""
    document = QDomDocument()
    wortel = document.createElement("items")
    document.appendChild(wortel)
    context = QgsReadWriteContext()
    bron = [item for item in items if item.id() not in overslaan]
    for item in bron:
        item.writeXml(wortel, document, context)
    nieuw = layout.addItemsFromXml(wortel, document, context)
    gevonden = {}
    for origineel, kopie in zip(bron, nieuw):
        kopie.attemptMove(origineel.pagePositionWithUnits(), page=pagina)
        if kopie.id():
            gevonden[kopie.id()] = kopie
    return gevonden


def _vak(items, item_id):
    """Position and size (mm, on its page) of a template item that marks a place, e.g. the table's frame."""
    for item in items:
        if item.id() == item_id:
            positie, maat = item.pagePositionWithUnits(), item.sizeWithUnits()
            return positie.x(), positie.y(), maat.width(), maat.height()
    return None


def _zet_methode(items, delen):
    """The method page: each part under its heading in bold.

    The label is switched to HTML (QGIS 3.22 draws it with WebKit, newer QGIS
    with Qt's own text layout; both headless) in the template's font, size and
    colour; ligatures off, as on every label (``zonder_ligaturen``).
    """
    from html import escape

    item = items.get("methode")
    if not isinstance(item, QgsLayoutItemLabel):
        return

    def alinea(tekst):
        return "<br>".join(escape(regel) for regel in tekst.split("\n"))

    _zet_html(item, "".join(f'<p style="margin: 0 0 0.6em 0">{f"<b>{escape(kop)}</b><br>" if kop else ""}'
                            f'{alinea(tekst)}</p>' for kop, tekst in delen))


def _zet_html(item, html, passend=False):
    """A label switched to HTML in the template's font, size and colour, ligatures off.

    ``passend``: a smaller size where the text would run out of the label's box at the template's (a buurt
    with many signals; never below ``KLEINSTE_PT``).
    """
    from html import escape

    eigen_weergave = hasattr(item, "textFormat")  # QGIS 3.24 and later draw it themselves, 3.22 with WebKit
    if eigen_weergave:
        opmaak = item.textFormat()
        familie, grootte, kleur = opmaak.font().family(), opmaak.size(), opmaak.color().name()
    else:
        familie, grootte, kleur = item.font().family(), item.font().pointSizeF(), item.fontColor().name()
    if passend:
        grootte = _passende_grootte(item, html, familie, grootte, MARGE if eigen_weergave else MARGE_WEBKIT)
    item.setMode(QgsLayoutItemLabel.Mode.ModeHtml)
    # the template's font first, then a sans serif as the other labels get where it is missing (WebKit's own
    # fallback is a serif)
    item.setText(f'<div style="font-family: \'{escape(familie)}\', sans-serif; font-size: {grootte:g}pt; color: {kleur}; '
                 f'font-variant-ligatures: none; text-rendering: optimizeSpeed">{html}</div>')


KLEINSTE_PT = 6.5
# How much taller the label draws the text than Qt's QTextDocument lays it out, measured on the sample's
# longest buurt page: WebKit (QGIS before 3.24) 0.95 times, QGIS's own text renderer (3.44) 1.34 times (its
# lines stand further apart)
MARGE_WEBKIT, MARGE = 1.0, 1.4


def _passende_grootte(item, html, familie, grootte, marge=MARGE):
    """The largest size (pt, in steps of 0.5) at which the HTML fits the label's box, as Qt lays it out times
    ``marge`` (how much taller the label draws it).

    Measured in tenths of a point throughout (the box converted from mm, the font given in whole pixels of
    a tenth of a point: Qt's rich text takes no fractional pixel size), so the screen's resolution plays no part.
    """
    from html import escape

    from qgis.PyQt.QtGui import QTextDocument

    maat = item.layout().convertToLayoutUnits(item.sizeWithUnits()) if item.layout() else None
    if maat is None or maat.width() <= 0 or maat.height() <= 0:
        return grootte
    breedte, hoogte = maat.width() / 25.4 * 720, maat.height() / 25.4 * 720
    while grootte > KLEINSTE_PT:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setTextWidth(breedte)
        document.setHtml(f'<div style="font-family: \'{escape(familie)}\', sans-serif; '
                         f'font-size: {round(grootte * 10)}px">{html}</div>')
        if document.size().height() * marge <= hoogte:
            break
        grootte = max(KLEINSTE_PT, grootte - 0.5)
    return grootte


def _zet_tekst(items, item_id, tekst):
    item = items.get(item_id)
    if isinstance(item, QgsLayoutItemLabel):
        item.setText(tekst)


# -- the pages --------------------------------------------------------------------------------


def _overzicht(items, lagen):
    kaart = items.get("overzichtskaart")
    if isinstance(kaart, QgsLayoutItemMap):
        kaart.setLayers([lagen.buurt])
        kaart.setLayerStyleOverrides({lagen.buurt.id(): kaartstijl.overzicht()})
        kaart.setKeepLayerStyles(True)
        kaart.setCrs(lagen.buurt.crs())
        _zoom(kaart, lagen.buurt.extent(), 1.04)
    legenda = items.get("legenda")
    if isinstance(legenda, QgsLayoutItemLegend) and isinstance(kaart, QgsLayoutItemMap):
        legenda.setLinkedMap(kaart)
        legenda.setAutoUpdateModel(False)
        wortel = legenda.model().rootGroup()
        wortel.clear()
        knoop = wortel.addLayer(lagen.buurt)
        knoop.setName(" ")
        kaartstijl.legenda_zonder_grens(knoop)
        legenda.model().refreshLayerLegend(knoop)
        legenda.refresh()
    schaal = items.get("schaalbalk")
    if isinstance(schaal, QgsLayoutItemScaleBar) and isinstance(kaart, QgsLayoutItemMap):
        schaal.setLinkedMap(kaart)
        kaartstijl.schaalbalk(schaal, kaart)
    pijl = items.get("noordpijl")
    if isinstance(pijl, QgsLayoutItemPicture) and isinstance(kaart, QgsLayoutItemMap):
        pijl.setLinkedMap(kaart)
    locatie = items.get("locatiekaart")
    if isinstance(locatie, QgsLayoutItemMap):
        if lagen.nederland is None:
            locatie.setVisibility(False)
        else:
            locatie.setLayers([lagen.nederland])
            locatie.setLayerStyleOverrides({lagen.nederland.id(): kaartstijl.locatie()})
            locatie.setKeepLayerStyles(True)
            locatie.setCrs(lagen.nederland.crs())
            _zoom(locatie, lagen.nederland.extent(), 1.02)


def _buurt(items, pagina, lagen):
    for item in items.values():
        for sleutel, waarde in (("vs_buurt_naam", pagina.naam), ("vs_buurt_code", pagina.code),
                                ("vs_buurt_wijk", pagina.wijk), ("vs_buurt_risico", pagina.risico)):
            QgsExpressionContextUtils.setLayoutItemVariable(item, sleutel, waarde)
        item.refresh()
    kaart = items.get("buurt_kaart")
    if isinstance(kaart, QgsLayoutItemMap):
        lagen_op_kaart = [lagen.buurt] + ([lagen.grid] if lagen.grid is not None else [])
        kaart.setLayers(lagen_op_kaart)
        kaart.setLayerStyleOverrides({lagen.buurt.id(): kaartstijl.buurt()})
        kaart.setKeepLayerStyles(True)
        kaart.setCrs(lagen.buurt.crs())
        if pagina.extent is not None:
            _zoom(kaart, pagina.extent, 1.35, minimum=800.0)
    grafiek = items.get("buurt_grafiek")
    if isinstance(grafiek, QgsLayoutItemPicture):
        if pagina.svg:
            grafiek.setPicturePath("base64:" + base64.b64encode(pagina.svg.encode("utf-8")).decode("ascii"),
                                   QgsLayoutItemPicture.Format.FormatSVG)
        else:
            grafiek.setVisibility(False)
    tekst = items.get("buurt_tekst")
    if pagina.html and isinstance(tekst, QgsLayoutItemLabel):
        _zet_html(tekst, pagina.html, passend=True)
    else:
        _zet_tekst(items, "buurt_tekst", pagina.tekst)
    _zet_tekst(items, "buurt_duiding", pagina.duiding)


def _zoom(kaart, extent, schaal, minimum=0.0):
    """Fit an extent (grown by ``schaal``, at least ``minimum`` map units wide) into a map item."""
    extent = QgsRectangle(extent)
    if extent.isEmpty():
        return
    extent.scale(schaal)
    if extent.width() < minimum:
        extent.scale(minimum / extent.width())
    kaart.zoomToExtent(extent)


def _tabel(layout, inhoud, kaders):
    """The buurt table across its pages: a manual table whose frames sit where the template marks it."""
    tabel = _nieuwe_tabel(layout, inhoud, kaders[0][1][2])
    for pagina, (x, y, breedte, hoogte) in kaders:
        kader = QgsLayoutFrame(layout, tabel)
        kader.attemptResize(QgsLayoutSize(breedte, hoogte, compat.LAYOUT_MM))
        kader.attemptMove(QgsLayoutPoint(x, y, compat.LAYOUT_MM), page=pagina)
        kader.setHidePageIfEmpty(True)
        tabel.addFrame(kader)
    tabel.refresh()


def _tekstopmaak(grootte, vet=False, kleur="#222222"):
    from qgis.core import QgsTextFormat

    font = _zonder_shaping(QFont("Arial"))
    font.setBold(vet)
    opmaak = QgsTextFormat.fromQFont(font)
    opmaak.setSize(grootte)
    opmaak.setColor(QColor(kleur))
    return opmaak


def _nieuwe_tabel(layout, inhoud, breedte):
    tabel = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(tabel)
    tabel.setHeaderTextFormat(_tekstopmaak(8, vet=True, kleur="#7b1d2a"))
    tabel.setContentTextFormat(_tekstopmaak(8))
    tabel.setHeaders([QgsLayoutTableColumn(tekst) for tekst in inhoud.tabel_kop])
    tabel.setIncludeTableHeader(True)
    tabel.setTableContents([[QgsTableCell(waarde) for waarde in rij] for rij in inhoud.tabel])
    tabel.setWrapBehavior(QgsLayoutItemManualTable.WrapBehavior.WrapText)
    tabel.setCellMargin(1.2)
    tabel.setGridStrokeWidth(0.15)
    tabel.setGridColor(QColor("#bbbbbb"))
    tabel.setHorizontalGrid(True)
    tabel.setVerticalGrid(False)
    tabel.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
    tabel.setColumnWidths(_kolombreedtes(len(inhoud.tabel_kop), breedte, tabel.cellMargin()))
    return tabel


def _kolombreedtes(n, breedte, marge):
    """Room for each header word (8 pt), the rest for the factors; the same share each when the columns differ."""
    vast = [30.0, 18.0, 28.0, 19.0, 20.0, 16.0]  # Buurt, Wijk, Leefbaarometer, Risico, Risicoscore, Signalen (mm)
    passend = n == len(vast) + 1 and sum(vast) < breedte * 0.8
    maten = vast + [breedte - sum(vast)] if passend else [breedte / n] * n
    return [maat - 2 * marge for maat in maten]


def _tabel_paginas(sjabloon_layout, per_pagina, rollen, inhoud):
    """How many pages the table needs: laid out once in the template, page after page until it fits."""
    vak = _vak(per_pagina[rollen["tabel"]], "tabel") if "tabel" in rollen else None
    if vak is None:
        return 0
    x, y, breedte, hoogte = vak
    tabel = _nieuwe_tabel(sjabloon_layout, inhoud, breedte)
    kader = QgsLayoutFrame(sjabloon_layout, tabel)
    kader.attemptResize(QgsLayoutSize(breedte, hoogte, compat.LAYOUT_MM))
    kader.attemptMove(QgsLayoutPoint(x, y, compat.LAYOUT_MM), page=rollen["tabel"])
    tabel.addFrame(kader)
    tabel.setResizeMode(QgsLayoutMultiFrame.ResizeMode.RepeatUntilFinished)
    tabel.refresh()
    tabel.recalculateFrameSizes()
    return max(1, tabel.frameCount())


def buurt_extents(layer, codes):
    """{code: bounding box} of the given buurten in a layer (one request)."""
    codes = set(codes)
    if not codes:
        return {}
    expression = '"code" IN ({})'.format(", ".join("'" + c.replace("'", "''") + "'" for c in sorted(codes)))
    request = QgsFeatureRequest().setFilterExpression(expression).setSubsetOfAttributes(["code"], layer.fields())
    return {str(f["code"]): f.geometry().boundingBox() for f in layer.getFeatures(request) if f.hasGeometry()}
