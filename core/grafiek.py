"""A unit's Leefbaarometer score over the measurement years as a small SVG chart, behind it the nine classes.

``score_grafiek_svg`` returns one self-contained SVG string (no scripts, no
external references, fonts "DejaVu Sans, Arial, sans-serif"), for a panel,
an HTML report or a print layout. The score (``afw``) is a line with a point
per measurement; a year without a score breaks the line. The years lie on a
time axis (2002 to 2008 is three times as wide as 2012 to 2014). Behind the
line, each class the y-range reaches is a horizontal band in the
Leefbaarometer colours (lightened, so the line stays readable), with its name
where the band is tall enough. The y-range is the data plus a margin and
always holds the whole band of class 5 'voldoende', so the boundary with
'zwak' is always in sight. Numbers are Dutch (decimal comma).

QGIS-free: plain Python, no numpy needed beyond reading the values.
"""

import math
from xml.sax.saxutils import escape, quoteattr

from .classes import KLASSE_LABELS, VOLDOENDE
from .errors import InputError
from .mechanisms.base import getal, met_teken
from .meldingen import fout
from .waarden import als_getal

KLASSE_KLEUREN = ("#cf783f", "#d7995e", "#e0b881", "#fbf2c4", "#d0d2a6", "#a7b38a", "#819470", "#5e7657", "#3b5941")
LICHTER = 0.5  # share of white mixed into the class colours
LETTERTYPE = "DejaVu Sans, Arial, sans-serif"
LIJN = "#1d3557"
_STAPPEN = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)


