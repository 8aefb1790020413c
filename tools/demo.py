"""The main job on the embedded sample (gemeente Lelystad): styled layers, a .qgz project and a PDF.

Usage: python tools/demo.py [--out out]   (make demo runs it with Debian's QGIS, headless)
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from headless import ROOT, start_qgis  # noqa: E402

SAMPLE = ROOT / "resources" / "sample"
GEMEENTE = "Lelystad"
BUURTEN = str(SAMPLE / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten"
# (mechanism, level, extra parameters): every mechanism with its defaults
MECHANISMS = [
    ("ontwikkeling", "buurt", {}), ("ontwikkeling", "grid", {}),
    ("omslagzone", "buurt", {}), ("omslagzone", "grid", {}),
    ("zwakkedeelgebieden", "buurt", {"GRID": "{gpkg}|layername=gridscores"}),
    ("dimensies", "buurt", {}), ("dimensies", "grid", {}),
    ("uitstraling", "buurt", {}), ("uitstraling", "grid", {}),
    ("conjunctuur", "buurt", {}),
    ("doorstroom", "buurt", {}),
    ("nieuwbouwelders", "buurt", {}),
    ("sloopelders", "buurt", {"SLOOP": "{sample}/sloop_lelystad.csv"}),
    ("concurrentiepositie", "buurt", {}),
    ("eigenindicator", "buurt", {"INDICATOR": "{gpkg}|layername=buurtcontext", "FIELD": "PersonenInArmoede",
                                 "NAAM": "armoede", "OMSCHRIJVING": "aandeel personen in armoede"}),
]


def run_algorithm(algorithm_id, parameters):
    import processing
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802 (QGIS API)
            print(f"  {info}")

        def pushWarning(self, warning):  # noqa: N802 (QGIS API)
            print(f"  warning: {warning}")

    print(f"{algorithm_id}")
    return processing.run(algorithm_id, parameters, feedback=Feedback())


def gpkg_layer(path, table):
    return f"ogr:dbname='{path}' table=\"{table}\" (geom)"


def main(out):
    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    app, _provider = start_qgis()
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    from vroegsignalering.ui import lagen
    from vroegsignalering.ui.dock import terugtoets_sleutel
    from vroegsignalering.ui.toestand import Toestand

    gpkg = out / f"vroegsignalering_{GEMEENTE.lower()}.gpkg"
    if gpkg.exists():
        gpkg.unlink()
    run_algorithm("vroegsignalering:importscores", {
        "SCORES": str(SAMPLE / "Leefbaarometer-scores buurten 2002-2024.csv"),
        "BUURTEN": BUURTEN,
        "OUTPUT": gpkg_layer(gpkg, "buurtscores"),
    })
    run_algorithm("vroegsignalering:importscores", {
        "SCORES": str(SAMPLE / "Leefbaarometer-scores grids 2002-2024.csv"),
        "BUURTEN": BUURTEN,
        "OUTPUT": gpkg_layer(gpkg, "gridscores"),
    })

    run_algorithm("vroegsignalering:buurtcontext", {
        "BUURTEN": BUURTEN,
        "CONTEXT": str(SAMPLE / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"),
        "OUTPUT": gpkg_layer(gpkg, "buurtcontext"),
    })
    for mechanism, level, extra in MECHANISMS:
        table = f"{mechanism}_{level}"
        run_algorithm(f"vroegsignalering:{mechanism}", {
            "INPUT": f"{gpkg}|layername={level}scores",
            "BUURTEN": f"{gpkg}|layername=buurtcontext",
            **{key: value.format(gpkg=gpkg, sample=SAMPLE) for key, value in extra.items()},
            "OUTPUT": gpkg_layer(gpkg, table),
        })

    analysis_inputs = {
        "SCORES": str(SAMPLE / "Leefbaarometer-scores buurten 2002-2024.csv"),
        "SCORES_GRID": str(SAMPLE / "Leefbaarometer-scores grids 2002-2024.csv"),
        "BUURTEN": BUURTEN,
        "CONTEXT": str(SAMPLE / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"),
        "SLOOP": str(SAMPLE / "sloop_lelystad.csv"),
    }
    run_algorithm("vroegsignalering:vroegsignalering", {
        **analysis_inputs, "GEMEENTEN": "GM0995",
        "OUTPUT_BUURT": gpkg_layer(gpkg, "risicoprofiel_buurt"),
        "OUTPUT_GRID": gpkg_layer(gpkg, "risicoprofiel_grid"),
    })
    run_algorithm("vroegsignalering:backtest", {
        **analysis_inputs, "YEAR": 2016, "GESIMULEERD": True,
        "OUTPUT": gpkg_layer(gpkg, "backtest").replace(" (geom)", ""),  # the table the panel reads
        "OUTPUT_HTML": str(out / "backtest_2016_2024.html"),
    })

    # the project as the panel makes it: one group of styled views on the risk tables, and the panel's state
    project = QgsProject.instance()
    project.clear()
    project.setTitle(f"Vroegsignalering leefbaarheid – {GEMEENTE}")
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:28992"))
    project_file = out / f"vroegsignalering_{GEMEENTE.lower()}.qgz"
    project.setFileName(str(project_file))  # first: the panel's paths are stored relative to it
    titel = lagen.groepnaam([GEMEENTE], 2024)
    views = lagen.voeg_toe(gpkg, titel, [m for m, level, _ in MECHANISMS if level == "buurt"
                                         and m != "eigenindicator"])
    toestand = Toestand(
        scores_buurt=analysis_inputs["SCORES"], scores_grid=analysis_inputs["SCORES_GRID"], buurten=BUURTEN,
        context=analysis_inputs["CONTEXT"], sloop=analysis_inputs["SLOOP"], gemeenten=["GM0995"], jaar=0,
        uitvoermap=str(out), gpkg=str(gpkg), groep=titel, terugtoets=str(gpkg),
    )
    toestand.terugtoets_sleutel = terugtoets_sleutel(toestand, 2024)  # the panel's report includes the backtest
    toestand.schrijf(project)
    # the council report, kept in the project's layout manager as the panel keeps it
    pdf = out / f"rapport_{GEMEENTE.lower()}.pdf"
    run_algorithm("vroegsignalering:rapport", {
        "PROFIEL_BUURT": views["buurt"], "PROFIEL_GRID": views["grid"],
        "BACKTEST": f"{gpkg}|layername=backtest", "CONTEXT": analysis_inputs["CONTEXT"],
        "GESIMULEERD": True, "TAAL": 1, "LAYOUT": f"Raadsrapport {titel}", "OUTPUT": str(pdf),  # in Dutch
    })
    if not project.write(str(project_file)):
        raise SystemExit(f"demo: could not save {project_file}")
    for path in (gpkg, project_file, pdf, out / "backtest_2016_2024.html"):
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
    project.clear()
    app.exitQgis()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="out")
    main(parser.parse_args().out)
