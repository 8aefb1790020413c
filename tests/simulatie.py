"""Independent simulator of Leefbaarometer 3.0 history for two fictional neighbouring gemeenten.

What this is for
----------------
A test bed the plugin was not tuned on: two invented gemeenten, GM9901 "Noordhoven" (north) and
GM9902 "Zuidmeer" (south), sharing an irregular border inside the Dutch RD extent, with buurt
polygons, built-up 100 m cells and a score history 2002-2024 in the official open-data formats.
All data here are SIMULATED; nothing is real except the formats and the class cut points.

Geometry
--------
A jittered lattice of ~600 m blocks with wobbly edges; blocks are merged into buurten (1-3 blocks in
town, 3-5 in the countryside), grouped into wijken, and split between the two gemeenten along a
stepped border. Each gemeente has a centre; distance from it sets the buurt type (old centre,
pre-war, post-war rental estates in one sector, 1970s/80s 'bloemkool', 1990s suburbs, countryside
with villages, a business park) and three new-build buurten appear in 2008 or 2014. Built-up cells
cover most of each residential buurt except smooth 'green' patches; the countryside has villages and
scattered farms; one business park has a few dwellings, the other none. About 120 buurten and
6,300 cells in all.

History (yearly latent state, observed at the measurement years)
----------------------------------------------------------------
Each cell has five dimension scores (fys, onv, soc, vrz, won) that start from its type's level plus
a correlated 'social status' (buurt effect + smooth spatial field + cell effect), so weak cells
cluster in post-war estates. The overall level is calibrated (pilot runs with the same random
numbers) so that 9-12 % of the cells are below 'voldoende' in 2016. Every year the state changes
through processes a domain expert would name, none of them written for any particular detection rule:

- a slow common trend (the country improves against the fixed reference) and a small random walk;
- the 2008-2012 crisis: a dip, mostly in housing (won) and cohesion, stronger in economically
  sensitive buurten (low status, rental, starters), followed by a partial recovery 2013-2019;
- decline episodes ('neergang') in whole buurten or parts of them, at a random onset year
  2008-2020, more likely where status is low: gradual, first nuisance/safety (onv) and cohesion
  (soc), housing (won) following a few years later; they ignore buurt boundaries at the edges;
- contagion ('uitstraling'): cells that are still 'voldoende' next to weak cells lose a little onv
  and soc each year, in random bursts, so weak areas creep outward;
- random shocks: a problem complex (onv/soc, partly transient), a closed facility (vrz, lasting),
  neglect of a housing complex (fys/won) hitting small clusters of cells;
- urban renewal ('herstructurering') of some weak estates: improvement over several years after
  a short dip, and displaced households moving into weaker buurten nearby;
- new-build areas that draw middle-income households away from older buurten in their gemeente;
- ageing buurten where the turnover of dwellings lowers cohesion when the buurt is weak.

Observed scores add measurement noise per dimension; afw is the sum of the five written
dimensions and lbm = 4.0456 + afw, as in the 2024 release. 2002 has no dimension scores. Buurt
scores are the mean of their cells plus a small buurt offset and noise; buurten without cells get
their own series. Decline 2016->2024 is thus partly visible by 2016 (episodes under way, weak
neighbours, closeness to the class boundary, weak onv/soc) and partly not (onsets and shocks after
2016, noise). With the default seed about 4-5 % of the cells that are 'voldoende' or better in 2016
are 'zwak' or lower in 2024; over other seeds this base rate ranges from about 2.5 to 6 %.

Usage: ``python tests/simulatie.py OUT_DIR [--seed N]``; from code, ``maak_twee_gemeenten(out_dir, seed)``.
Needs numpy, pandas and GDAL's Python bindings (osgeo.ogr/osr); no QGIS.
"""

import argparse
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from osgeo import ogr, osr

ogr.UseExceptions()

# --- formats and classes (Leefbaarometer 3.0, release 2024) -------------------------------------
JAREN = (2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024)
JAAR_ZONDER_DIMENSIES = 2002
EERSTE_JAAR, LAATSTE_JAAR = JAREN[0], JAREN[-1]
DIMENSIES = ("fys", "onv", "soc", "vrz", "won")
LBM_CONSTANTE = 4.0456
KLASSE_ONDERGRENZEN = (-0.4283, -0.3538, -0.2815, -0.16405, -0.10297, 0.010146, 0.089545, 0.16796)  # classes 2..9
GRENS_VOLDOENDE = KLASSE_ONDERGRENZEN[3]  # class 5 'voldoende' from here; below is 4 'zwak' or lower
DECIMALEN = 6
BUURTEN_CSV = "Leefbaarometer-scores buurten 2002-2024.csv"
GRIDS_CSV = "Leefbaarometer-scores grids 2002-2024.csv"
GPKG = "buurten.gpkg"
LAAG = "buurten"
EPSG_RD = 28992

# --- geometry -----------------------------------------------------------------------------------
GEMEENTEN = (("GM9901", "Noordhoven"), ("GM9902", "Zuidmeer"))  # north, south
X0, Y0 = 152_000.0, 483_000.0  # south-west corner of the block lattice (RD metres)
BLOK = 600.0  # block size (m)
N_KOLOMMEN, N_RIJEN = 20, 12
HOEK_JITTER = 0.17  # lattice corner jitter, fraction of BLOK
MIDDEN_JITTER = 0.12  # edge midpoint jitter across the edge, fraction of BLOK
GRENS_RIJ = 6  # mean row of the gemeente border (rows below belong to the southern gemeente)
CENTRA = ((6.0, 9.0), (14.0, 2.5))  # centre of each gemeente in block units (column, row)
CEL = 100  # grid cell size (m)
AANDEEL_BUITENGEBIED = 0.20  # farthest share of a gemeente's blocks that is countryside
STADSBUURT_GROOTTE = ((1, 2, 3), (0.20, 0.50, 0.30))  # blocks per town buurt and their chances
BUITEN_GROOTTE = ((3, 4, 5), (0.30, 0.40, 0.30))
DEKKING = {"centrum": 0.95, "nieuwbouw": 0.85}  # built-up share of a buurt's cells; others below
DEKKING_STAD = 0.88
DEKKING_BEDRIJVEN = 0.08  # dwellings on the southern business park; the northern one has none
KANS_DORP = 0.6  # chance that a countryside buurt holds a village
DORP_STRAAL = (180, 330)  # village radius (m)
KANS_BOERDERIJ = 0.035  # chance that a countryside cell outside a village is built (farm, ribbon)
NIEUWBOUW = ((0, 2008), (0, 2014), (1, 2014))  # (gemeente index, first year)