def score_grafiek_svg(jaren, afw, grenzen, *, breedte=360, hoogte=160, titel=None):
    """The score ``afw`` per year in ``jaren`` as an SVG string, with the class bands of ``grenzen`` behind it.

    ``jaren`` and ``afw``: equally long sequences (a missing score is None or
    NaN: the line breaks there). ``grenzen``: a ``Klassegrenzen`` (its
    ``totaal`` holds the lower bounds of classes 2..9 on afw). ``titel``: an
    optional line of text above the chart. Without any score the SVG says
    'geen metingen'.
    """
    breedte, hoogte = _maat(breedte, "breedte"), _maat(hoogte, "hoogte")
    jaren = [_jaar(j) for j in jaren]
    waarden = [als_getal(v) for v in afw]
    if len(jaren) != len(waarden):
        raise InputError(fout("Grafiek: {} jaren voor {} scores; geef één score per jaar.",
                              "Chart: {} years for {} scores; give one score per year.", len(jaren), len(waarden)))
    volgorde = sorted(range(len(jaren)), key=lambda i: jaren[i])
    jaren = [jaren[i] for i in volgorde]
    waarden = [waarden[i] for i in volgorde]
    bekend = [(j, v) for j, v in zip(jaren, waarden) if v is not None]
    grenzen_totaal = tuple(float(g) for g in grenzen.totaal)
    if len(grenzen_totaal) != 8:
        raise InputError(fout("Grafiek: verwacht 8 ondergrenzen van klassen (klassen 2..9), gekregen: {}.",
                              "Chart: expected 8 class lower bounds (classes 2..9), got {}.", len(grenzen_totaal)))

    boven = 8 + (16 if titel else 0)
    links, rechts, onder = 50, 10, 20
    plot_b, plot_h = breedte - links - rechts, hoogte - boven - onder
    beschrijving = ", ".join(f"{j}: {met_teken(v)}" for j, v in bekend) or "geen metingen"
    kop = titel or "Leefbaarometer-score per meetjaar"
    if plot_b < 20 or plot_h < 20:
        raise InputError(fout("Grafiek: {} × {} pixels laat geen ruimte om te tekenen; geef minstens 80 × 70.",
                              "Chart: {} × {} pixels leaves no room to draw; give at least 80 × 70.", breedte, hoogte))
    if not bekend:
        return _geen_metingen(breedte, min(hoogte, 40 + (16 if titel else 0)), titel, kop)
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{breedte}" height="{hoogte}" '
        f'viewBox="0 0 {breedte} {hoogte}" font-family={quoteattr(LETTERTYPE)} font-size="9">',
        f"<title>{escape(kop)}</title>",
        f"<desc>{escape(beschrijving)}</desc>",
        f'<rect x="0" y="0" width="{breedte}" height="{hoogte}" fill="#ffffff"/>',
    ]
    if titel:
        delen.append(f'<text x="{links}" y="14" font-size="11" font-weight="bold" fill="#222222">{escape(titel)}</text>')

    laag, hoog = _bereik([v for _, v in bekend], grenzen_totaal)

    def y_van(waarde):
        return boven + plot_h * (hoog - waarde) / (hoog - laag)

    eerste, laatste = jaren[0], jaren[-1]
    if laatste == eerste:
        eerste, laatste = eerste - 1, laatste + 1
    rand = min(10.0, plot_b / 10)

    def x_van(jaar):
        return links + rand + (plot_b - 2 * rand) * (jaar - eerste) / (laatste - eerste)

    # the class bands the range reaches, lowest class first (their names after the grid lines, on top)
    namen = []
    for k in range(1, 10):
        onder_k = -math.inf if k == 1 else grenzen_totaal[k - 2]
        boven_k = math.inf if k == 9 else grenzen_totaal[k - 1]
        van, tot = max(onder_k, laag), min(boven_k, hoog)
        if tot <= van:
            continue
        y1, y2 = y_van(tot), y_van(van)
        delen.append(f'<rect class="band klasse-{k}" data-klasse="{k}" x="{links}" y="{y1:.1f}" width="{plot_b}" '
                     f'height="{y2 - y1:.1f}" fill="{_lichter(KLASSE_KLEUREN[k - 1])}"/>')
        if y2 - y1 >= 10:
            namen.append(f'<text x="{links + plot_b - 3}" y="{(y1 + y2) / 2 + 3:.1f}" text-anchor="end" font-size="8" '
                         f'fill="#4d4d4d">{escape(KLASSE_LABELS[k])}</text>')

    # y-axis: ticks on round values, Dutch numbers, the axis name
    stap = _stap(hoog - laag)
    for n in range(math.ceil(laag / stap - 1e-9), math.floor(hoog / stap + 1e-9) + 1):
        tick = n * stap
        y = y_van(tick)
        delen.append(f'<line x1="{links}" y1="{y:.1f}" x2="{links + plot_b}" y2="{y:.1f}" stroke="#ffffff" '
                     'stroke-opacity="0.7" stroke-width="0.6"/>')
        delen.append(f'<line x1="{links - 3}" y1="{y:.1f}" x2="{links}" y2="{y:.1f}" stroke="#666666"/>')
        delen.append(f'<text x="{links - 5}" y="{y + 3:.1f}" text-anchor="end" fill="#333333">'
                     f"{getal(tick)}</text>")
    grens = y_van(grenzen_totaal[VOLDOENDE - 2])  # the boundary between 'zwak' and 'voldoende'
    delen.append(f'<line x1="{links}" y1="{grens:.1f}" x2="{links + plot_b}" y2="{grens:.1f}" stroke="#8a5a2b" '
                 'stroke-width="0.8" stroke-dasharray="4 3"/>')
    delen.extend(namen)
    midden = boven + plot_h / 2
    delen.append(f'<text x="11" y="{midden:.1f}" text-anchor="middle" transform="rotate(-90 11 {midden:.1f})" '
                 'fill="#333333">score</text>')
    delen.append(f'<rect x="{links}" y="{boven}" width="{plot_b}" height="{plot_h}" fill="none" stroke="#999999" '
                 'stroke-width="0.8"/>')

    # x-axis: a tick per measurement year, labels where they fit (the last year always)
    basis = boven + plot_h
    getoond, vorige = [], math.inf
    for jaar in reversed(jaren):
        x = x_van(jaar)
        if vorige - x >= 27:
            getoond.append(jaar)
            vorige = x
    for jaar in jaren:
        x = x_van(jaar)
        delen.append(f'<line x1="{x:.1f}" y1="{basis}" x2="{x:.1f}" y2="{basis + 3}" stroke="#666666"/>')
        if jaar in getoond:
            delen.append(f'<text x="{x:.1f}" y="{basis + 13}" text-anchor="middle" fill="#333333">{jaar}</text>')

    # the line, broken where a year has no score, and a point per measurement
    stuk = []
    for jaar, waarde in [*zip(jaren, waarden), (None, None)]:
        if waarde is not None:
            stuk.append(f"{x_van(jaar):.1f},{y_van(waarde):.1f}")
            continue
        if len(stuk) >= 2:
            delen.append(f'<polyline points="{" ".join(stuk)}" fill="none" stroke="{LIJN}" stroke-width="1.8" '
                         'stroke-linejoin="round"/>')
        stuk = []
    for jaar, waarde in bekend:
        delen.append(f'<circle cx="{x_van(jaar):.1f}" cy="{y_van(waarde):.1f}" r="2.6" fill="{LIJN}" '
                     f'stroke="#ffffff" stroke-width="0.8"><title>{jaar}: {met_teken(waarde)}</title></circle>')
    delen.append("</svg>")
    return "".join(delen)


