"""One way to the council report, for the Processing algorithm and the panel alike.

Reads the risk profile layers, lets ``core.rapport`` write the content and
``core.samenvatting`` each buurt's page, and ``report.rapport`` place it all
in a layout from the template and export it.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..__about__ import PLUGIN_DIR, __version__
from . import rapport

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
NEDERLAND = PLUGIN_DIR / "resources" / "nederland_gemeenten.gpkg"

BRONNEN = {
    "nl": "Bronnen: Leefbaarometer 3.0 (Ministerie van Binnenlandse Zaken en Koninkrijksrelaties, open data); "
          "CBS/Kadaster Wijk- en buurtkaart en Kerncijfers wijken en buurten (CC BY 4.0). Berekend met de open "
          "QGIS-plug-in Vroegsignalering leefbaarheid; de methode staat op de laatste pagina.",
    "en": "Sources: Leefbaarometer 3.0 (Dutch Ministry of the Interior and Kingdom Relations, open data); "
          "CBS/Kadaster Wijk- en buurtkaart and Kerncijfers wijken en buurten (CC BY 4.0). Computed with the open "
          "QGIS plugin Vroegsignalering leefbaarheid; the method is on the last page.",
}
GEGEVENS = {
    "nl": {
        True: "Let op: dit is een voorbeeld. De scores van {jaar} zijn echt, maar de eerdere jaren en een deel van de "
              "CBS-cijfers zijn gesimuleerd om de werkwijze te laten zien. Trek uit dit rapport geen conclusies over "
              "de buurten van {gemeente}.",
        False: "Dit rapport gebruikt de officiële Leefbaarometer-scores van alle meetjaren tot en met {jaar} en de "
               "CBS-cijfers per buurt. Het risico is een signaal om het gesprek te beginnen, geen voorspelling: de "
               "lokale duiding van professionals in de buurt hoort erbij.",
    },
    "en": {
        True: "Note: this is an example. The {jaar} scores are real, but the earlier years and part of the CBS figures "
              "are simulated to show the method. Draw no conclusions about the buurten of {gemeente} from it.",
        False: "This report uses the official Leefbaarometer scores of all measurement years up to {jaar} and the CBS "
               "figures per buurt. The risk is a signal to start the conversation, not a prediction: the local "
               "interpretation of professionals in the buurt belongs with it.",
    },
}


# At most this many buurt pages: no single gemeente reaches it (Amsterdam, 441 buurten, has about 40 at
# elevated risk under the default rule); a report of many gemeenten or the country gets the riskiest
MAX_BUURTPAGINAS = 100


@dataclass
class Opdracht:
    """What a report is made from and where it goes."""

    buurt: object  # the buurt risk profile layer (QgsVectorLayer)
    pad: Path  # the PDF
    grid: object = None  # the 100 m profile layer
    backtest: object = None  # a backtest table (DataFrame)
    inwoners: object = None  # residents per buurt code (Series)
    instellingen: str = ""
    titel: str = ""
    sjabloon: Path = None
    naam: str = ""  # the layout's name in the project's layout manager ('' : not added)
    gesimuleerd: bool = False
    taal: str = "nl"
    interpretaties: dict = field(default_factory=dict)
    wijknamen: dict = field(default_factory=dict)
    max_buurtpaginas: int = MAX_BUURTPAGINAS  # pages for the riskiest buurten only (None: one for each)


def datum(dag, taal="nl"):
    """'2 december 2026' (or '2 December 2026')."""
    maanden = MAANDEN if taal == "nl" else MONTHS
    return f"{dag.day} {maanden[dag.month - 1]} {dag.year}"


def maak(project, opdracht, feedback=None):
    """Build the layout and export the PDF; returns (layout, pdf path, content)."""
    from ..algorithms.layers import read_features
    from ..core.rapport import rapport_inhoud

    buurt, _ = read_features(opdracht.buurt, None, feedback, geometry=False)
    grid = None
    if opdracht.grid is not None:
        grid, _ = read_features(opdracht.grid, None, feedback, geometry=False)
    if feedback is not None:
        feedback.setProgress(20)
    inhoud = rapport_inhoud(buurt, grid=grid, backtest=opdracht.backtest, inwoners=opdracht.inwoners,
                            wijknamen=opdracht.wijknamen or None, instellingen=opdracht.instellingen or "",
                            titel=opdracht.titel or None, gesimuleerd=opdracht.gesimuleerd, taal=opdracht.taal,
                            max_paginas=opdracht.max_buurtpaginas)
    paginas = buurtpaginas(opdracht, inhoud, buurt, grid)
    nederland = _nederland(project)
    lagen = rapport.Lagen(buurt=opdracht.buurt, grid=opdracht.grid, nederland=nederland)
    gemeenten = sorted({str(c) for c in buurt.get("gm_code", []).dropna()}) if "gm_code" in buurt else []
    variabelen = {
        "vs_titel": inhoud.titel, "vs_gemeente": inhoud.gemeente, "vs_jaar": str(inhoud.jaar),
        "vs_datum": datum(date.today(), opdracht.taal), "vs_versie": __version__,
        "vs_gegevens": GEGEVENS.get(opdracht.taal, GEGEVENS["nl"])[bool(opdracht.gesimuleerd)].format(
            jaar=inhoud.jaar, gemeente=inhoud.gemeente),
        "vs_bronnen": BRONNEN.get(opdracht.taal, BRONNEN["nl"]), "vs_gemeenten": ",".join(gemeenten),
    }
    if feedback is not None:
        feedback.setProgress(40)
    sjabloon = opdracht.sjabloon or rapport.sjabloon(opdracht.taal)
    layout = rapport.bouw(project, inhoud, lagen, paginas, variabelen, sjabloon, opdracht.naam or None, feedback)
    if layout is None:  # cancelled
        return None, None, inhoud
    if feedback is not None:
        feedback.setProgress(70)
    pdf = rapport.exporteer(layout, opdracht.pad, inhoud.titel)
    if feedback is not None:
        feedback.setProgress(100)
    return layout, pdf, inhoud


def buurtpaginas(opdracht, inhoud, buurt, grid):
    """A page per buurt at elevated risk: its summary without the lines its page shows otherwise."""
    from ..core.samenvatting import buurt_samenvatting

    extents = rapport.buurt_extents(opdracht.buurt, inhoud.buurten)
    rijen = buurt.set_index("code", drop=False)
    paginas = []
    for code in inhoud.buurten:
        rij = rijen.loc[code]
        cellen = grid[grid["buurtcode"] == code] if grid is not None and "buurtcode" in grid else None
        wijkcode = rij.get("wijkcode")
        wijk = opdracht.wijknamen.get(str(wijkcode), wijkcode) if wijkcode else ""
        samenvatting = buurt_samenvatting(rij, cellen=cellen, wijknaam=wijk)
        # without the place line (the page's subtitle has gemeente and wijk) and, as HTML, the scores the chart shows
        paginas.append(rapport.Buurtpagina(
            code=str(code), naam=str(rij.get("naam") or code),
            wijk=f"wijk {wijk}" if wijk else "", risico=str(rij.get("risico_label") or ""),
            tekst="\n".join(samenvatting.pagina_regels), svg=samenvatting.svg,
            duiding=opdracht.interpretaties.get(str(code), ""), extent=extents.get(str(code)),
            html=samenvatting.pagina_html))
    return paginas


def wijknamen(layer):
    """{wijkcode: wijknaam} of a layer of wijken (CBS: wijkcode, wijknaam; older releases WK_CODE, WK_NAAM)."""
    from qgis.core import QgsFeatureRequest

    if layer is None or not layer.isValid():
        return {}
    names = {name.lower(): name for name in layer.fields().names()}
    code = names.get("wijkcode") or names.get("wk_code")
    naam = names.get("wijknaam") or names.get("wk_naam")
    if not code or not naam:
        return {}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(
        [code, naam], layer.fields())
    return {str(f[code]).strip(): str(f[naam]).strip() for f in layer.getFeatures(request) if f[code] and f[naam]}


def _nederland(project):
    """The gemeenten of the Netherlands for the locator map, kept in the project (not in its layer tree)."""
    from qgis.core import QgsVectorLayer

    bron = f"{NEDERLAND}|layername=gemeenten"
    for layer in project.mapLayers().values():
        if layer.source() == bron:
            return layer
    layer = QgsVectorLayer(bron, "Nederland (rapport)", "ogr")
    if not layer.isValid():
        return None
    project.addMapLayer(layer, False)
    return layer