# --- levels: type means per dimension (fys, onv, soc, vrz, won) around 2016 -----------------------
NIVEAU = {
    "centrum": (-0.015, -0.050, -0.040, 0.170, -0.015),
    "vooroorlogs": (0.000, -0.020, -0.015, 0.075, -0.005),
    "naoorlogs": (-0.015, -0.045, -0.045, 0.030, -0.045),
    "bloemkool": (0.010, 0.040, 0.030, -0.040, 0.020),
    "jaren90": (0.015, 0.060, 0.045, -0.050, 0.050),
    "nieuwbouw": (0.020, 0.065, 0.045, -0.060, 0.080),
    "dorp": (0.020, 0.090, 0.075, -0.110, 0.040),
    "landelijk": (0.030, 0.105, 0.085, -0.190, 0.040),
    "bedrijven": (-0.030, -0.030, -0.035, 0.000, -0.030),
}
STATUS_LADING = np.array([0.006, 0.035, 0.030, -0.010, 0.030])  # dims per unit of social status
SD_STATUS_BUURT, SD_STATUS_VELD, SD_STATUS_CEL = 0.65, 0.55, 0.30
STATUS_VELD_SIGMA = 4.0  # smoothness of the status field, in cells
SD_DIM_BUURT, SD_DIM_CEL = 0.012, 0.010  # independent buurt and cell effects per dimension
SD_VRZ_VELD = 0.02
AANDEEL_ZWAK_2016 = (0.09, 0.12)  # range of the share of cells below 'voldoende' in 2016 (calibrated)
KALIBRATIERONDES = 2
KALIBRATIE_DEMPING = 0.6  # the processes amplify a change of level (contagion), so correct by less

# --- dynamics (per year unless stated) ------------------------------------------------------------
TREND = np.array([0.0002, 0.0008, 0.0002, 0.0001, 0.0005])
SD_WANDELING = np.array([0.0020, 0.0020, 0.0020, 0.0010, 0.0020])
SD_METING = 0.006  # measurement noise per dimension per measurement
SD_METING_BUURT = 0.003  # buurt scores rest on more data
SD_BUURT_AFWIJKING = 0.004  # lasting difference between a buurt's score and the mean of its cells
CRISIS_JAREN, HERSTEL_JAREN = range(2009, 2013), range(2013, 2020)
CRISIS_PER_JAAR = 0.006
CRISIS_VERDELING = np.array([0.0, 0.2, 0.2, 0.1, 0.5])
HERSTEL_DEEL = 0.6
CRISIS_STATUS = 0.4  # extra crisis sensitivity per unit of status below the median
CRISIS_TYPE = {"naoorlogs": 1.4, "vooroorlogs": 1.1, "centrum": 0.9, "bloemkool": 0.8, "jaren90": 1.0,
               "nieuwbouw": 1.2, "dorp": 0.6, "landelijk": 0.5, "bedrijven": 1.0}
NEERGANG_AANDEEL = 0.35  # share of eligible buurten with a decline episode (give or take two)
NEERGANG_STATUS = 0.5  # episode odds multiply by exp(0.5) per unit of status lower
NEERGANG_HELE_BUURT = 0.4  # chance that an episode takes the whole buurt rather than a patch
NEERGANG_STRAAL = (200, 450)  # radius of a patch (m); cells over the buurt boundary count half
NEERGANG_ONSET = (2008, 2020)
NEERGANG_DUUR = (5, 10)
NEERGANG_OMVANG = (np.log(0.11), 0.5)  # lognormal total afw loss of an episode (log mean, log sd)
NEERGANG_VERDELING = np.array([0.10, 0.40, 0.30, 0.0, 0.20])
NEERGANG_WON_VERTRAGING = (2, 4)
NEERGANG_TYPE = {"naoorlogs": 2.0, "vooroorlogs": 1.5, "bloemkool": 1.2, "centrum": 1.0, "jaren90": 0.5,
                 "nieuwbouw": 0.3, "dorp": 0.4}
UITSTRALING = 0.004  # onv loss per year at a weak share of 1 in the neighbourhood (soc 0.6x, won 0.4x)
UITSTRALING_STRAAL = 2  # cells either side (5 x 5 window)
SCHOKKEN_PER_JAAR = 2.0
SCHOK_SOORTEN = ("overlast", "voorziening", "verloedering")
SCHOK_KANSEN = (0.5, 0.3, 0.2)
SCHOK_STATUS = 0.7  # shocks land more often where status is low
HERSTRUCTURERING_AANTAL = (3, 5)
HERSTRUCTURERING_START = (2004, 2018)
HERSTRUCTURERING_WINST = np.array([0.030, 0.030, 0.020, 0.0, 0.060])  # over the programme
HERSTRUCTURERING_DUUR = 8
HERSTRUCTURERING_DIP = np.array([-0.010, -0.010, -0.015, 0.0, 0.0])  # demolition and vacancy, undone later
VERDRINGING_STRAAL = 2500.0
VERDRINGING_VERLIES = np.array([0.0, 0.012, 0.010, 0.0, 0.0])  # over four years
NIEUWBOUW_TREK = np.array([0.0, 0.0, 0.008, 0.0, 0.008])  # over six years, older buurten
NIEUWBOUW_RIJPING = np.array([0.02, 0.0, 0.01, 0.04, 0.0])  # the new area fills up: greenery, shops
VERGRIJZING_KANS = 0.3
VERGRIJZING_VERLIES = np.array([0.0, 0.016, 0.024, 0.0, 0.0])  # over eight years

BUURTEN_PER_WIJK = 7
NAMEN = {
    "centrum": ["Binnenstad", "Marktkwartier", "Havenkwartier, Oost", "Kerkbuurt", "Stationsbuurt", "Oude Haven",
                "Vestingkwartier"],
    "vooroorlogs": ["Schildersbuurt", "Zeeheldenbuurt", "Bomenbuurt", "Spoorbuurt", "Oranjebuurt", "Parkbuurt",
                    "Het Prieël", "Transvaalbuurt", "Indische buurt", "Burgemeesterswijk", "Tuindorp",
                    "Lanenkwartier"],
    "naoorlogs": ["Bloemenbuurt", "Vogelbuurt", "Planetenbuurt", "Rivierenbuurt", "Componistenbuurt",
                  "Sterrenbuurt", "Edelstenenbuurt", "Vruchtenbuurt", "Dichtersbuurt", "Kruidenbuurt",
                  "Eilandenbuurt", "Provinciebuurt"],
    "bloemkool": ["De Akkers", "De Hoven", "Het Ven", "De Gaarden", "Molenhoek", "De Kamp", "Het Hoogeland",
                  "De Beemden", "Rietvelden", "De Horsten", "Het Kleine Veld", "De Weiden", "Kloosterhof",
                  "De Bongerd", "Het Broek", "De Hofstede", "Esdonk", "De Wielen", "Slotenhoek", "Het Want"],
    "jaren90": ["Waterrijk", "De Velden", "Meerzicht", "De Landerijen", "Het Lint", "De Brink", "Zonnehoek",
                "De Kreken"],
    "nieuwbouw": ["Nieuw Zuid", "De Tuinen", "Kavels Oost"],
    "bedrijven": ["Bedrijventerrein De Vaart", "Industrieterrein Zuid"],
    "dorp": ["Oosterend", "Westerbroek", "Kerkdorp", "Hoogeveld", "Ter Horst", "Lagebroek"],
}
RICHTINGEN = ("Oost", "Noordoost", "Noord", "Noordwest", "West", "Zuidwest", "Zuid", "Zuidoost")


