"""The results on the map: one group per analysis, readable layer names, styles from resources/stijlen.

Used by the panel and by ``tools/demo.py`` alike, so a saved project looks the
same however it was made. The analysis writes two layers into a GeoPackage
(``risicoprofiel_buurt`` and ``risicoprofiel_grid``); everything in the group
is a view on those two: the risk per buurt on top (coloured outlines and names,
so the 100 m cells under it stay visible), the risk per 100 m beneath, the
Leefbaarometer classes, and each mechanism's signal in a collapsed subgroup.
"""

from qgis.core import QgsLayerTreeGroup, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

BUURT = "risicoprofiel_buurt"
GRID = "risicoprofiel_grid"
EIGEN = "eigenlaag"  # custom property: which view of the results a layer is


def _tr(text):
    return QCoreApplication.translate("VroegsignaleringLagen", text)


def titels():
    """Readable names of the mechanisms' layers ("Trend (ontwikkeling)"), translated."""
    return {
        "ontwikkeling": _tr("Trend (ontwikkeling)"),
        "omslagzone": _tr("Near the tipping point (omslagzone)"),
        "zwakkedeelgebieden": _tr("Weak sub-areas (zwakkedeelgebieden)"),
        "dimensies": _tr("Hidden weak dimension (dimensies)"),
        "uitstraling": _tr("Weak surroundings (uitstraling)"),
        "conjunctuur": _tr("Economic sensitivity (conjunctuur)"),
        "doorstroom": _tr("Dwellings coming free (doorstroom)"),
        "nieuwbouwelders": _tr("New build elsewhere (nieuwbouwelders)"),
        "sloopelders": _tr("Demolition elsewhere (sloopelders)"),
        "concurrentiepositie": _tr("Competitive position (concurrentiepositie)"),
    }


def groepnaam(gemeenten, jaar):
    """'Vroegsignalering Lelystad 2024' (several gemeenten joined with ', ')."""
    return f"Vroegsignalering {', '.join(gemeenten) if gemeenten else _tr('all gemeenten')} {jaar}"


def gemeentefilter(gemeenten, veld):
    """A subset string that shows the units of the chosen gemeente codes (GM0995) or names; '' for all."""
    if not gemeenten:
        return ""
    codes = [g.upper() for g in gemeenten if g.upper().startswith("GM") and g[2:].isdigit()]
    namen = [g for g in gemeenten if g not in codes]
    parts = []
    if codes:
        parts.append(f"substr(\"{veld}\", 3, 4) IN ({', '.join(repr(c[2:]) for c in codes)})")
    if namen:
        quoted = ", ".join("'" + n.upper().replace("'", "''") + "'" for n in namen)
        parts.append(f"upper(\"gemeente\") IN ({quoted})")
    return " OR ".join(parts)


def open_laag(gpkg, tabel, naam, soort, mechanisme=None, filter_=""):
    """A view on one table of the results GeoPackage, styled (``algorithms.stijl``) and filtered."""
    from ..algorithms.stijl import pas_toe

    layer = QgsVectorLayer(f"{gpkg}|layername={tabel}", naam, "ogr")
    if not layer.isValid():
        return None
    if filter_:
        layer.setSubsetString(filter_)
    pas_toe(layer, soort, mechanisme)
    layer.setCustomProperty(EIGEN, f"{tabel}:{soort}:{mechanisme or ''}")
    return layer


def voeg_toe(gpkg, titel, gemeenten=(), mechanismen=(), project=None):
    """Add the results of one analysis as a group at the top of the layer tree; returns {key: layer}.

    An earlier group with the same title is replaced (a re-run shows the new
    results in the same place). Keys: 'buurt', 'grid', 'klasse_buurt',
    'klasse_grid' and each mechanism's name.
    """
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    verwijder(titel, project)
    group = root.insertGroup(0, titel)
    buurtfilter, gridfilter = gemeentefilter(gemeenten, "code"), gemeentefilter(gemeenten, "buurtcode")
    lagen = {}
    plan = [
        ("buurt", BUURT, _tr("Risk per buurt"), "risico_buurt", None, buurtfilter, True),
        ("grid", GRID, _tr("Risk per 100 m"), "risico_grid", None, gridfilter, True),
        ("klasse_buurt", BUURT, _tr("Leefbaarometer per buurt"), "klasse", None, buurtfilter, False),
        ("klasse_grid", GRID, _tr("Leefbaarometer per 100 m"), "klasse", None, gridfilter, False),
    ]
    for key, tabel, naam, soort, mechanisme, filter_, zichtbaar in plan:
        layer = open_laag(gpkg, tabel, naam, soort, mechanisme, filter_)
        if layer is None:
            continue
        project.addMapLayer(layer, False)
        group.addLayer(layer).setItemVisibilityChecked(zichtbaar)
        lagen[key] = layer
    sub = group.addGroup(_tr("Mechanisms"))
    namen = titels()
    for mechanisme in mechanismen:
        layer = open_laag(gpkg, BUURT, namen.get(mechanisme, mechanisme), "signaal", mechanisme, buurtfilter)
        if layer is None or layer.fields().indexOf(f"{mechanisme}_signaal") < 0:
            continue
        project.addMapLayer(layer, False)
        sub.addLayer(layer).setItemVisibilityChecked(False)
        lagen[mechanisme] = layer
    sub.setExpanded(False)
    sub.setItemVisibilityChecked(False)
    return lagen


def verwijder(titel, project=None):
    """Remove a results group (and its layers) from the project; True when there was one."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    group = root.findGroup(titel)
    if group is None:
        return False
    ids = [layer.layerId() for layer in group.findLayers()]
    root.removeChildNode(group)
    project.removeMapLayers([i for i in ids if project.mapLayer(i) is not None])
    return True


def zoek(titel, project=None):
    """The layers of a results group already in the project (after reopening it): {key: layer}."""
    project = project or QgsProject.instance()
    group = project.layerTreeRoot().findGroup(titel)
    if not isinstance(group, QgsLayerTreeGroup):
        return {}
    lagen = {}
    for node in group.findLayers():
        layer = node.layer()
        eigen = str(layer.customProperty(EIGEN, "")) if layer is not None else ""
        if not eigen:
            continue
        tabel, soort, mechanisme = (eigen.split(":") + ["", ""])[:3]
        key = mechanisme or {"risico_buurt": "buurt", "risico_grid": "grid"}.get(
            soort, f"klasse_{'buurt' if tabel == BUURT else 'grid'}")
        lagen[key] = layer
    return lagen
