"""The whole early-warning analysis for one analysis year: every mechanism, then the risk profile.

QGIS-free, so the all-in-one algorithm, the panel and the backtest run the
same steps. A mechanism whose input is absent (``MissingInputError``) is skipped
with its reason; the profile combines the mechanisms that ran.
"""

import importlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .mechanisms.base import MissingInputError, analysis_year
from .profile import ProfielRegels, buurt_aandeel_verhoogd, potentieel_kwetsbaar, risicoprofiel

MECHANISMEN = ("ontwikkeling", "omslagzone", "zwakkedeelgebieden", "dimensies", "uitstraling", "conjunctuur",
               "doorstroom", "nieuwbouwelders", "sloopelders", "concurrentiepositie")
ALLEEN_BUURT = {"zwakkedeelgebieden"}


@dataclass
class Uitkomst:
    """Per level (``'grid'``, ``'buurt'``): units' identity, mechanism columns and the profile."""

    jaar: int
    frames: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)
    overgeslagen: dict = field(default_factory=dict)  # (niveau, mechanism) -> reason


def mechanism_function(naam):
    return getattr(importlib.import_module(f"{__package__}.mechanisms.{naam}"), naam)


def run_mechanisms(units, jaar, niveau, *, grenzen=None, instellingen=None, cellen=None, buren=None, sloop=None,
                   eigen=None):
    """(frame of all mechanism columns, notes, skipped) for one level.

    ``instellingen`` maps a mechanism to its keyword arguments; ``eigen`` maps
    an own indicator's name to its keyword arguments for ``eigenindicator``.
    """
    instellingen = instellingen or {}
    columns, notes, skipped = [], [], {}
    for naam in MECHANISMEN:
        if naam in ALLEEN_BUURT and (niveau != "buurt" or cellen is None):
            skipped[naam] = "alleen op buurtniveau met gridcellen"
            continue
        kwargs = dict(instellingen.get(naam, {}))
        kwargs["grenzen"] = grenzen
        if naam == "zwakkedeelgebieden":
            kwargs["cellen"] = cellen
        if naam == "uitstraling" and niveau == "buurt" and buren is not None:
            kwargs["buren"] = buren
        if naam == "sloopelders":
            kwargs["sloop"] = sloop
        try:
            result = mechanism_function(naam)(units, jaar=jaar, **kwargs)
        except MissingInputError as reason:
            skipped[naam] = str(reason)
            continue
        columns.append(result.frame)
        notes.extend(f"{naam} ({niveau}): {note}" for note in result.notes)
    for naam, kwargs in (eigen or {}).items():
        from .mechanisms.eigenindicator import eigenindicator

        result = eigenindicator(units, naam=naam, **kwargs)
        columns.append(result.frame)
        notes.extend(f"{naam} ({niveau}): {note}" for note in result.notes)
    frame = pd.concat(columns, axis=1) if columns else pd.DataFrame(index=units.index)
    return frame, notes, skipped


def identity(units, jaar):
    """code, naam, gemeente (and buurtcode of cells), with jaar, afw and klasse of the analysis year."""
    keep = [c for c in ("code", "naam", "gemeente", "buurtcode") if c in units.columns]
    out = units[keep].copy()
    out["jaar"] = jaar
    out["afw"] = pd.to_numeric(units[f"afw_{jaar}"], errors="coerce") if f"afw_{jaar}" in units else np.nan
    klasse = units[f"klasse_{jaar}"] if f"klasse_{jaar}" in units else pd.Series(pd.NA, index=units.index)
    out["klasse"] = pd.to_numeric(klasse, errors="coerce").astype("Int64")
    return out


def analyse(buurten=None, cellen=None, jaar=None, *, grenzen=None, regels=None, instellingen=None, buren=None,
            sloop=None, eigen=None):
    """Everything for analysis year ``jaar`` at both levels; only measurements up to ``jaar`` are used."""
    regels = regels or ProfielRegels()
    reference = buurten if buurten is not None else cellen
    jaar = analysis_year(reference, jaar)
    uitkomst = Uitkomst(jaar)
    levels = (("grid", cellen, {}), ("buurt", buurten, {"cellen": cellen, "buren": buren}))
    for niveau, units, extra in levels:
        if units is None:
            continue
        mechanismen, notes, skipped = run_mechanisms(
            units, jaar, niveau, grenzen=grenzen, instellingen=instellingen, sloop=sloop, eigen=eigen, **extra)
        profiel = risicoprofiel(units, mechanismen, jaar, regels, grenzen)
        uitkomst.frames[niveau] = pd.concat([identity(units, jaar), profiel, mechanismen], axis=1)
        uitkomst.notes.extend(notes)
        uitkomst.overgeslagen.update({(niveau, naam): reason for naam, reason in skipped.items()})
    if "buurt" in uitkomst.frames:
        buurt = uitkomst.frames["buurt"]
        aandeel = None
        if "grid" in uitkomst.frames and "buurtcode" in uitkomst.frames["grid"]:
            grid = uitkomst.frames["grid"]
            aandeel = buurt_aandeel_verhoogd(grid, grid["buurtcode"], buurt["code"])
            buurt["aandeel_cellen_verhoogd"] = aandeel
        buurt["potentieel_kwetsbaar"] = potentieel_kwetsbaar(buurt, aandeel)
    return uitkomst
