"""The national benchmark (issue 11): every case through ``qgis_process``, as an analyst's script runs it.

Builds the national input once (``nationaal.py``: 12,147 real buurt polygons, 400,000 simulated
cells x 9 years in the official CSV format), then times, each over ``--runs`` runs (median, and
the peak memory of the process):

1. the complete analysis of the country, CSV to one GeoPackage with both outputs (the stages
   from the algorithm's own 'Duur' line);
2. ``importscores`` of the national CSV to a GeoPackage, once (what an analyst does once a year);
3. one gemeente (Lelystad, GM0995) from the national CSV, and from that GeoPackage;
4. ``uitstraling`` on the cells of a block of about 140,000 cells, against the QGIS-native way on the same
   cells (centroids, 300 m buffers, join by location summary), side by side;
5. the panel's re-weighting of the national results and of the gemeente's.

Usage: make bench   (or: .venv/bin/python benchmarks/bench_nationaal.py [--runs 3] [--out build/bench])
Prints a Markdown table (also written to <out>/resultaten.md) for benchmarks/README.md.
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))

QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
GEMEENTE = "GM0995"  # Lelystad
# 100 x 130 km of RD New (xmin, ymin, xmax, ymax) holding about 140,000 of the simulated cells: the size of the
# issue's 80 x 100 km block (136,349 cells of its own simulation)
BLOK = (170_000, 460_000, 270_000, 590_000)
# Each run in a fresh Python whose only child is qgis_process: its peak RSS is that run's.
_METER = ("import resource, subprocess, sys, time; t = time.monotonic(); "
          "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
          "sys.stdout.write(r.stdout + r.stderr); "
          "print('\\n@@', r.returncode, time.monotonic() - t, "
          "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def omgeving(uit):
    """A throw-away QGIS profile with this repository as the enabled plugin 'vroegsignalering'."""
    plugins = uit / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    link = plugins / "vroegsignalering"
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    env = dict(os.environ, QGIS_PLUGINPATH=str(plugins), QGIS_CUSTOM_CONFIG_PATH=str(uit / "config"),
               QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(uit / "xdg"),
               PYTHONPYCACHEPREFIX=str(uit / "pycache"))  # compiled once, as in an analyst's QGIS
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    (uit / "xdg").mkdir(mode=0o700, exist_ok=True)
    aan = subprocess.run([QGIS_PROCESS, "plugins", "enable", "vroegsignalering"], env=env, capture_output=True,
                         text=True)
    if aan.returncode != 0 and "already enabled" not in aan.stdout + aan.stderr:  # a second run finds it on
        raise SystemExit(f"qgis_process could not enable the plugin:\n{aan.stdout}{aan.stderr}")
    return env


def qgis_process(env, algoritme, **parameters):
    """One run: (seconds, peak MiB, output text); fails loudly when the algorithm fails."""
    args = [QGIS_PROCESS, "run", algoritme, "--"] + [f"{k}={v}" for k, v in parameters.items()]
    uit = subprocess.run([sys.executable, "-c", _METER, *args], env=env, capture_output=True, text=True)
    tekst, _, meting = uit.stdout.rpartition("\n@@ ")
    code, seconden, kb = meting.split()
    if int(code) != 0:
        raise SystemExit(f"{algoritme} failed:\n{tekst[-3000:]}")
    return float(seconden), int(kb) / 1024, tekst


def herhaal(runs, functie):
    """(median seconds, max peak MiB, last output, every run's seconds) over runs."""
    metingen = [functie() for _ in range(runs)]
    return (statistics.median(m[0] for m in metingen), max(m[1] for m in metingen), metingen[-1][2],
            [m[0] for m in metingen])


def stappen_van(tekst):
    """The stages of the algorithm's 'Duur' (duration) line: {stage: seconds}."""
    regel = re.search(r"(?:Duur|Duration)[^:]*: (.+)", tekst)
    if not regel:
        return {}
    return {naam.strip(): float(s.replace(",", ".")) for naam, s in re.findall(r"([^;]+?) ([\d,.]+) s", regel.group(1))}


def blok(scores_gpkg, pad):
    """The cells of the block as their own GeoPackage (GDAL's spatial filter); their number."""
    from osgeo import gdal, ogr

    if not pad.exists():
        gdal.VectorTranslate(str(pad), str(scores_gpkg), layers=[scores_gpkg.stem], spatFilter=list(BLOK),
                             layerName="blok", format="GPKG")
    bron = ogr.Open(str(pad))  # kept while its layer is used: GDAL frees the layer with its dataset
    return bron.GetLayerByName("blok").GetFeatureCount()


_QGIS = []


def herweging(gpkg, runs=5):
    """Median seconds of the panel's re-weighting of a results GeoPackage (in this process)."""
    from headless import plugin_package

    if not _QGIS:  # one QgsApplication per process, with a GUI as in the panel (a layer's style needs fonts)
        from qgis.core import QgsApplication

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _QGIS.append(QgsApplication([], True))
        _QGIS[0].initQgis()
        plugin_package()
    from vroegsignalering.core.profile import ProfielRegels
    from vroegsignalering.ui.resultaten import Resultaat

    resultaat = Resultaat(gpkg)
    seconden = []
    for run in range(runs):
        begin = time.perf_counter()
        resultaat.herweeg(ProfielRegels(gewichten={"uitstraling": 0.0 if run % 2 else 1.0}))
        seconden.append(time.perf_counter() - begin)
    return len(resultaat.frames["grid"]), statistics.median(seconden)


STAPPEN = ("floor", "land", "import", "gemeente", "uitstraling", "native", "herweging")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "bench"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stappen", default=",".join(STAPPEN),
                        help=f"the cases to time again, comma separated (default all: {','.join(STAPPEN)}); the "
                             "others keep their last figures")
    args = parser.parse_args()
    stappen = [stap.strip() for stap in args.stappen.split(",") if stap.strip()]
    onbekend = sorted(set(stappen) - set(STAPPEN))
    if onbekend:
        raise SystemExit(f"unknown case(s): {', '.join(onbekend)}; choose from {', '.join(STAPPEN)}")
    uit = Path(args.out).resolve()
    uit.mkdir(parents=True, exist_ok=True)
    if QGIS_PROCESS is None:
        raise SystemExit("qgis_process not found: run 'make setup' first")
    import nationaal

    if not (uit / "grids.csv").exists() or not (uit / "buurten.gpkg").exists():
        nationaal.maak(uit)
    csv, buurten = uit / "grids.csv", uit / "buurten.gpkg"
    env = omgeving(uit)
    werk = uit / "runs"
    werk.mkdir(exist_ok=True)
    opslag = uit / "resultaten.json"
    rijen = json.loads(opslag.read_text()) if opslag.exists() else {}

    def regel(stap, naam, seconden, mib, opmerking="", stadia=None, runs=None, alle=None):
        rijen[stap] = {"naam": naam, "s": seconden, "mib": mib, "opmerking": opmerking, "stadia": stadia or {},
                       "runs": runs or args.runs, "datum": time.strftime("%Y-%m-%d"), "alle": alle or []}
        opslag.write_text(json.dumps(rijen, indent=1))
        print(f"{naam}: {seconden:.1f} s, {mib:.0f} MiB {opmerking}", flush=True)
        for stadium, sec in (stadia or {}).items():
            print(f"    {stadium}: {sec:.1f} s")

    def analyse(gemeenten=None, scores=csv, naam="land"):
        extra = {"GEMEENTEN": gemeenten} if gemeenten else {}
        gpkg = werk / f"{naam}.gpkg"
        gpkg.unlink(missing_ok=True)
        return qgis_process(env, "vroegsignalering:vroegsignalering", SCORES=scores, BUURTEN=buurten,
                            OUTPUT_BUURT=f"ogr:dbname='{gpkg}' table=\"risicoprofiel_buurt\" (geom)",
                            OUTPUT_GRID=f"ogr:dbname='{gpkg}' table=\"risicoprofiel_grid\" (geom)", **extra)

    scores_gpkg = werk / "scores.gpkg"
    blok_gpkg = werk / "blok.gpkg"
    if "floor" in stappen:
        gemeten = herhaal(args.runs, lambda: qgis_process(env, "native:centroids", INPUT=buurten,
                                                          OUTPUT=werk / "leeg.gpkg"))
        regel("floor", "qgis_process start + native:centroids on the buurten (the floor)", *gemeten[:2],
              alle=gemeten[3])
    if "land" in stappen:
        gemeten = herhaal(args.runs, analyse)
        regel("land", "complete analysis, the country (CSV to one GeoPackage, both levels)", *gemeten[:2],
              stadia=stappen_van(gemeten[2]), alle=gemeten[3])
    if "import" in stappen or not scores_gpkg.exists():
        gemeten = qgis_process(env, "vroegsignalering:importscores", SCORES=csv, OUTPUT=scores_gpkg)
        regel("import", "importscores, the country (CSV to GeoPackage, once a year)", *gemeten[:2], runs=1)
    if "gemeente" in stappen:
        gemeten = herhaal(args.runs, lambda: analyse(GEMEENTE, csv, "gemeente_csv"))
        regel("gemeente_csv", f"one gemeente ({GEMEENTE}) from the national CSV", *gemeten[:2], alle=gemeten[3])
        gemeten = herhaal(args.runs, lambda: analyse(GEMEENTE, scores_gpkg, "gemeente"))
        regel("gemeente", f"one gemeente ({GEMEENTE}) from the national GeoPackage", *gemeten[:2],
              stadia=stappen_van(gemeten[2]), alle=gemeten[3])
    if "uitstraling" in stappen or "native" in stappen:
        cellen = blok(scores_gpkg, blok_gpkg)
        laag = f"{blok_gpkg}|layername=blok"
    if "uitstraling" in stappen:
        gemeten = herhaal(args.runs, lambda: qgis_process(env, "vroegsignalering:uitstraling", INPUT=laag,
                                                          STRAAL=300, OUTPUT=werk / "uitstraling.gpkg"))
        regel("uitstraling", f"uitstraling, {cellen:,} cells of a 100 x 130 km block", *gemeten[:2],
              alle=gemeten[3])
    if "native" in stappen:
        def native():
            a = qgis_process(env, "native:centroids", INPUT=laag, OUTPUT=werk / "centroids.gpkg")
            b = qgis_process(env, "native:buffer", INPUT=werk / "centroids.gpkg", DISTANCE=300, SEGMENTS=8,
                             OUTPUT=werk / "buffers.gpkg")
            c = qgis_process(env, "qgis:joinbylocationsummary", INPUT=werk / "buffers.gpkg",
                             JOIN=werk / "centroids.gpkg", PREDICATE=0, JOIN_FIELDS="afw", SUMMARIES=6,
                             OUTPUT=werk / "summary.gpkg")
            return a[0] + b[0] + c[0], max(a[1], b[1], c[1]), ""
        gemeten = herhaal(1, native)
        regel("native", "the same cells, QGIS-native (centroids, 300 m buffers, join by location summary)",
              *gemeten[:2], runs=1)
    if "uitstraling" in rijen and "native" in rijen:
        verhouding = rijen["native"]["s"] / rijen["uitstraling"]["s"]
        rijen["native"]["opmerking"] = f"uitstraling {verhouding:.1f}x faster"
        opslag.write_text(json.dumps(rijen, indent=1))
        print(f"uitstraling against the QGIS-native way: {verhouding:.1f}x")
    if "herweging" in stappen:
        cellen_land, seconden = herweging(werk / "land.gpkg")
        regel("herweging_land", f"re-weighting in the panel, the country ({cellen_land:,} cells)", seconden, 0,
              runs=5)
        cellen_gem, seconden = herweging(werk / "gemeente.gpkg")
        regel("herweging_gemeente", f"re-weighting in the panel, one gemeente ({cellen_gem:,} cells)", seconden, 0,
              runs=5)
    tabel(uit, rijen, env)


