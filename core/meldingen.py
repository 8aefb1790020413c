"""Notes for the log in Dutch and English, without Qt: one language per run.

The mechanisms and the analysis return notes (counts, what was used, what was
left out) and the reasons a mechanism was skipped. Qt's translation files do
not reach ``core/``, so each note carries both languages itself: a
``Melding`` is made from a Dutch and an English template (side by side at the
place the note is made) and their arguments::

    notes.append(melding("{} eenheden al zwak of lager in {}: buiten de doelgroep (geen score)",
                         "{} units already zwak or lower in {}: outside the target group (no score)",
                         al_zwak.sum(), jaar))

Errors. An ``InputError`` is raised with ``fout(nl, en, *argumenten)``: a
``Melding`` whose str value is the English (the text the error had before, which
tests and callers match on); ``in_taal(error, taal)`` shows it in the run's
language::

    raise InputError(fout("{}: kolom {} is leeg op regel(s) {}.",
                          "{}: column {} is empty on line(s) {}.", source, column, examples(lines)))

The log picks one with ``in_taal(note, taal)``: the English rendering unless
``taal`` is Dutch ('nl', 'nl_NL', 'nl-BE', ...); a plain str comes back as it
is. A ``Melding`` *is* a str: its value is the text a note had before there
was a choice (the Dutch of the mechanisms' notes, the English of the
analysis's notes on the units), so code and tests that treat notes as text
keep working. The reasons a mechanism is skipped (``reden``) keep their
two-language value 'English / Dutch' until the caller picks one.

Numbers. An argument formatted with a format spec (``{:,.0f}``, ``{:.2f}``)
is written the Dutch way in the Dutch text (decimal comma, thousands dot,
'?' when missing, as ``aantal`` and ``getal`` of ``mechanisms/base.py``) and
the English way in the English text ('1,234', '0.05'); in an error's English
(``fout``) exactly as an f-string writes it ('nan', '-0.00'), as it was. Counts and years
without a spec read the same in both. An argument that is itself a
``Melding`` (or an error raised with ``fout``) is rendered in the same language as the note around it.

Domain terms stay Dutch in the English text where they are the real terms
(buurt, gemeente, zwak, voldoende, WOZ, CBS, won, afw, the mechanisms' and
the fields' names).
"""

import errno
import math
import numbers
import re
import string

__all__ = ["Melding", "fout", "in_taal", "is_nederlands", "melding", "opsomming", "reden", "systeemfout", "voorbeelden",
           "woorden"]


def is_nederlands(taal):
    """True for a Dutch language or locale code ('nl', 'nl_NL', 'nl-BE'); anything else (None too) is English."""
    return str(taal or "").strip().lower().replace("-", "_").split("_")[0] == "nl"


class Melding(str):
    """A note in Dutch and English; as a str, the text it had before (see the module docstring).

    ``nl``, ``en``: the templates (``str.format`` syntax); ``argumenten``: their
    arguments; ``als``: what the str value is, ``'nl'`` (default), ``'en'``, or
    ``'beide'`` ('English / Dutch', the skipped mechanisms' reasons).
    """

    def __new__(cls, nl, en, *argumenten, als="nl"):
        if als not in ("nl", "en", "beide"):
            raise ValueError(f"als={als!r}: use 'nl', 'en' or 'beide'")
        nl_tekst, en_tekst = _vul(nl, argumenten, True), _vul(en, argumenten, "exact" if als == "en" else False)
        waarde = {"nl": nl_tekst, "en": en_tekst, "beide": f"{en_tekst} / {nl_tekst}"}[als]
        self = super().__new__(cls, waarde)
        self.nl, self.en, self.argumenten, self.als = nl, en, tuple(argumenten), als
        self._teksten = {True: nl_tekst, False: en_tekst}
        return self

    def tekst(self, taal):
        """The note in one language: Dutch for 'nl' (or a Dutch locale), else English."""
        return self._teksten[is_nederlands(taal)]

    def engels(self):
        return self._teksten[False]

    def nederlands(self):
        return self._teksten[True]

    def __reduce__(self):  # pickle and copy: the templates and arguments, not only the str value
        return _herstel, (self.nl, self.en, self.argumenten, self.als)


def _herstel(nl, en, argumenten, als):
    return Melding(nl, en, *argumenten, als=als)


def melding(nl, en, *argumenten):
    """A note: Dutch and English template with their arguments; its str value is the Dutch."""
    return Melding(nl, en, *argumenten)


def fout(nl, en, *argumenten):
    """An error message (raise ``InputError(fout(...))``): Dutch and English template; its str value is the English."""
    return Melding(nl, en, *argumenten, als="en")


def reden(nl, en, *argumenten):
    """Why a mechanism is skipped (its ``MissingInputError``): as a str 'English / Dutch', as the log had it."""
    return Melding(nl, en, *argumenten, als="beide")


def woorden(nl, en):
    """Fixed text in both languages (no formatting; braces are taken as they are), e.g. an argument."""
    return Melding("{}", "{}", _Letterlijk(nl, en))


# What the operating system says, in Dutch for the errors an analyst meets with files and folders
_SYSTEEM_NL = {
    errno.ENOENT: "het bestand of de map bestaat niet",
    errno.EACCES: "geen toegang (rechten, of het bestand is geopend in een ander programma)",
    errno.EPERM: "niet toegestaan",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EISDIR: "dat is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EEXIST: "bestaat al",
    errno.EBUSY: "in gebruik",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EIO: "lees- of schrijffout van de schijf",
    errno.EDQUOT: "het schijfquotum is op",
}