@dataclass
class Buurt:
    gemeente: int
    blokken: list
    soort: str
    startjaar: int = EERSTE_JAAR
    code: str = ""
    naam: str = ""
    wijkcode: str = ""
    status: float = 0.0
    centrum: tuple = (0.0, 0.0)
    dorp: bool = False  # a countryside buurt with a village
    geometrie: object = None
    cellen: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))


# --- geometry -------------------------------------------------------------------------------------

def _rooster(rng):
    """Blocks of a jittered lattice with wobbly edges: {(column, row): (8, 2) ring}, shared edges exact."""
    ii, jj = np.meshgrid(np.arange(N_KOLOMMEN + 1), np.arange(N_RIJEN + 1), indexing="ij")
    vx = X0 + BLOK * (ii + rng.uniform(-HOEK_JITTER, HOEK_JITTER, ii.shape))
    vy = Y0 + BLOK * (jj + rng.uniform(-HOEK_JITTER, HOEK_JITTER, jj.shape))
    # midpoints of horizontal edges (i,j)-(i+1,j), pushed up or down; of vertical edges, left or right
    hx = (vx[:-1, :] + vx[1:, :]) / 2
    hy = (vy[:-1, :] + vy[1:, :]) / 2 + BLOK * rng.uniform(-MIDDEN_JITTER, MIDDEN_JITTER, hx.shape)
    kx = (vx[:, :-1] + vx[:, 1:]) / 2 + BLOK * rng.uniform(-MIDDEN_JITTER, MIDDEN_JITTER, (N_KOLOMMEN + 1, N_RIJEN))
    ky = (vy[:, :-1] + vy[:, 1:]) / 2
    blokken = {}
    for i in range(N_KOLOMMEN):
        for j in range(N_RIJEN):
            ring = [(vx[i, j], vy[i, j]), (hx[i, j], hy[i, j]), (vx[i + 1, j], vy[i + 1, j]),
                    (kx[i + 1, j], ky[i + 1, j]), (vx[i + 1, j + 1], vy[i + 1, j + 1]),
                    (hx[i, j + 1], hy[i, j + 1]), (vx[i, j + 1], vy[i, j + 1]), (kx[i, j], ky[i, j])]
            blokken[(i, j)] = np.round(np.array(ring), 1)
    return blokken


def _gemeente_per_blok(rng):
    """0 = north (GM9901), 1 = south (GM9902); the border steps up or down a block here and there."""
    grens = GRENS_RIJ + rng.choice([-1, 0, 1], N_KOLOMMEN, p=[0.25, 0.5, 0.25])
    return {(i, j): int(j < grens[i]) for i in range(N_KOLOMMEN) for j in range(N_RIJEN)}


def _buren(blok):
    i, j = blok
    return [(i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)]


def _centrum_xy(gemeente):
    kolom, rij = CENTRA[gemeente]
    return X0 + BLOK * (kolom + 0.5), Y0 + BLOK * (rij + 0.5)


def _afstand(punt, gemeente, richting):
    """Eccentric distance to the gemeente centre (m) and the angle, so rings are not circles."""
    cx, cy = _centrum_xy(gemeente)
    dx, dy = punt[0] - cx, punt[1] - cy
    hoek = np.arctan2(dy, dx)
    return np.hypot(dx, dy) * (1 + 0.25 * np.cos(hoek - richting)), hoek


def _groei(rng, start, vrij, grootte):
    """A contiguous group of up to `grootte` free blocks starting from `start`."""
    groep = [start]
    vrij.discard(start)
    while len(groep) < grootte:
        kandidaten = sorted({b for g in groep for b in _buren(g) if b in vrij})
        if not kandidaten:
            break
        nieuw = kandidaten[rng.integers(len(kandidaten))]
        groep.append(nieuw)
        vrij.discard(nieuw)
    return groep


def _verdeel_in_buurten(rng, blokken, gemeente_van):
    """Merge blocks into buurten per gemeente: new build and a business park first, then town and countryside."""
    buurten = []
    for gm in (0, 1):
        eigen = sorted(b for b in blokken if gemeente_van[b] == gm)
        richting = rng.uniform(-np.pi, np.pi)  # the rings around the centre are stretched this way
        midden = {b: blokken[b].mean(axis=0) for b in eigen}
        volgorde = sorted(eigen, key=lambda b: _afstand(midden[b], gm, richting)[0])
        rang = {b: k / len(eigen) for k, b in enumerate(volgorde)}
        buiten = {b for b in eigen if rang[b] >= 1 - AANDEEL_BUITENGEBIED}
        stad = set(eigen) - buiten
        eigen_buurten = []
        for jaar in [jaar for g, jaar in NIEUWBOUW if g == gm]:  # on former countryside at the edge of town
            rand = sorted((b for b in buiten if any(n in stad for n in _buren(b))), key=rang.get)
            start = rand[rng.integers(min(4, len(rand)))]
            eigen_buurten.append(Buurt(gm, _groei(rng, start, buiten, 2), "nieuwbouw", startjaar=jaar))
        kandidaten = [b for b in sorted(stad) if 0.60 <= rang[b] < 0.78]  # business park in the outer town
        start = kandidaten[rng.integers(len(kandidaten))]
        eigen_buurten.append(Buurt(gm, _groei(rng, start, stad, int(rng.integers(2, 4))), "bedrijven"))
        for start in [volgorde[k] for k in rng.permutation(len(volgorde))]:
            if start in buiten:
                grootte = rng.choice(BUITEN_GROOTTE[0], p=BUITEN_GROOTTE[1])
                eigen_buurten.append(Buurt(gm, _groei(rng, start, buiten, grootte), "landelijk"))
            elif start in stad:
                grootte = rng.choice(STADSBUURT_GROOTTE[0], p=STADSBUURT_GROOTTE[1])
                eigen_buurten.append(Buurt(gm, _groei(rng, start, stad, grootte), "stad"))
        for b in eigen_buurten:
            b.centrum = tuple(np.mean([midden[k] for k in b.blokken], axis=0))
        _typeer_stad(rng, [b for b in eigen_buurten if b.soort == "stad"], gm, richting)
        buurten += eigen_buurten
    return buurten


