"""A buurt's summary in plain Dutch: its class, its risk, the signalling mechanisms, its score over the years.

``buurt_samenvatting`` turns one row of the buurt risk profile (as
``analyse.analyse(...).frames["buurt"]`` makes it, or as read back from its
output layer) into a ``Samenvatting``: a title, the lines, the same as plain
text for copying, and a small self-contained HTML fragment for the panel
(a QTextBrowser) and for a print layout's HTML frame. The HTML holds the
score chart of ``grafiek.score_grafiek_svg`` as an embedded image (an
``<img>`` with a ``data:image/svg+xml`` address: a QTextBrowser does not draw
an ``<svg>`` element, but does draw an SVG image, and so does a web view).

Everything is in words a non-specialist can follow: no abbreviations of the
Leefbaarometer (the mechanisms' explanations spell them out too), no brackets
inside brackets, Dutch numbers (decimal comma) as the mechanisms write them.

QGIS-free.
"""

import base64
import html
from dataclasses import dataclass

import pandas as pd

from .classes import KLASSE_LABELS, klasse, load_klassegrenzen
from .grafiek import score_grafiek_svg
from .mechanisms.base import getal, met_teken, procent
from .mechanisms.register import label
from .profile import ONBEKEND, RISICO_LABELS, mechanism_columns
from .waarden import als_geheel, als_getal, als_tekst

LETTERTYPE = "DejaVu Sans, Arial, sans-serif"
GRAFIEK_TITEL = "Leefbaarometer-score per meetjaar"


@dataclass
class Samenvatting:
    """``titel`` "<naam> (<code>)"; ``regels`` the lines below it; ``tekst`` title and lines as plain text;
    ``html`` a self-contained HTML fragment; ``svg`` the chart alone (None without scores over the years).

    For a page that shows the title, the place and the chart of its own (the council report's buurt page):
    ``pagina_regels`` the lines without the place, ``pagina_html`` the same as HTML paragraphs and a list of
    the signalling mechanisms, without the year-by-year scores the chart shows."""

    titel: str
    regels: list
    tekst: str
    html: str
    svg: str = None
    pagina_regels: list = None
    pagina_html: str = ""