def systeemfout(error):
    """An error's reason as an argument in both languages: the Dutch for the common file errors (an OSError's
    errno), else the error's own (English) text."""
    en = getattr(error, "strerror", None) or str(error)
    return woorden(_SYSTEEM_NL.get(getattr(error, "errno", None), en), en)


def opsomming(delen, nl=" en ", en=" and "):
    """Parts joined in each language ('2008 en 2012' / '2008 and 2012'); a part may be a Melding."""
    delen = list(delen)
    return Melding(nl.join(["{}"] * len(delen)), en.join(["{}"] * len(delen)), *delen)


def voorbeelden(values, limit=5):
    """A short list of example values ('BU1, BU2, BU3 … (12 in totaal)' / '… (12 in all)'), as ``errors.examples``."""
    values = list(values)
    shown = ", ".join(str(v) for v in values[:limit])
    if len(values) <= limit:
        return woorden(shown, shown)
    return melding("{} … ({} in totaal)", "{} … ({} in all)", woorden(shown, shown), len(values))


def in_taal(tekst, taal):
    """The text in the run's language: a ``Melding`` (or an exception carrying one) rendered in ``taal``
    (Dutch for 'nl' or a Dutch locale, else English); any other text as it is, an exception as its message."""
    if isinstance(tekst, Melding):
        return tekst.tekst(taal)
    if isinstance(tekst, BaseException):
        if tekst.args and isinstance(tekst.args[0], Melding):
            return tekst.args[0].tekst(taal)
        return str(tekst)
    return tekst


class _Letterlijk:
    """An argument that differs per language (see ``woorden``)."""

    def __init__(self, nl, en):
        self.nl, self.en = str(nl), str(en)


class _Vorm(string.Formatter):
    """``str.format`` with the arguments in one language (see 'Numbers' in the module docstring)."""

    def __init__(self, nederlands):
        super().__init__()
        self.nederlands, self.exact = nederlands is True, nederlands == "exact"

    def format_field(self, value, format_spec):
        if isinstance(value, Melding):
            return format(value.tekst("nl" if self.nederlands else "en"), format_spec)
        if isinstance(value, BaseException) and len(value.args) == 1 and getattr(value.args[0], "als", None) == "en":
            return format(value.args[0].tekst("nl" if self.nederlands else "en"), format_spec)  # an error made by fout
        if isinstance(value, _Letterlijk):
            return format(value.nl if self.nederlands else value.en, format_spec)
        if format_spec and isinstance(value, numbers.Real) and not isinstance(value, bool):
            if self.exact:  # an error's English: as an f-string writes it ('nan', '-0.00')
                return format(value, format_spec)
            return _getal(value, format_spec, self.nederlands)
        return format(value, format_spec)


def _getal(value, spec, nederlands):
    number = float(value)
    if math.isnan(number):
        return "?"
    if spec.endswith("f"):
        decimals = int(spec.rsplit(".", 1)[1][:-1]) if "." in spec else 6
        number = round(number, decimals) + 0.0  # no '-0,00'
        text = format(number, spec)
    else:
        text = format(value, spec)
    return text.translate(_NL_SCHEIDING) if nederlands else text


_NL_SCHEIDING = str.maketrans({",": ".", ".": ","})
_VORMEN = {True: _Vorm(True), False: _Vorm(False), "exact": _Vorm("exact")}


def _vul(template, argumenten, nederlands):
    return _VORMEN[nederlands].format(_enkelvoud(template, argumenten), *argumenten)


# A note that starts with a count and a noun ('{} eenheden zonder ...', '{} units without ...', also after a
# name: '{}: {} eenheden zonder waarde', or after 'in': '... in {} buurten meegeteld') reads '1 eenheid zonder',
# '1 unit without' for a count of one. Only where a preposition, adverb or participle follows the noun: where a
# verb follows ('{} rastercellen liggen'), the verb would have to change too, and the note stays as it is.
_MEERVOUD = re.compile(r"(?:^|(?<=: )|(?<= in ))\{\} (grid cells|demolition rows|units|cells|buurten|eenheden|"
                       r"cellen|rastercellen|sloopregels)(?= (?:without|with|already|not|in|counted|zonder|met|al|"
                       r"niet|na|meegeteld)\b)")
_ENKELVOUD = {"grid cells": "grid cell", "demolition rows": "demolition row", "units": "unit", "cells": "cell",
              "buurten": "buurt", "eenheden": "eenheid", "cellen": "cel", "rastercellen": "rastercel",
              "sloopregels": "sloopregel"}


_LEZER = string.Formatter()


def _enkelvoud(template, argumenten):
    def vorm(match):
        # the argument this count is: the fields before it (templates number none; '{:,.0f}' is a field too)
        plek = sum(1 for _tekst, veld, _spec, _conv in _LEZER.parse(template[:match.start()]) if veld is not None)
        aantal = argumenten[plek] if plek < len(argumenten) else None
        if isinstance(aantal, numbers.Integral) and not isinstance(aantal, bool) and aantal == 1:
            return "{} " + _ENKELVOUD[match.group(1)]
        return match.group(0)

    if "{}" not in template or not argumenten:
        return template
    return _MEERVOUD.sub(vorm, template)
