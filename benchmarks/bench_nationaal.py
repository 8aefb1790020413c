"""The national benchmark (issue 11): every case through ``qgis_process``, as an analyst's script runs it.

Builds the national input once (``nationaal.py``: 12,147 real buurt polygons, 400,000 simulated
cells x 9 years in the official CSV format), then times, each over ``--runs`` runs (median, and
the peak memory of the process):

1. the complete analysis of the country, CSV to one GeoPackage with both outputs (the stages
   from the algorithm's own 'Duur' line);
2. ``importscores`` of the national CSV to a GeoPackage, once (what an analyst does once a year);
3. one gemeente (Lelystad, GM0995) from the national CSV, and from that GeoPackage;
4. ``uitstraling`` on the cells of an 80 x 100 km block, against the QGIS-native way on the same
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
BLOK = (100_000, 420_000, 180_000, 520_000)  # 80 x 100 km of RD New (xmin, ymin, xmax, ymax): the Randstad
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
               QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(uit / "xdg"))
    (uit / "xdg").mkdir(mode=0o700, exist_ok=True)
    subprocess.run([QGIS_PROCESS, "plugins", "enable", "vroegsignalering"], env=env, check=True,
                   capture_output=True)
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
    """(median seconds, max peak MiB, last output) over runs."""
    metingen = [functie() for _ in range(runs)]
    return (statistics.median(m[0] for m in metingen), max(m[1] for m in metingen), metingen[-1][2])


def stappen(tekst):
    """The stages of the algorithm's 'Duur' (duration) line: {stage: seconds}."""
    regel = re.search(r"(?:Duur|Duration)[^:]*: (.+)", tekst)
    if not regel:
        return {}
    return {naam.strip(): float(s.replace(",", ".")) for naam, s in re.findall(r"([^;]+?) ([\d,.]+) s", regel.group(1))}


def blok(scores_gpkg, pad):
    """The cells of the block as their own GeoPackage (GDAL's spatial filter)."""
    from osgeo import gdal

    gdal.UseExceptions()
    if not pad.exists():
        gdal.VectorTranslate(str(pad), str(scores_gpkg), spatFilter=list(BLOK), layerName="blok",
                             format="GPKG")
    from osgeo import ogr

    return ogr.Open(str(pad)).GetLayer(0).GetFeatureCount()