def buurt_samenvatting(buurt, *, cellen=None, geschiedenis=None, grenzen=None, interpretatie=None, wijknaam=None,
                       regels=None):
    """The summary of one buurt; see the module docstring.

    ``buurt``: one row (a Series) of the buurt risk profile: ``code, naam,
    gemeente, jaar, afw, klasse``, the profile's ``risico_*``, ``n_*`` and
    ``factoren``, and per mechanism ``<naam>_score``, ``_signaal``,
    ``_toelichting``. ``cellen``: the grid profile rows of this buurt (for
    the share of its 100 m sub-areas with an elevated risk), else the row's
    ``aandeel_cellen_verhoogd`` is used when present. ``geschiedenis``: a
    mapping year -> score for the chart; None takes the row's own
    ``afw_<jaar>`` columns (``analyse`` adds them to the buurt frame), if any.
    ``interpretatie``: the local interpretation text. ``wijknaam``: the name of
    the buurt's wijk. ``regels``: the ``ProfielRegels`` in effect (a mechanism
    with weight 0 is switched off and not listed; their labels); None: every
    mechanism counts.
    """
    grenzen = grenzen if grenzen is not None else load_klassegrenzen()
    naam = als_tekst(buurt.get("naam")) or als_tekst(buurt.get("code")) or "Buurt"
    code = als_tekst(buurt.get("code"))
    titel = f"{naam} ({code})" if code and code != naam else naam
    jaar = als_geheel(buurt.get("jaar"))
    items = []  # (key, value): a line 'key: value', or the value alone when key is None

    gemeente, wijk = als_tekst(buurt.get("gemeente")), als_tekst(wijknaam)
    plaats = None
    if gemeente or wijk:
        plaats = ", ".join([f"gemeente {gemeente}"] * bool(gemeente) + [f"wijk {wijk}"] * bool(wijk))
        plaats = (None, plaats[0].upper() + plaats[1:])
        items.append(plaats)

    items.append((f"Leefbaarometer {jaar}" if jaar is not None else "Leefbaarometer", _klassetekst(buurt, grenzen)))
    items.append(("Risico", _risicotekst(buurt)))
    score = als_getal(buurt.get("risico_score"))
    items.append(("Risicoscore", "onbekend" if score is None else f"{getal(score)} op een schaal van 0 tot 1"))

    signalen, bekend = _signalen(buurt, regels)
    n_signalen = als_geheel(buurt.get("n_signalen"))
    n_bekend = als_geheel(buurt.get("n_mechanismen"))
    n_signalen = len(signalen) if n_signalen is None else n_signalen
    n_bekend = bekend if n_bekend is None else n_bekend
    items.append((None, _aantaltekst(n_signalen, n_bekend)))

    factoren = _factorentekst(buurt.get("factoren"))
    deelgebieden = _deelgebiedentekst(buurt, cellen)
    achter = []
    if factoren:
        achter.append(("Belangrijkste factoren", factoren))
    if deelgebieden:
        achter.append((None, deelgebieden))
    lokaal = als_tekst(interpretatie)
    if lokaal:
        achter.append(("Lokale interpretatie", lokaal))

    reeks = _reeks(buurt, geschiedenis)
    svg, per_jaar = None, []
    if reeks is not None:
        jaren = sorted(reeks)
        svg = score_grafiek_svg(jaren, [reeks[j] for j in jaren], grenzen, titel=GRAFIEK_TITEL)
        gemeten = [(j, reeks[j]) for j in jaren if reeks[j] is not None]
        waarden = ", ".join(f"{j}: {met_teken(v)}" for j, v in gemeten) if gemeten else "geen metingen"
        per_jaar = [("Score per meetjaar", waarden)]  # the text's chart

    regels_tekst = [_regel(k, v) for k, v in items]
    regels_tekst += [_regel(k, v) for k, v in signalen]
    regels_tekst += [_regel(k, v) for k, v in achter + per_jaar]
    tekst = "\n".join([titel, *regels_tekst])
    zonder_plaats = 0 if plaats is None else 1  # the place is the first item and so the first line
    return Samenvatting(titel, regels_tekst, tekst, _html(titel, items, signalen, achter, svg), svg,
                        pagina_regels=regels_tekst[zonder_plaats:],
                        pagina_html="\n".join(_html_delen(items[zonder_plaats:], signalen, achter, compact=True)))


# ------------------------------------------------------------------ the parts


def _klassetekst(buurt, grenzen):
    """'klasse 5 voldoende, score -0,12'; 'geen meting' without a score or class."""
    afw = als_getal(buurt.get("afw"))
    k = als_geheel(buurt.get("klasse"))
    if k is None and afw is not None:
        k = als_geheel(klasse(pd.Series([afw]), grenzen).iloc[0])
    if k is None:
        return "geen meting"
    tekst = f"klasse {k} {KLASSE_LABELS.get(k, '')}".rstrip()
    return tekst + (f", score {met_teken(afw)}" if afw is not None else "")


def _risicotekst(buurt):
    label_r = als_tekst(buurt.get("risico_label"))
    if not label_r:
        k = als_geheel(buurt.get("risico_klasse"))
        label_r = RISICO_LABELS.get(k, ONBEKEND) if k is not None else ONBEKEND
    return "onbekend: te weinig gegevens" if label_r == ONBEKEND else label_r


def _signalen(buurt, regels):
    """[(label, explanation)] of the signalling mechanisms, highest score first; and the number known."""
    namen = mechanism_columns(pd.DataFrame(columns=buurt.index))
    gewichten = dict(getattr(regels, "gewichten", {}) or {})
    labels = dict(getattr(regels, "labels", {}) or {})
    namen = [n for n in namen if float(gewichten.get(n, 1.0)) > 0]
    gevonden, bekend = [], 0
    for volgorde, naam in enumerate(namen):
        score = als_getal(buurt.get(f"{naam}_score"))
        if score is None:
            continue
        bekend += 1
        if als_geheel(buurt.get(f"{naam}_signaal")) == 1:
            gevonden.append((-score, volgorde, label(naam, labels), als_tekst(buurt.get(f"{naam}_toelichting"))))
    gevonden.sort()
    return [(naam, uitleg) for _, _, naam, uitleg in gevonden], bekend