def _geen_metingen(breedte, hoogte, titel, kop):
    """A short SVG saying there is nothing to draw."""
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{breedte}" height="{hoogte}" '
        f'viewBox="0 0 {breedte} {hoogte}" font-family={quoteattr(LETTERTYPE)} font-size="9">',
        f"<title>{escape(kop)}</title>",
        "<desc>geen metingen</desc>",
        f'<rect x="0" y="0" width="{breedte}" height="{hoogte}" fill="#ffffff"/>',
    ]
    if titel:
        delen.append(f'<text x="4" y="14" font-size="11" font-weight="bold" fill="#222222">{escape(titel)}</text>')
    delen.append(f'<text x="{breedte / 2:.1f}" y="{hoogte - 14}" text-anchor="middle" font-size="11" '
                 'fill="#555555">geen metingen</text>')
    delen.append("</svg>")
    return "".join(delen)


def _bereik(waarden, grenzen_totaal):
    """(low, high) of the y-axis: the data plus a margin, always holding the whole band of 'voldoende'."""
    laag, hoog = min(waarden), max(waarden)
    marge = max(0.02, 0.1 * (hoog - laag))
    voldoende_laag, voldoende_hoog = grenzen_totaal[VOLDOENDE - 2], grenzen_totaal[VOLDOENDE - 1]
    return min(laag - marge, voldoende_laag), max(hoog + marge, voldoende_hoog)


def _stap(bereik):
    """A round tick step giving at most five intervals over the range."""
    for stap in _STAPPEN:
        if bereik / stap <= 5:
            return stap
    return float(10 ** math.ceil(math.log10(bereik / 5)))


def _lichter(kleur, aandeel=LICHTER):
    """A hex colour mixed with ``aandeel`` white."""
    rgb = [int(kleur[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * aandeel):02x}" for c in rgb)


def _jaar(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(fout("Grafiek: jaar {!r} is geen getal.",
                              "Chart: year {!r} is not a number.", value)) from None
    if not math.isfinite(number) or number != int(number):
        raise InputError(fout("Grafiek: jaar {!r} is geen geheel getal.",
                              "Chart: year {!r} is not a whole number.", value))
    return int(number)


def _maat(value, naam):
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise InputError(fout("Grafiek: {} {!r} is geen geheel aantal pixels.",
                              "Chart: {} {!r} is not a whole number of pixels.", naam, value)) from None
    if number <= 0:
        raise InputError(fout("Grafiek: {} moet groter zijn dan 0 pixels (gekregen: {}).",
                              "Chart: {} must be above 0 pixels (got {}).", naam, number))
    return number