def _typeer_stad(rng, stadsbuurten, gemeente, richting):
    """Town buurt types by ring: old centre, pre-war, post-war estates in one sector (else 1970s/80s), 1990s."""
    sector = rng.uniform(-np.pi, np.pi)  # direction of the post-war expansion
    afstanden = [_afstand(b.centrum, gemeente, richting) for b in stadsbuurten]
    orde = np.argsort([a[0] for a in afstanden], kind="stable")
    for k, idx in enumerate(orde):
        ring, hoek = k / len(orde), afstanden[idx][1]
        if ring < 0.07:
            soort = "centrum"
        elif ring < 0.30:
            soort = "vooroorlogs"
        elif ring < 0.70:
            soort = "naoorlogs" if np.cos(hoek - sector) > -0.2 else "bloemkool"
        elif ring < 0.86:
            soort = "bloemkool"
        else:
            soort = "jaren90"
        stadsbuurten[idx].soort = soort


def _geometrie(blokken, buurt):
    """The buurt's MultiPolygon: the union of its blocks."""
    vlak = None
    for blok in buurt.blokken:
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in blokken[blok]:
            ring.AddPoint_2D(float(x), float(y))
        ring.CloseRings()
        poly = ogr.Geometry(ogr.wkbPolygon)
        poly.AddGeometry(ring)
        vlak = poly if vlak is None else vlak.Union(poly)
    return ogr.ForceToMultiPolygon(vlak)


def _wijken(punten, midden, n_wijken, rondes=10):
    """Wijk index per buurt centre: k-means from farthest-point seeds; wijk 0 holds the centre."""
    zaden = [int(np.argmin(np.hypot(*(punten - midden).T)))]
    while len(zaden) < n_wijken:
        d = np.min([np.hypot(*(punten - punten[z]).T) for z in zaden], axis=0)
        zaden.append(int(np.argmax(d)))
    kernen = punten[zaden]
    for _ in range(rondes):
        wijk = np.array([np.hypot(*(punten - k).T) for k in kernen]).argmin(axis=0)
        kernen = np.array([punten[wijk == w].mean(axis=0) if (wijk == w).any() else kernen[w]
                           for w in range(n_wijken)])
    volgorde = np.argsort(np.hypot(*(kernen - midden).T), kind="stable")
    nieuw = np.empty(n_wijken, dtype=int)
    nieuw[volgorde] = np.arange(n_wijken)
    return nieuw[wijk], kernen[volgorde]


def _codes_en_namen(rng, buurten):
    """Wijken as clusters of buurt centres; CBS-style codes (BU + gemeente + wijk + buurt); names per type."""
    for gm, (gm_code, _) in enumerate(GEMEENTEN):
        eigen = [b for b in buurten if b.gemeente == gm]
        punten = np.array([b.centrum for b in eigen])
        midden = np.array(_centrum_xy(gm))
        wijk, kernen = _wijken(punten, midden, max(3, round(len(eigen) / BUURTEN_PER_WIJK)))
        voorraad = {s: list(rng.permutation(n)) for s, n in NAMEN.items()}
        gebruikt = set()
        for w in range(len(kernen)):
            leden = sorted(np.flatnonzero(wijk == w), key=lambda k, w=w: np.hypot(*(punten[k] - kernen[w])))
            for nr, k in enumerate(leden, start=1):
                b = eigen[k]
                b.wijkcode = f"WK{gm_code[2:]}{w:02d}"
                b.code = f"BU{gm_code[2:]}{w:02d}{nr:02d}"
                b.naam = _naam(rng, b, voorraad, gebruikt, midden)


def _naam(rng, buurt, voorraad, gebruikt, midden):
    """A name from the type's list; when that runs out, a used one with a compass suffix."""
    soort = "dorp" if buurt.dorp else buurt.soort
    hoek = np.arctan2(buurt.centrum[1] - midden[1], buurt.centrum[0] - midden[0])
    richting = RICHTINGEN[int(round(hoek / (np.pi / 4))) % 8]
    if soort == "landelijk":
        basis = "Buitengebied " + richting
    elif voorraad[soort]:
        basis = voorraad[soort].pop()
    else:
        basis = f"{NAMEN[soort][rng.integers(len(NAMEN[soort]))]}-{richting}"
    naam, k = basis, 1
    while naam in gebruikt:
        k += 1
        naam = f"{basis} {k}"
    gebruikt.add(naam)
    return naam


