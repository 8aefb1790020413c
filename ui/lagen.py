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




def titels():
    """Readable names of the mechanisms' layers ("Trend (ontwikkeling)"), translated."""
    return {
        "ontwikkeling": QCoreApplication.translate("VroegsignaleringLagen", "Trend (ontwikkeling)"),
        "omslagzone": QCoreApplication.translate("VroegsignaleringLagen", "Near the tipping point (omslagzone)"),
        "zwakkedeelgebieden": QCoreApplication.translate("VroegsignaleringLagen", "Weak sub-areas (zwakkedeelgebieden)"),
        "dimensies": QCoreApplication.translate("VroegsignaleringLagen", "Hidden weak dimension (dimensies)"),
        "uitstraling": QCoreApplication.translate("VroegsignaleringLagen", "Weak surroundings (uitstraling)"),
        "conjunctuur": QCoreApplication.translate("VroegsignaleringLagen", "Economic sensitivity (conjunctuur)"),
        "doorstroom": QCoreApplication.translate("VroegsignaleringLagen", "Dwellings coming free (doorstroom)"),
        "nieuwbouwelders": QCoreApplication.translate("VroegsignaleringLagen", "New build elsewhere (nieuwbouwelders)"),
        "sloopelders": QCoreApplication.translate("VroegsignaleringLagen", "Demolition elsewhere (sloopelders)"),
        "concurrentiepositie": QCoreApplication.translate("VroegsignaleringLagen", "Competitive position (concurrentiepositie)"),
    }


def groepnaam(gemeenten, jaar):
    """'Vroegsignalering Lelystad 2024' (several gemeenten joined with ', ')."""
    alle = QCoreApplication.translate("VroegsignaleringLagen", "all gemeenten")
    return f"Vroegsignalering {', '.join(gemeenten) if gemeenten else alle} {jaar}"


def open_laag(gpkg, tabel, naam, soort, mechanisme=None):
    """A view on one table of the results GeoPackage, styled (``algorithms.stijl``).

    No subset strings: the tables hold the reported gemeenten only (QGIS 3.22
    cannot read a GeoPackage through several filtered layers at once).
    """
    from ..algorithms.stijl import pas_toe

    layer = QgsVectorLayer(f"{gpkg}|layername={tabel}", naam, "ogr")
    if not layer.isValid():
        return None
    pas_toe(layer, soort, mechanisme)
    layer.setCustomProperty(EIGEN, f"{tabel}:{soort}:{mechanisme or ''}")
    return layer


def voeg_toe(gpkg, titel, mechanismen=(), project=None):
    """Add the results of one analysis as a group at the top of the layer tree; returns {key: layer}.

    An earlier group with the same title is replaced (a re-run shows the new
    results in the same place). Keys: 'buurt', 'grid', 'klasse_buurt',
    'klasse_grid' and each mechanism's name.
    """
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    verwijder(titel, project)
    group = root.insertGroup(0, titel)
    lagen = {}
    plan = [
        ("buurt", BUURT, QCoreApplication.translate("VroegsignaleringLagen", "Risk per buurt"), "risico_buurt", True),
        ("grid", GRID, QCoreApplication.translate("VroegsignaleringLagen", "Risk per 100 m"), "risico_grid", True),
        ("klasse_buurt", BUURT, QCoreApplication.translate("VroegsignaleringLagen", "Leefbaarometer per buurt"), "klasse", False),
        ("klasse_grid", GRID, QCoreApplication.translate("VroegsignaleringLagen", "Leefbaarometer per 100 m"), "klasse", False),
    ]
    for key, tabel, naam, soort, zichtbaar in plan:
        layer = open_laag(gpkg, tabel, naam, soort)
        if layer is None:
            continue
        project.addMapLayer(layer, False)
        group.addLayer(layer).setItemVisibilityChecked(zichtbaar)
        lagen[key] = layer
    sub = group.addGroup(QCoreApplication.translate("VroegsignaleringLagen", "Mechanisms"))
    namen = titels()
    for mechanisme in mechanismen:
        layer = open_laag(gpkg, BUURT, namen.get(mechanisme, mechanisme), "signaal", mechanisme)
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
