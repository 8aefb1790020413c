"""The results of a run as the panel uses them: frames of the two risk tables, re-weighted in place.

Re-weighting (a weight, a switch, the class rule) recomputes only the profile
from the stored mechanism scores (``core.analyse.herclassificeer``) and writes
the changed profile fields back into the GeoPackage, so the map, the saved
project and the report show what the panel shows. The tables hold the reported
gemeenten: under the default class rule (the riskiest 2 % and 8 % of the target
group) re-weighting ranks among them, where a run ranks among everything
loaded; with only the gemeente loaded (the sample, a gemeente's download) the
two are the same, and a new run always ranks among everything loaded.
"""

import numpy as np
from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ..algorithms.layers import _plain
from .lagen import BUURT, GRID

PROFIEL = ("doelgroep", "n_signalen", "n_mechanismen", "risico_score", "risico_klasse", "risico_label", "factoren")
EERSTE_STAP = ("aandeel_cellen_verhoogd", "potentieel_kwetsbaar")


def lees_tabel(layer):
    """(frame of all attributes, feature ids) of a layer, without geometry."""
    import pandas as pd

    names = layer.fields().names()
    keep = [i for i, name in enumerate(names) if name.lower() != "fid"]
    rows, ids = [], []
    for feature in layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)):
        ids.append(feature.id())
        attributes = feature.attributes()
        rows.append([_plain(attributes[i]) for i in keep])
    frame = pd.DataFrame(rows, columns=[names[i] for i in keep])
    for column in ("doelgroep",):
        if column in frame:
            frame[column] = frame[column].fillna(0).astype(bool)
    return frame, np.asarray(ids, dtype=np.int64)


TABELLEN = {"buurt": BUURT, "grid": GRID}


class Resultaat:
    """The risk tables of one results GeoPackage, read once, re-weighted on demand.

    Layers on the GeoPackage are opened only for a read or a write and let go at
    once: QGIS 3.22 shares one GDAL connection between the layers of a file, and
    a layer object that outlives the project's own crashes GDAL when it is
    finally collected.
    """

    def __init__(self, gpkg):
        self.gpkg = str(gpkg)
        self.frames = {}
        self.ids = {}
        for niveau, tabel in TABELLEN.items():
            layer = QgsVectorLayer(f"{self.gpkg}|layername={tabel}", tabel, "ogr")
            if layer.isValid():
                self.frames[niveau], self.ids[niveau] = lees_tabel(layer)
            del layer

    @property
    def geldig(self):
        return "buurt" in self.frames

    def herweeg(self, regels, drempel_aandeel=0.25):
        """Re-classify with other weights or rules and write the profile fields back; returns the frames."""
        from ..core.analyse import herclassificeer

        nieuw = herclassificeer(self.frames, regels, drempel_aandeel)
        for niveau, frame in nieuw.items():
            self._schrijf(niveau, frame)
        self.frames = nieuw
        return nieuw

    def _schrijf(self, niveau, frame):
        layer = QgsVectorLayer(f"{self.gpkg}|layername={TABELLEN[niveau]}", niveau, "ogr")
        fields = layer.fields()
        columns = [c for c in PROFIEL + EERSTE_STAP if c in frame.columns and fields.indexOf(c) >= 0]
        indexes = [fields.indexOf(c) for c in columns]
        values = [_waarden(frame[c]) for c in columns]
        changes = {int(fid): dict(zip(indexes, row)) for fid, row in zip(self.ids[niveau], zip(*values))}
        written = layer.dataProvider().changeAttributeValues(changes)
        message = layer.dataProvider().error().message()
        del layer
        if not written:
            raise OSError(f"{self.gpkg}: could not write the new risk classes ({message})")

    def buurt(self, code):
        """One buurt's row (a Series) or None."""
        frame = self.frames.get("buurt")
        if frame is None:
            return None
        rows = frame[frame["code"] == code]
        return rows.iloc[0] if len(rows) else None

    def cellen(self, code):
        """The 100 m cells of one buurt (a frame) or None without a grid table."""
        frame = self.frames.get("grid")
        if frame is None or "buurtcode" not in frame:
            return None
        return frame[frame["buurtcode"] == code]


def _waarden(series):
    """Plain Python values for QGIS: NaN and <NA> → None, numpy numbers → int/float, booleans → 0/1."""
    import pandas as pd

    values = []
    for value in series.astype(object).tolist():
        if value is None or value is pd.NA or (isinstance(value, float) and value != value):
            values.append(None)
        elif isinstance(value, (bool, np.bool_)):
            values.append(int(value))
        elif isinstance(value, np.generic):
            values.append(value.item())
        else:
            values.append(value)
    return values