def herweging(gpkg, runs=5):
    """Median seconds of the panel's re-weighting of a results GeoPackage (in this process)."""
    from headless import start_qgis

    from vroegsignalering.core.profile import ProfielRegels  # noqa: I001
    start_qgis()
    from vroegsignalering.ui.resultaten import Resultaat

    resultaat = Resultaat(gpkg)
    seconden = []
    for run in range(runs):
        begin = time.perf_counter()
        resultaat.herweeg(ProfielRegels(gewichten={"uitstraling": 0.0 if run % 2 else 1.0}))
        seconden.append(time.perf_counter() - begin)
    return len(resultaat.frames["grid"]), statistics.median(seconden)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "bench"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-native", action="store_true", help="leave out the QGIS-native comparison")
    args = parser.parse_args()
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
    shutil.rmtree(werk, ignore_errors=True)
    werk.mkdir()
    rijen = []

    def regel(naam, seconden, mib, opmerking=""):
        rijen.append((naam, seconden, mib, opmerking))
        print(f"{naam}: {seconden:.1f} s, {mib:.0f} MiB {opmerking}", flush=True)

    start = herhaal(args.runs, lambda: qgis_process(env, "native:centroids", INPUT=buurten,
                                                    OUTPUT=werk / "leeg.gpkg"))
    regel("qgis_process start + native:centroids on the buurten (floor)", start[0], start[1])

    def nationaal_run(gemeenten=None, scores=csv, naam="land"):
        extra = {"GEMEENTEN": gemeenten} if gemeenten else {}
        gpkg = werk / f"{naam}.gpkg"
        gpkg.unlink(missing_ok=True)
        return qgis_process(env, "vroegsignalering:vroegsignalering", SCORES=scores, BUURTEN=buurten,
                            OUTPUT_BUURT=f"ogr:dbname='{gpkg}' table=\"risicoprofiel_buurt\" (geom)",
                            OUTPUT_GRID=f"ogr:dbname='{gpkg}' table=\"risicoprofiel_grid\" (geom)", **extra)

    land = herhaal(args.runs, nationaal_run)
    regel("complete analysis, the country (CSV to GeoPackage)", land[0], land[1])
    for stap, seconden in stappen(land[2]).items():
        print(f"    {stap}: {seconden:.1f} s")
    scores_gpkg = werk / "scores.gpkg"
    imp = qgis_process(env, "vroegsignalering:importscores", SCORES=csv, OUTPUT=scores_gpkg)
    regel("importscores, the country (CSV to GeoPackage, once)", imp[0], imp[1])
    gem_csv = herhaal(args.runs, lambda: nationaal_run(GEMEENTE, csv, "gemeente_csv"))
    regel(f"one gemeente ({GEMEENTE}) from the national CSV", gem_csv[0], gem_csv[1])
    gem_gpkg = herhaal(args.runs, lambda: nationaal_run(GEMEENTE, scores_gpkg, "gemeente"))
    regel(f"one gemeente ({GEMEENTE}) from the national GeoPackage", gem_gpkg[0], gem_gpkg[1])
    for stap, seconden in stappen(gem_gpkg[2]).items():
        print(f"    {stap}: {seconden:.1f} s")

    cellen = blok(scores_gpkg, werk / "blok.gpkg")
    blok_gpkg = werk / "blok.gpkg"
    eigen = herhaal(args.runs, lambda: qgis_process(env, "vroegsignalering:uitstraling", INPUT=blok_gpkg,
                                                    STRAAL=300, OUTPUT=werk / "uitstraling.gpkg"))
    regel(f"uitstraling, {cellen:,} cells of an 80 x 100 km block", eigen[0], eigen[1])
    if not args.skip_native:
        def native():
            a = qgis_process(env, "native:centroids", INPUT=blok_gpkg, OUTPUT=werk / "centroids.gpkg")
            b = qgis_process(env, "native:buffer", INPUT=werk / "centroids.gpkg", DISTANCE=300, SEGMENTS=8,
                             OUTPUT=werk / "buffers.gpkg")
            c = qgis_process(env, "qgis:joinbylocationsummary", INPUT=werk / "buffers.gpkg",
                             JOIN=werk / "centroids.gpkg", PREDICATE=0, JOIN_FIELDS="afw", SUMMARIES=6,
                             OUTPUT=werk / "summary.gpkg")
            return a[0] + b[0] + c[0], max(a[1], b[1], c[1]), ""
        qgis = herhaal(1, native)
        regel("  the same, QGIS-native (centroids, 300 m buffers, join by location summary)", qgis[0], qgis[1],
              f"(uitstraling {qgis[0] / eigen[0]:.0f}x faster)")

    cellen_land, herweeg_land = herweging(werk / "land.gpkg")
    regel(f"re-weighting in the panel, the country ({cellen_land:,} cells)", herweeg_land, 0)
    cellen_gem, herweeg_gem = herweging(werk / "gemeente.gpkg")
    regel(f"re-weighting in the panel, one gemeente ({cellen_gem:,} cells)", herweeg_gem, 0)

    import numpy
    import pandas
    from osgeo import gdal

    machine = (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
               f"{platform.python_version()}, numpy {numpy.__version__}, pandas {pandas.__version__}, "
               f"GDAL {gdal.__version__}, {subprocess.run([QGIS_PROCESS, '--version'], capture_output=True, text=True, env=env).stdout.split(chr(10))[0]}")
    tabel = [f"Measured {time.strftime('%Y-%m-%d')}: {machine}; median of {args.runs} runs, peak RSS of the "
             "qgis_process run.", "", "| case | wall | peak memory | |", "| --- | --- | --- | --- |"]
    tabel += [f"| {naam} | {s:.1f} s | {f'{m:,.0f} MiB' if m else ''} | {o} |" for naam, s, m, o in rijen]
    (uit / "resultaten.md").write_text("\n".join(tabel) + "\n", encoding="utf-8")
    (uit / "stappen.json").write_text(json.dumps({"land": stappen(land[2]), "gemeente": stappen(gem_gpkg[2])}))
    print("\n" + "\n".join(tabel))


if __name__ == "__main__":
    main()