def tabel(uit, rijen, env):
    """The Markdown table of every case's last figures (resultaten.md), printed too."""
    import numpy
    import pandas
    from osgeo import gdal

    versie = subprocess.run([QGIS_PROCESS, "--version"], capture_output=True, text=True, env=env).stdout
    geheugen = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, {geheugen:.0f} GiB RAM, Python "
               f"{platform.python_version()}, numpy "
               f"{numpy.__version__}, pandas {pandas.__version__}, GDAL {gdal.__version__}, "
               f"{' '.join(versie.split()[:3])}")
    regels = [f"{machine}; median of the runs given, peak RSS of the qgis_process run.", "",
              "| case | wall | runs from .. to | peak memory | runs | measured | |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    for stap in ("floor", "land", "import", "gemeente_csv", "gemeente", "uitstraling", "native", "herweging_land",
                 "herweging_gemeente"):
        if stap in rijen:
            r = rijen[stap]
            geheugen = f"{r['mib']:,.0f} MiB" if r["mib"] else ""
            spreiding = f"{min(r['alle']):.1f} .. {max(r['alle']):.1f} s" if len(r.get("alle", [])) > 1 else ""
            regels.append(f"| {r['naam']} | {r['s']:.1f} s | {spreiding} | {geheugen} | {r['runs']} | {r['datum']} | "
                          f"{r['opmerking']} |")
    for stap in ("land", "gemeente"):
        if stap in rijen and rijen[stap]["stadia"]:
            regels += ["", f"Stages of '{rijen[stap]['naam']}' (the algorithm's 'Duration' line, last run):", ""]
            regels += [f"{'  ' if naam.endswith(('(grid)', '(buurt)')) else ''}- {naam.strip()}: {sec:.1f} s"
                       for naam, sec in rijen[stap]["stadia"].items()]  # a mechanism within its stage
    (uit / "resultaten.md").write_text("\n".join(regels) + "\n", encoding="utf-8")
    print("\n" + "\n".join(regels))


if __name__ == "__main__":
    main()
