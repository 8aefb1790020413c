"""Make resources/nederland_gemeenten.gpkg: the 342 gemeenten of 2024, simplified, for the report's locator map.

From the simplified CBS 2024 gemeente boundaries joined to the Leefbaarometer
2024 release (CBS/Kadaster, CC BY 4.0), reprojected to RD New and simplified
to 600 m: enough to show where a gemeente lies in the Netherlands, small
enough to ship (about 250 KB). Run once; commit the GeoPackage it writes:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_nederland.py ../shared/data/leefbaarometer-2024-buurten/gemeenten.geojson
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from headless import ROOT, start_qgis  # noqa: E402

UIT = ROOT / "resources" / "nederland_gemeenten.gpkg"


def main(geojson):
    app, _provider = start_qgis()
    import processing

    if UIT.exists():
        UIT.unlink()
    # the fields first: the file's nested 'raw' object does not fit in a memory layer (its features get lost)
    velden = processing.run("native:retainfields", {"INPUT": str(geojson), "FIELDS": ["code", "naam"],
                                                     "OUTPUT": "memory:"})["OUTPUT"]
    rd = processing.run("native:reprojectlayer", {"INPUT": velden, "TARGET_CRS": "EPSG:28992",
                                                   "OUTPUT": "memory:"})["OUTPUT"]
    eenvoudig = processing.run("native:simplifygeometries", {"INPUT": rd, "METHOD": 0, "TOLERANCE": 600,
                                                             "OUTPUT": "memory:"})["OUTPUT"]
    if eenvoudig.featureCount() != 342:
        raise SystemExit(f"make_nederland: {eenvoudig.featureCount()} gemeenten, expected the 342 of 2024")
    processing.run("native:renametablefield", {"INPUT": eenvoudig, "FIELD": "code", "NEW_NAME": "gm_code",
                                               "OUTPUT": f"ogr:dbname='{UIT}' table=\"gemeenten\" (geom)"})
    print(f"wrote {UIT} ({UIT.stat().st_size // 1024} KiB)")
    app.exitQgis()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("geojson", type=Path)
    main(parser.parse_args().geojson)
