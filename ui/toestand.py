"""What the panel remembers in the project: inputs, gemeenten, year, settings, where the results are.

Stored with ``QgsProject.writeEntry`` under the plugin's scope, so a saved
``.qgz`` reopens with the panel as it was (``tools/demo.py`` writes the same
entries). Paths are stored relative to the project file, as QGIS stores its
layers' sources, so a project folder can be moved or shared; the panel writes
its state again as the project is saved, when that location is known. Layers
in the project are stored by id.
"""

from dataclasses import asdict, dataclass, field, fields

from qgis.core import QgsProject

SCOPE = "vroegsignalering"
PADEN = ("scores_buurt", "scores_grid", "buurten", "context", "context_jaren", "sloop", "uitvoermap", "gpkg",
         "terugtoets")


@dataclass
class Toestand:
    """The panel's state: every field is a string, a list of strings or an int (0: none)."""

    scores_buurt: str = ""  # a file path or the id of a layer in the project
    scores_grid: str = ""
    buurten: str = ""
    context: str = ""
    context_jaren: list = field(default_factory=list)  # kerncijfers of other years (file paths)
    sloop: str = ""
    gemeenten: list = field(default_factory=list)
    jaar: int = 0  # 0: the latest measured
    instellingen: str = ""  # the settings text (core/instellingen.py): weights, switches, thresholds, own indicators
    uitvoermap: str = ""
    gpkg: str = ""  # the GeoPackage of the last run
    groep: str = ""  # its group in the layer tree
    terugtoets: str = ""  # the GeoPackage of the last backtest (its table 'backtest')
    terugtoets_sleutel: str = ""  # what it was made from (sources, gemeenten, year, settings): valid while equal

    def schrijf(self, project=None):
        """Store every field in the project (written to disk when the project is saved)."""
        project = project or QgsProject.instance()
        for key, value in asdict(self).items():
            if isinstance(value, list):
                paden = key in PADEN
                project.writeEntry(SCOPE, key, [project.writePath(str(v)) if paden else str(v) for v in value])
            elif isinstance(value, int):
                project.writeEntry(SCOPE, key, int(value))
            elif key in PADEN:
                project.writeEntry(SCOPE, key, project.writePath(str(value)) if value else "")
            else:
                project.writeEntry(SCOPE, key, str(value))

    @classmethod
    def lees(cls, project=None):
        """The state stored in the project (defaults for what is not there)."""
        project = project or QgsProject.instance()
        values = {}
        for spec in fields(cls):
            default = spec.default if spec.default is not spec.default_factory else None
            if spec.type is list or spec.name in ("gemeenten", "context_jaren"):
                value, found = project.readListEntry(SCOPE, spec.name)
                value = [str(v) for v in value] if found else []
                values[spec.name] = [project.readPath(v) for v in value] if spec.name in PADEN else value
            elif spec.type is int or spec.name == "jaar":
                value, found = project.readNumEntry(SCOPE, spec.name, 0)
                values[spec.name] = int(value) if found else 0
            else:
                value, found = project.readEntry(SCOPE, spec.name, "")
                value = str(value) if found else (default or "")
                if spec.name in PADEN and value:
                    value = project.readPath(value)
                values[spec.name] = value
        return cls(**values)

    @property
    def heeft_resultaat(self):
        return bool(self.gpkg and self.groep)