def _in_veelhoek(px, py, ring):
    """Even-odd point-in-polygon test for many points against one simple ring."""
    binnen = np.zeros(px.shape, dtype=bool)
    x1, y1 = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
    for a, b, c, e in zip(x1, y1, x2, y2):
        kruist = (b > py) != (e > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            xs = (c - a) * (py - b) / (e - b) + a
        binnen ^= kruist & (px < xs)
    return binnen


def _glad_veld(rng, vorm, sigma):
    """Smooth Gaussian random field with unit standard deviation (FFT filter of white noise)."""
    ruis = rng.standard_normal(vorm)
    fy = np.fft.fftfreq(vorm[0])[:, None]
    fx = np.fft.rfftfreq(vorm[1])[None, :]
    filt = np.exp(-2 * (np.pi * sigma) ** 2 * (fx**2 + fy**2))
    veld = np.fft.irfft2(np.fft.rfft2(ruis) * filt, s=vorm)
    return (veld - veld.mean()) / veld.std()


@dataclass
class Cellen:
    ix: np.ndarray  # column in the raster
    iy: np.ndarray  # row in the raster
    x: np.ndarray  # SW corner (RD m)
    y: np.ndarray
    buurt: np.ndarray  # index into the buurt list
    soort: np.ndarray  # type name
    startjaar: np.ndarray
    vorm: tuple  # raster shape (rows, columns)


def _buurt_per_cel(blokken, buurten):
    """Raster of buurt indices (-1 outside) by the centres of the 100 m cells, and its origin."""
    alle = np.concatenate(list(blokken.values()))
    rx0 = int(np.floor(alle[:, 0].min() / CEL) * CEL)
    ry0 = int(np.floor(alle[:, 1].min() / CEL) * CEL)
    nx = int(np.ceil((alle[:, 0].max() - rx0) / CEL))
    ny = int(np.ceil((alle[:, 1].max() - ry0) / CEL))
    gy, gx = np.mgrid[0:ny, 0:nx]
    px, py = rx0 + CEL * gx + CEL / 2, ry0 + CEL * gy + CEL / 2
    buurt_van = np.full((ny, nx), -1)
    for k, b in enumerate(buurten):
        for blok in b.blokken:
            ring = blokken[blok]
            sel = ((px >= ring[:, 0].min()) & (px <= ring[:, 0].max())
                   & (py >= ring[:, 1].min()) & (py <= ring[:, 1].max()))
            binnen = _in_veelhoek(px[sel], py[sel], ring)
            buurt_van.reshape(-1)[np.flatnonzero(sel.ravel())[binnen]] = k
    return buurt_van, px, py


def _maak_cellen(rng, blokken, buurten):
    """Built-up cells: cell centres inside a buurt, thinned by green patches; villages and farms outside town."""
    buurt_van, px, py = _buurt_per_cel(blokken, buurten)
    vorm = buurt_van.shape
    groen = _glad_veld(rng, vorm, 1.5)  # parks, water and sports fields where this is low
    soort = np.full(vorm, "", dtype=object)  # cell type; empty = not built-up
    for k, b in enumerate(buurten):
        in_b = buurt_van == k
        if not in_b.any():
            continue
        if b.soort == "landelijk":
            if rng.random() < KANS_DORP:
                kandidaten = np.flatnonzero(in_b.ravel())
                kern = kandidaten[rng.integers(kandidaten.size)]
                straal = rng.uniform(*DORP_STRAAL)
                dorp = in_b & (np.hypot(px - px.flat[kern], py - py.flat[kern]) <= straal)
                soort[dorp] = "dorp"
                b.dorp = True
            soort[in_b & (soort == "") & (rng.random(vorm) < KANS_BOERDERIJ)] = "landelijk"
        elif b.soort == "bedrijven":
            if b.gemeente == 1:  # a few dwellings on one corner of the southern business park
                soort[in_b & (groen >= np.quantile(groen[in_b], 1 - DEKKING_BEDRIJVEN))] = "bedrijven"
        else:
            dekking = DEKKING.get(b.soort, DEKKING_STAD)
            soort[in_b & (groen >= np.quantile(groen[in_b], 1 - dekking))] = b.soort
    iy, ix = np.nonzero(soort != "")
    rx0, ry0 = int(px[0, 0] - CEL / 2), int(py[0, 0] - CEL / 2)
    bu = buurt_van[iy, ix]
    cellen = Cellen(ix=ix, iy=iy, x=rx0 + CEL * ix, y=ry0 + CEL * iy, buurt=bu, soort=soort[iy, ix].astype(str),
                    startjaar=np.array([buurten[k].startjaar for k in bu]), vorm=vorm)
    for k, b in enumerate(buurten):
        b.cellen = np.flatnonzero(bu == k)
    return cellen


# --- levels ---------------------------------------------------------------------------------------

def _beginstand(rng, buurten, cellen):
    """Latent dimension scores (n, 5) around 2016 before any process, and each cell's social status."""
    n = cellen.x.size
    for b in buurten:
        b.status = rng.normal(0, SD_STATUS_BUURT)
    veld = _glad_veld(rng, cellen.vorm, STATUS_VELD_SIGMA)[cellen.iy, cellen.ix]
    status = (np.array([buurten[k].status for k in cellen.buurt]) + SD_STATUS_VELD * veld
              + SD_STATUS_CEL * rng.standard_normal(n))
    dim_buurt = rng.normal(0, SD_DIM_BUURT, (len(buurten), len(DIMENSIES)))
    niveau = np.array([NIVEAU[s] for s in cellen.soort])
    stand = (niveau + status[:, None] * STATUS_LADING + dim_buurt[cellen.buurt]
             + rng.normal(0, SD_DIM_CEL, (n, len(DIMENSIES))))
    stand[:, DIMENSIES.index("vrz")] += SD_VRZ_VELD * _glad_veld(rng, cellen.vorm, 3.0)[cellen.iy, cellen.ix]
    return stand, status


def _verschuiving(afw, aandeel):
    """Change of social status that puts `aandeel` of the cells below 'voldoende'."""
    return (GRENS_VOLDOENDE - np.quantile(afw, aandeel)) / STATUS_LADING.sum()


def _verschuif(buurten, stand, status, delta):
    for b in buurten:
        b.status += delta
    return stand + delta * STATUS_LADING, status + delta


# --- processes --------------------------------------------------------------------------------------

def _relatief(status):
    """Status relative to its median, so that processes do not depend on the calibrated level."""
    return status - np.nanmedian(status)


def _kern(cellen, midden, straal, afkap=2.5):
    """Gaussian weights of cells around a point, zero beyond afkap * straal."""
    d = np.hypot(cellen.x + CEL / 2 - midden[0], cellen.y + CEL / 2 - midden[1])
    return np.where(d <= afkap * straal, np.exp(-((d / straal) ** 2)), 0.0)


def _helling(t, start, duur):
    """Share of a linear change over [start, start + duur) that happens in year t."""
    return 1.0 / duur if start <= t < start + duur else 0.0


@dataclass
class Episode:
    """A gradual change: `totaal` (5 dims) spread over years, times per-cell weights."""

    gewicht: np.ndarray
    start: int
    duur: int
    totaal: np.ndarray
    vertraging: np.ndarray = field(default_factory=lambda: np.zeros(len(DIMENSIES), dtype=int))

    def jaardeel(self, t):
        deel = np.array([_helling(t, self.start + v, self.duur) for v in self.vertraging])
        return self.gewicht[:, None] * (deel * self.totaal)[None, :]


@dataclass
class Schok:
    """A step at year `jaar`; share `blijvend` persists, the rest halves every `halfwaarde` years."""

    gewicht: np.ndarray
    jaar: int
    effect: np.ndarray
    blijvend: float
    halfwaarde: float

    def bijdrage(self, t):
        if t < self.jaar:
            return None
        factor = self.blijvend + (1 - self.blijvend) * 0.5 ** ((t - self.jaar) / self.halfwaarde)
        return factor * self.gewicht[:, None] * self.effect[None, :]


def _neergang(rng, buurten, cellen):
    """Decline episodes at random onsets, more often where status is low; whole buurt or part of it."""
    episodes = []
    kandidaten = [k for k, b in enumerate(buurten) if b.soort in NEERGANG_TYPE and b.cellen.size >= 10]
    status = _relatief(np.array([buurten[k].status for k in kandidaten]))
    kans = np.array([NEERGANG_TYPE[buurten[k].soort] for k in kandidaten]) * np.exp(-NEERGANG_STATUS * status)
    aantal = min(len(kandidaten), max(0, round(NEERGANG_AANDEEL * len(kandidaten)) + int(rng.integers(-2, 3))))
    gekozen = rng.choice(kandidaten, size=aantal, replace=False, p=kans / kans.sum())
    # onsets spread over the whole period (stratified), in random order over the chosen buurten
    begin, eind = NEERGANG_ONSET
    onsets = rng.permutation(np.floor(begin + (np.arange(aantal) + rng.random(aantal)) * (eind + 1 - begin) / aantal))
    for k, onset in zip(gekozen, onsets.astype(int)):
        b = buurten[k]
        onset = max(int(onset), b.startjaar + 4)
        if rng.random() < NEERGANG_HELE_BUURT:
            gewicht = np.where(cellen.buurt == k, rng.uniform(0.6, 1.2, cellen.x.size), 0.0)
        else:
            kern = b.cellen[rng.integers(b.cellen.size)]
            midden = (cellen.x[kern] + CEL / 2, cellen.y[kern] + CEL / 2)
            gewicht = _kern(cellen, midden, rng.uniform(*NEERGANG_STRAAL))
            gewicht *= np.where(cellen.buurt == k, 1.0, 0.5)
        omvang = rng.lognormal(*NEERGANG_OMVANG)
        vertraging = np.zeros(len(DIMENSIES), dtype=int)
        vertraging[DIMENSIES.index("won")] = rng.integers(*NEERGANG_WON_VERTRAGING, endpoint=True)
        episodes.append(Episode(gewicht, onset, int(rng.integers(*NEERGANG_DUUR, endpoint=True)),
                                -omvang * NEERGANG_VERDELING, vertraging))
    return episodes


def _herstructurering(rng, buurten, cellen, stand, status):
    """Renewal of weak estates, with displaced households moving into weaker buurten nearby."""
    episodes = []
    afw = stand.sum(axis=1)
    zwak = [k for k, b in enumerate(buurten)
            if b.soort in ("naoorlogs", "vooroorlogs") and b.cellen.size >= 8 and afw[b.cellen].mean() < -0.11]
    if not zwak:
        return episodes
    aantal = min(len(zwak), int(rng.integers(*HERSTRUCTURERING_AANTAL, endpoint=True)))
    buurt_status = _relatief(np.array([status[b.cellen].mean() if b.cellen.size else np.nan for b in buurten]))
    for k in rng.choice(zwak, size=aantal, replace=False):
        start = int(rng.integers(*HERSTRUCTURERING_START, endpoint=True))
        in_b = (cellen.buurt == k).astype(float)
        episodes.append(Episode(in_b, start + 2, HERSTRUCTURERING_DUUR - 2,
                                HERSTRUCTURERING_WINST * rng.uniform(0.6, 1.4)))
        episodes.append(Episode(in_b, start, 2, HERSTRUCTURERING_DIP))
        episodes.append(Episode(in_b, start + 2, 3, -HERSTRUCTURERING_DIP))
        cx, cy = buurten[k].centrum
        for m, b in enumerate(buurten):
            ver = np.hypot(b.centrum[0] - cx, b.centrum[1] - cy)
            if m != k and ver < VERDRINGING_STRAAL and buurt_status[m] < 0 and rng.random() < 0.5:
                episodes.append(Episode((cellen.buurt == m).astype(float), start + 1, 4,
                                        -VERDRINGING_VERLIES * rng.uniform(0.5, 1.5)))
    return episodes


def _nieuwbouw_trek(rng, buurten, cellen):
    """New-build areas draw households away from older buurten in the same gemeente, and mature."""
    episodes = []
    for k, nb in enumerate(buurten):
        if nb.soort != "nieuwbouw":
            continue
        in_nb = (cellen.buurt == k).astype(float)
        episodes.append(Episode(in_nb, nb.startjaar, 6, NIEUWBOUW_RIJPING))
        for m, b in enumerate(buurten):
            if (b.gemeente == nb.gemeente and b.soort in ("naoorlogs", "vooroorlogs", "bloemkool")
                    and rng.random() < 0.5):
                episodes.append(Episode((cellen.buurt == m).astype(float), nb.startjaar, 6,
                                        -NIEUWBOUW_TREK * rng.uniform(0.5, 1.5)))
    return episodes


def _vergrijzing(rng, buurten, cellen):
    """Ageing buurten: the turnover of dwellings lowers cohesion where the buurt is weak."""
    episodes = []
    status = _relatief(np.array([b.status for b in buurten]))
    for k, b in enumerate(buurten):
        vergrijsd = b.soort in ("bloemkool", "landelijk", "jaren90") and rng.random() < VERGRIJZING_KANS
        if vergrijsd and rng.random() < 1 / (1 + np.exp(2 * status[k])):
            episodes.append(Episode((cellen.buurt == k).astype(float), int(rng.integers(2010, 2021)), 8,
                                    -VERGRIJZING_VERLIES * rng.uniform(0.5, 1.5)))
    return episodes


def _schokken(rng, cellen, status):
    """Random shocks on small clusters: a problem complex, a closed facility, a neglected complex."""
    schokken = []
    kans = np.exp(-SCHOK_STATUS * _relatief(status))
    for jaar in range(EERSTE_JAAR + 1, LAATSTE_JAAR + 1):
        for _ in range(rng.poisson(SCHOKKEN_PER_JAAR)):
            bestaand = np.flatnonzero(cellen.startjaar <= jaar)
            p = kans[bestaand] / kans[bestaand].sum()
            kern = rng.choice(bestaand, p=p)
            midden = (cellen.x[kern] + CEL / 2, cellen.y[kern] + CEL / 2)
            soort = rng.choice(SCHOK_SOORTEN, p=SCHOK_KANSEN)
            effect = np.zeros(len(DIMENSIES))
            if soort == "overlast":
                straal, a = rng.uniform(100, 250), rng.uniform(0.03, 0.08)
                effect[[1, 2]] = -a, -0.4 * a
                blijvend, halfwaarde = rng.uniform(0.2, 0.8), 3.0
            elif soort == "voorziening":
                straal = rng.uniform(300, 700)
                effect[3] = -rng.uniform(0.015, 0.04)
                blijvend, halfwaarde = 1.0, 1.0
            else:
                straal = rng.uniform(100, 200)
                effect[[0, 4]] = -rng.uniform(0.02, 0.05), -rng.uniform(0.01, 0.03)
                blijvend, halfwaarde = 0.6, 5.0
            schokken.append(Schok(_kern(cellen, midden, straal), jaar, effect, blijvend, halfwaarde))
    return schokken


def _vensteraandeel(waarden, geldig, straal):
    """Share of `waarden` (bool raster) among `geldig` cells in a (2r+1)^2 window, via summed areas."""
    def venstersom(a):
        p = np.pad(a.astype(float), straal + 1)[: a.shape[0] + 2 * straal + 1, : a.shape[1] + 2 * straal + 1]
        s = p.cumsum(0).cumsum(1)
        w = 2 * straal + 1
        return s[w:, w:] - s[:-w, w:] - s[w:, :-w] + s[:-w, :-w]

    teller, noemer = venstersom(waarden & geldig), venstersom(geldig)
    return np.divide(teller, noemer, out=np.zeros_like(teller), where=noemer > 0)


def _simuleer(rng, buurten, cellen):
    """Latent history of every cell, {year: (n, 5)} at the measurement years.

    The overall status level is calibrated so that a plausible share of cells is below 'voldoende'
    in 2016: a first guess from the starting levels, then pilot runs of the same history (same
    random numbers) and damped corrections. Only the level moves; the processes stay as they are.
    """
    stand, status = _beginstand(rng, buurten, cellen)
    doel = rng.uniform(*AANDEEL_ZWAK_2016)
    stand, status = _verschuif(buurten, stand, status, _verschuiving(stand.sum(axis=1), doel / 2))
    bestaat = cellen.startjaar <= 2016
    begin = rng.bit_generator.state
    for ronde in range(KALIBRATIERONDES + 1):
        rng.bit_generator.state = begin
        latent = _geschiedenis(rng, buurten, cellen, stand, status)
        if ronde < KALIBRATIERONDES:
            delta = KALIBRATIE_DEMPING * _verschuiving(latent[2016][bestaat].sum(axis=1), doel)
            stand, status = _verschuif(buurten, stand, status, delta)
    return latent


def _geschiedenis(rng, buurten, cellen, stand, status):
    """Yearly latent state 2002-2024 from the starting levels and all processes."""
    n = stand.shape[0]
    gevoeligheid = np.array([CRISIS_TYPE[s] for s in cellen.soort]) * np.clip(
        0.8 - CRISIS_STATUS * _relatief(status) + rng.normal(0, 0.3, n), 0.1, 2.0)
    episodes = (_neergang(rng, buurten, cellen) + _herstructurering(rng, buurten, cellen, stand, status)
                + _nieuwbouw_trek(rng, buurten, cellen) + _vergrijzing(rng, buurten, cellen))
    schokken = _schokken(rng, cellen, status)
    # the type levels describe about 2016: start 2002 where the trend puts it
    blijvend = stand - TREND * (2016 - EERSTE_JAAR)
    crisis_totaal = CRISIS_PER_JAAR * len(CRISIS_JAREN)
    raster = np.zeros(cellen.vorm, dtype=bool)
    latent, uitkomst = blijvend.copy(), {}
    for t in range(EERSTE_JAAR, LAATSTE_JAAR + 1):
        if t > EERSTE_JAAR:
            stap = TREND + rng.normal(0, 1, (n, len(DIMENSIES))) * SD_WANDELING
            if t in CRISIS_JAREN:
                stap = stap - CRISIS_PER_JAAR * gevoeligheid[:, None] * CRISIS_VERDELING
            elif t in HERSTEL_JAREN:
                stap = stap + HERSTEL_DEEL * crisis_totaal / len(HERSTEL_JAREN) * gevoeligheid[:, None] * CRISIS_VERDELING
            for e in episodes:
                stap = stap + e.jaardeel(t)
            stap = stap + _uitstraling(rng, cellen, latent, t, raster)
            blijvend = blijvend + stap
        latent = blijvend.copy()
        for s in schokken:
            bijdrage = s.bijdrage(t)
            if bijdrage is not None:
                latent += bijdrage
        if t in JAREN:
            uitkomst[t] = latent.copy()
    return uitkomst


def _uitstraling(rng, cellen, latent, t, raster):
    """Contagion: cells still 'voldoende' lose onv/soc/won in bursts in proportion to weak neighbours."""
    afw = latent.sum(axis=1)
    bestaat = cellen.startjaar <= t
    zwak = raster.copy()
    geldig = raster.copy()
    zwak[cellen.iy, cellen.ix] = bestaat & (afw < GRENS_VOLDOENDE)
    geldig[cellen.iy, cellen.ix] = bestaat
    aandeel = _vensteraandeel(zwak, geldig, UITSTRALING_STRAAL)[cellen.iy, cellen.ix]
    druk = UITSTRALING * aandeel * rng.gamma(0.5, 2.0, afw.size) * (afw >= GRENS_VOLDOENDE)
    return -druk[:, None] * np.array([0.0, 1.0, 0.6, 0.0, 0.4])[None, :]


# --- observation and output -------------------------------------------------------------------------

def _meet(rng, latent, jaar, sd=SD_METING):
    """Observed dimension scores (rounded) and afw; 2002 only afw."""
    if jaar == JAAR_ZONDER_DIMENSIES:
        afw = _afgerond(latent.sum(axis=1) + rng.normal(0, sd * np.sqrt(len(DIMENSIES)), latent.shape[0]))
        return np.full(latent.shape, np.nan), afw
    dims = _afgerond(latent + rng.normal(0, sd, latent.shape))
    return dims, _afgerond(dims.sum(axis=1))


def _afgerond(waarden):
    """Rounded to the decimals written, without negative zeros."""
    return np.round(waarden, DECIMALEN) + 0.0


def _tabel(sleutels, jaren, dims, afw):
    df = pd.DataFrame(sleutels)
    df["jaar"] = jaren
    df["lbm"] = _afgerond(LBM_CONSTANTE + afw)
    df["afw"] = afw
    for k, d in enumerate(DIMENSIES):
        df[d] = dims[:, k]
    return df


def _grid_tabel(rng, cellen, latent):
    ids = np.array([f"E{x // CEL}N{y // CEL}" for x, y in zip(cellen.x, cellen.y)])
    delen = []
    for jaar in JAREN:
        dims, afw = _meet(rng, latent[jaar], jaar)
        er = cellen.startjaar <= jaar
        delen.append(_tabel({"grid_id": ids[er]}, jaar, dims[er], afw[er]))
    return pd.concat(delen).sort_values(["grid_id", "jaar"], kind="stable").reset_index(drop=True)


def _eigen_reeks(rng, buurt):
    """Latent series of a buurt without built-up cells: type level, status, trend and a random walk."""
    basis = np.array(NIVEAU[buurt.soort]) + buurt.status * STATUS_LADING - TREND * (2016 - EERSTE_JAAR)
    stap = TREND + rng.normal(0, 1, (LAATSTE_JAAR - EERSTE_JAAR, len(DIMENSIES))) * SD_WANDELING
    pad = basis + np.vstack([np.zeros(len(DIMENSIES)), np.cumsum(stap, axis=0)])
    return {j: pad[j - EERSTE_JAAR] for j in JAREN}


def _celgemiddelde(rng, buurt, latent):
    """Latent series of a buurt with cells: their mean plus a lasting buurt offset per dimension."""
    offset = rng.normal(0, SD_BUURT_AFWIJKING, len(DIMENSIES))
    return {j: latent[j][buurt.cellen].mean(axis=0) + offset for j in JAREN}


def _buurt_tabel(rng, buurten, latent):
    codes, namen, jaren, dims, afw = [], [], [], [], []
    for b in buurten:
        reeks = _celgemiddelde(rng, b, latent) if b.cellen.size else _eigen_reeks(rng, b)
        for jaar in (j for j in JAREN if j >= b.startjaar):
            d, a = _meet(rng, reeks[jaar][None, :], jaar, SD_METING_BUURT)
            codes.append(b.code)
            namen.append(b.naam)
            jaren.append(jaar)
            dims.append(d[0])
            afw.append(a[0])
    df = _tabel({"bu_code": codes, "bu_naam": namen}, jaren, np.array(dims), np.array(afw))
    return df.sort_values(["bu_code", "jaar"], kind="stable").reset_index(drop=True)


def _schrijf_csv(df, pad):
    df.to_csv(pad, index=False, float_format=f"%.{DECIMALEN}f", na_rep="", lineterminator="\n", encoding="utf-8")


def _schrijf_gpkg(buurten, blokken, pad):
    if pad.exists():
        pad.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG_RD)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(pad))
    laag = ds.CreateLayer(LAAG, srs, ogr.wkbMultiPolygon)
    for naam in ("buurtcode", "buurtnaam", "wijkcode", "gemeentecode", "gemeentenaam"):
        laag.CreateField(ogr.FieldDefn(naam, ogr.OFTString))
    for b in sorted(buurten, key=lambda b: b.code):
        f = ogr.Feature(laag.GetLayerDefn())
        gm_code, gm_naam = GEMEENTEN[b.gemeente]
        for naam, waarde in (("buurtcode", b.code), ("buurtnaam", b.naam), ("wijkcode", b.wijkcode),
                             ("gemeentecode", gm_code), ("gemeentenaam", gm_naam)):
            f.SetField(naam, waarde)
        f.SetGeometry(b.geometrie)
        laag.CreateFeature(f)
    ds = None