def _aantaltekst(n_signalen, n_bekend):
    if not n_bekend:
        return "Geen enkel mechanisme bekend: te weinig gegevens"
    if n_signalen == 0:
        return f"Geen van de {n_bekend} bekende mechanismen geeft een signaal"
    werkwoord = "geeft" if n_signalen == 1 else "geven"
    return f"{n_signalen} van de {n_bekend} bekende mechanismen {werkwoord} een signaal"


def _factorentekst(factoren):
    """The labels of the profile's leading factors ('label (explanation); ...'), as 'a, b en c'."""
    tekst = als_tekst(factoren)
    if not tekst:
        return ""
    namen = [deel.split(" (", 1)[0].strip() for deel in tekst.split("; ")]
    namen = [n for n in namen if n]
    if len(namen) <= 1:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " en " + namen[-1]


def _deelgebiedentekst(buurt, cellen):
    """'x van de y deelgebieden van 100 m in de doelgroep hebben een verhoogd risico (z %)', or ''."""
    if cellen is not None:
        if not {"doelgroep", "risico_klasse"} <= set(map(str, cellen.columns)):
            return ""
        risico = pd.to_numeric(cellen["risico_klasse"], errors="coerce")
        doel = cellen["doelgroep"].eq(True) & risico.notna()
        y = int(doel.sum())
        if y == 0:
            return "Geen deelgebieden van 100 m in de doelgroep met een bekende risicoklasse"
        x = int((doel & (risico >= 1)).sum())
        werkwoord = "heeft" if x == 1 else "hebben"
        return (f"{x} van de {y} deelgebieden van 100 m in de doelgroep {werkwoord} een verhoogd risico "
                f"({procent(x / y)})")
    aandeel = als_getal(buurt.get("aandeel_cellen_verhoogd"))
    if aandeel is None:
        return ""
    return f"{procent(aandeel)} van de deelgebieden van 100 m in de doelgroep heeft een verhoogd risico"


def _reeks(buurt, geschiedenis):
    """{year: score or None} for the chart; None when there is nothing to show."""
    if geschiedenis is None:
        kolommen = [str(c) for c in buurt.index if str(c).startswith("afw_") and str(c)[4:].isdigit()]
        if not kolommen:
            return None
        geschiedenis = {int(c[4:]): buurt.get(c) for c in kolommen}
    reeks = {}
    for jaar, waarde in dict(geschiedenis).items():
        j = als_geheel(jaar)
        if j is not None:
            reeks[j] = als_getal(waarde)
    return reeks


def _regel(key, value):
    return f"{key}: {value}" if key and value else key or value


# ------------------------------------------------------------------ HTML


def _html(titel, items, mechanismen, achter, svg):
    e = html.escape
    delen = [f'<div style="font-family: {LETTERTYPE}; font-size: 10pt;">', f"<h3>{e(titel)}</h3>"]
    delen += _html_delen(items, mechanismen, achter)
    if svg is not None:
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        breedte, hoogte = _maat(svg)
        delen.append(f'<p><img src="data:image/svg+xml;base64,{data}" width="{breedte}" height="{hoogte}" '
                     f'alt="{e(GRAFIEK_TITEL)}"></p>')
    delen.append("</div>")
    return "\n".join(delen)


def _html_delen(items, mechanismen, achter, compact=False):
    """The lines as paragraphs ('<b>key:</b> value'), the signalling mechanisms as a list between them
    (``compact``: with little space around it, for a printed page's fixed box)."""
    e = html.escape

    def alinea(key, value):
        tekst = f"{f'<b>{e(key)}:</b> ' if key else ''}{e(value)}".replace("\n", "<br>")
        return f'<p style="margin-top: 0; margin-bottom: 4px;">{tekst}</p>'

    delen = [alinea(k, v) for k, v in items]
    if mechanismen:
        delen.append('<ul style="margin-top: 2px; margin-bottom: 4px;">' if compact else "<ul>")
        delen += [f"<li><b>{e(k)}:</b> {e(v)}</li>" if v else f"<li><b>{e(k)}</b></li>" for k, v in mechanismen]
        delen.append("</ul>")
    delen += [alinea(k, v) for k, v in achter]
    return delen


def _maat(svg):
    """(width, height) of an SVG string as written by ``score_grafiek_svg``."""
    kop = svg[: svg.index(">")]
    return tuple(kop.split(f'{naam}="', 1)[1].split('"', 1)[0] for naam in ("width", "height"))


# ------------------------------------------------------------------ values