def klasse(afw):
    """Class 1..9 of afw by the 2024 cut points."""
    return np.searchsorted(np.array(KLASSE_ONDERGRENZEN), np.asarray(afw, dtype=float), side="right") + 1


def basisrate(grids, van=2016, tot=2024):
    """Target cells (class >= 5 in `van`) and how many of them are class <= 4 in `tot`."""
    afw = grids.pivot(index="grid_id", columns="jaar", values="afw")[[van, tot]].dropna()
    doel = klasse(afw[van]) >= 5
    gedaald = doel & (klasse(afw[tot]) <= 4)
    return int(doel.sum()), int(gedaald.sum())


def maak_twee_gemeenten(out_dir, seed=2016):
    """Simulate the two gemeenten and write the Leefbaarometer CSVs and the buurt GeoPackage to out_dir."""
    rng = np.random.default_rng(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    blokken = _rooster(rng)
    buurten = _verdeel_in_buurten(rng, blokken, _gemeente_per_blok(rng))
    for b in buurten:
        b.geometrie = _geometrie(blokken, b)
    cellen = _maak_cellen(rng, blokken, buurten)
    _codes_en_namen(rng, buurten)
    latent = _simuleer(rng, buurten, cellen)
    grids = _grid_tabel(rng, cellen, latent)
    buurt_df = _buurt_tabel(rng, buurten, latent)
    paden = {"buurten_csv": out / BUURTEN_CSV, "grids_csv": out / GRIDS_CSV, "gpkg": out / GPKG}
    _schrijf_csv(buurt_df, paden["buurten_csv"])
    _schrijf_csv(grids, paden["grids_csv"])
    _schrijf_gpkg(buurten, blokken, paden["gpkg"])
    doel, gedaald = basisrate(grids)
    per_gemeente = {code: sum(b.gemeente == g for b in buurten) for g, (code, _) in enumerate(GEMEENTEN)}
    return {
        **{k: str(v) for k, v in paden.items()},
        "laag": LAAG,
        "gemeenten": dict(GEMEENTEN),
        "jaren": list(JAREN),
        "lbm_constante": LBM_CONSTANTE,
        "n_buurten": len(buurten),
        "n_buurten_per_gemeente": per_gemeente,
        "n_buurten_zonder_cellen": sum(b.cellen.size == 0 for b in buurten),
        "nieuwbouw": {b.code: b.startjaar for b in buurten if b.soort == "nieuwbouw"},
        "n_cellen": int(cellen.x.size),
        "n_doelcellen_2016": doel,
        "n_gedaald_2024": gedaald,
        "basisrate": gedaald / doel if doel else float("nan"),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description="Simulate Leefbaarometer history for two fictional gemeenten.")
    parser.add_argument("out_dir")
    parser.add_argument("--seed", type=int, default=2016)
    args = parser.parse_args(argv)
    begin = time.perf_counter()
    feiten = maak_twee_gemeenten(args.out_dir, args.seed)
    duur = time.perf_counter() - begin
    grids = pd.read_csv(feiten["grids_csv"])
    zwak_2024 = (klasse(grids.loc[grids.jaar == 2024, "afw"]) <= 4).mean()
    print(f"SIMULATED data (seed {args.seed}) written to {args.out_dir} in {duur:.1f} s")
    print(f"buurten: {feiten['n_buurten']} {feiten['n_buurten_per_gemeente']}, "
          f"without cells: {feiten['n_buurten_zonder_cellen']}, new build: {feiten['nieuwbouw']}")
    print(f"cells: {feiten['n_cellen']}, 'zwak' or lower in 2024: {zwak_2024:.1%}")
    print(f"target cells (class >= 5 in 2016): {feiten['n_doelcellen_2016']}, "
          f"class <= 4 by 2024: {feiten['n_gedaald_2024']}, base rate {feiten['basisrate']:.1%}")


if __name__ == "__main__":
    main()
