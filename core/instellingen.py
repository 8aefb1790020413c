"""Every setting of the analysis in one text: thresholds, radii, references, weights, own indicators, the profile.

The same text is a Processing parameter (``INSTELLINGEN``) of ``vroegsignalering``,
``backtest`` and ``voorspelmodel``, a file an analyst keeps beside the project,
and what the panel writes and reads. One setting per line (or separated by
``;``), ``section.key = value``; ``#`` starts a comment::

    # thresholds, radii and references of a mechanism (its keywords, see its help)
    ontwikkeling.drempel = 0,05          # decimal comma or point
    ontwikkeling.referentie = alle       # gemeente, alle, or a fixed number
    uitstraling.straal = 400
    dimensies.dimensies = onv, soc, won
    # weights and switches in the profile
    doorstroom.gewicht = 0,5
    sloopelders.aan = nee
    # an own indicator: a field of the buurt layer or the CBS table (or a layer: bron = path)
    eigen.overlast.veld = meldingen_overlast
    eigen.overlast.richting = hoog
    eigen.overlast.drempel_percentiel = 90
    # the profile and the first step of the instrument
    profiel.regel = signalen
    profiel.potentieel_kwetsbaar = 0,25

Names are checked: an unknown mechanism or key is an error that names the line
and suggests the nearest name, so a misspelt ``ontwikeling.aan = nee`` never
silently switches nothing off. Values are typed by the setting's default
(number, whole number, yes/no, text, list); ranges are checked where the
setting is used, with a message naming the mechanism and the setting.
"""

from dataclasses import dataclass, field, fields

from .errors import InputError
from .mechanisms.register import MECHANISMEN, bedoeld, instelbaar
from .meldingen import fout, systeemfout

PROFIEL = "profiel"
EIGEN = "eigen"
SCHAKELAARS = ("aan", "gewicht")  # profile settings every mechanism and own indicator has
REFERENTIES = ("gemeente", "alle")
JA = ("ja", "yes", "true", "waar", "1", "aan", "on")
NEE = ("nee", "no", "false", "onwaar", "0", "uit", "off")

# an own indicator's keys and their defaults (the value source is resolved by the caller: see eigen_bronnen)
EIGEN_SLEUTELS = {
    "veld": None,  # a numeric field of the buurt layer or the CBS table, or of ``bron``
    "bron": None,  # a layer (path or URI) with buurt polygons (matched on code) or points
    "aggregatie": "count",  # points per unit: count, sum, mean
    "per_inwoner": False,  # per 1,000 inhabitants
    "richting": "hoog",
    "referentie": "gemeente",
    "drempel": None,
    "drempel_percentiel": 80.0,
    "omschrijving": None,
}


def _profiel_standaard():
    """The profile's settings and their defaults (ProfielRegels' fields and the first step's share)."""
    from .profile import ProfielRegels

    standaard = {f.name: f.default for f in fields(ProfielRegels) if f.name not in ("gewichten", "labels")}
    standaard["potentieel_kwetsbaar"] = 0.25
    return standaard


@dataclass
class Instellingen:
    """Parsed settings: only what was given; everything else keeps its default."""

    mechanismen: dict = field(default_factory=dict)  # naam -> {keyword: value}
    gewichten: dict = field(default_factory=dict)  # mechanism or own indicator -> weight
    aan: dict = field(default_factory=dict)  # mechanism or own indicator -> switched on (True) or off (False)
    profiel: dict = field(default_factory=dict)  # ProfielRegels field -> value, and potentieel_kwetsbaar
    eigen: dict = field(default_factory=dict)  # own indicator -> {key: value}

    # -- reading -------------------------------------------------------------

    @classmethod
    def lees(cls, tekst, bron=None):
        """Settings from text (see the module docstring); ``bron`` names it in error messages ('settings')."""
        bron = fout("instellingen", "settings") if bron is None else bron
        instellingen = cls()
        for nummer, regel in _regels(tekst or ""):
            instellingen._zet(nummer, regel, bron)
        return instellingen

    @classmethod
    def lees_bestand(cls, pad):
        from pathlib import Path

        pad = Path(pad)
        try:
            tekst = pad.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(fout("Instellingenbestand {}: kan niet als UTF-8-tekst worden gelezen ({}).",
                                  "Settings file {}: cannot be read as UTF-8 text ({}).", pad,
                                  systeemfout(error))) from None
        return cls.lees(tekst, pad.name)

    def _zet(self, nummer, regel, bron):
        waar = fout("{}, regel {} ('{}')", "{}, line {} ('{}')", bron, nummer, regel)
        sleutel, is_, waarde = regel.partition("=")
        if not is_:
            raise InputError(fout("{}: verwacht 'sectie.sleutel = waarde', bijv. 'ontwikkeling.drempel = 0,05'.",
                                  "{}: expected 'section.key = value', e.g. 'ontwikkeling.drempel = 0,05'.", waar))
        delen = [d.strip().lower() for d in sleutel.split(".")]
        waarde = waarde.strip()
        if any(not d for d in delen) or len(delen) < 2:
            raise InputError(fout("{}: verwacht 'sectie.sleutel = waarde', bijv. 'ontwikkeling.gewicht = 0'.",
                                  "{}: expected 'section.key = value', e.g. 'ontwikkeling.gewicht = 0'.", waar))
        sectie = delen[0]
        if sectie in MECHANISMEN:
            self._mechanisme(waar, sectie, delen[1:], waarde)
        elif sectie == EIGEN:
            self._eigen(waar, delen[1:], waarde)
        elif sectie == PROFIEL:
            self._profiel(waar, delen[1:], waarde)
        else:
            bekend = (*MECHANISMEN, EIGEN, PROFIEL)
            raise InputError(fout("{}: onbekende sectie '{}'{}; gebruik een mechanisme ({}), 'eigen.<naam>' of 'profiel'.",
                                  "{}: unknown section '{}'{}; use a mechanism ({}), 'eigen.<name>' or 'profiel'.", waar, sectie, bedoeld(sectie, bekend), ', '.join(MECHANISMEN)))

    def _mechanisme(self, waar, naam, rest, waarde):
        if len(rest) != 1:
            raise InputError(fout("{}: verwacht '{}.sleutel = waarde'.",
                                  "{}: expected '{}.key = value'.", waar, naam))
        sleutel = rest[0]
        if sleutel in SCHAKELAARS:
            self._schakelaar(waar, naam, sleutel, waarde)
            return
        standaard = instelbaar(naam)
        if sleutel not in standaard:
            raise InputError(fout("{}: {} heeft geen instelling '{}'{}; de instellingen ervan: {}.",
                                  "{}: {} has no setting '{}'{}; its settings: {}.", waar, naam, sleutel, bedoeld(sleutel, standaard), ', '.join((*standaard, *SCHAKELAARS))))
        self.mechanismen.setdefault(naam, {})[sleutel] = _waarde(waar, sleutel, waarde, standaard[sleutel])

    def _eigen(self, waar, rest, waarde):
        if len(rest) != 2:
            raise InputError(fout("{}: verwacht 'eigen.<naam>.sleutel = waarde', bijv. 'eigen.overlast.veld = meldingen'.",
                                  "{}: expected 'eigen.<name>.key = value', e.g. 'eigen.overlast.veld = meldingen'.", waar))
        naam, sleutel = rest
        _check_eigen_naam(waar, naam)
        if sleutel in SCHAKELAARS:
            self.eigen.setdefault(naam, {})
            self._schakelaar(waar, naam, sleutel, waarde)
            return
        if sleutel not in EIGEN_SLEUTELS:
            raise InputError(fout("{}: een eigen indicator heeft geen instelling '{}'{}; de instellingen ervan: {}.",
                                  "{}: an own indicator has no setting '{}'{}; its settings: {}.", waar, sleutel, bedoeld(sleutel, EIGEN_SLEUTELS), ', '.join((*EIGEN_SLEUTELS, *SCHAKELAARS))))
        standaard = EIGEN_SLEUTELS[sleutel]
        tekst_sleutel = sleutel in ("veld", "bron", "omschrijving")
        self.eigen.setdefault(naam, {})[sleutel] = waarde if tekst_sleutel else _waarde(waar, sleutel, waarde, standaard)

    def _profiel(self, waar, rest, waarde):
        standaard = _profiel_standaard()
        if len(rest) != 1 or rest[0] not in standaard:
            sleutel = ".".join(rest)
            raise InputError(fout("{}: het profiel heeft geen instelling '{}'{}; de instellingen ervan: {}.",
                                  "{}: the profile has no setting '{}'{}; its settings: {}.", waar, sleutel, bedoeld(sleutel, standaard), ', '.join(standaard)))
        self.profiel[rest[0]] = _waarde(waar, rest[0], waarde, standaard[rest[0]])

    def _schakelaar(self, waar, naam, sleutel, waarde):
        if sleutel == "aan":
            self.aan[naam] = _ja_nee(waar, waarde)
        else:
            gewicht = _waarde(waar, "gewicht", waarde, 1.0)
            if gewicht < 0:
                raise InputError(fout("{}: een gewicht moet 0 of meer zijn.",
                                      "{}: a weight must be 0 or more.", waar))
            self.gewichten[naam] = gewicht

    # -- using ---------------------------------------------------------------

    def samen(self, later):
        """These settings with ``later``'s on top (the later value wins)."""
        merged = Instellingen(
            {k: dict(v) for k, v in self.mechanismen.items()}, dict(self.gewichten), dict(self.aan),
            dict(self.profiel), {k: dict(v) for k, v in self.eigen.items()})
        for naam, waarden in later.mechanismen.items():
            merged.mechanismen.setdefault(naam, {}).update(waarden)
        merged.gewichten.update(later.gewichten)
        merged.aan.update(later.aan)
        merged.profiel.update(later.profiel)
        for naam, waarden in later.eigen.items():
            merged.eigen.setdefault(naam, {}).update(waarden)
        return merged

    @property
    def uit(self):
        """Mechanisms and own indicators switched off."""
        return {naam for naam, aan in self.aan.items() if not aan}

    def kwargs(self, naam):
        """The keyword settings of a mechanism (only those given)."""
        return dict(self.mechanismen.get(naam, {}))

    def regels(self, **basis):
        """The profile rules: ``basis`` (e.g. the separate Processing parameters) with these settings on top."""
        from .profile import ProfielRegels

        waarden = {**basis, **{k: v for k, v in self.profiel.items() if k != "potentieel_kwetsbaar"}}
        gewichten = {**basis.get("gewichten", {}), **self.gewichten}
        for naam in self.uit:
            gewichten[naam] = 0.0
        waarden["gewichten"] = gewichten
        return ProfielRegels(**waarden)

    @property
    def potentieel_kwetsbaar(self):
        return float(self.profiel.get("potentieel_kwetsbaar", _profiel_standaard()["potentieel_kwetsbaar"]))

    def tekst(self):
        """The settings as text in the format ``lees`` reads (canonical order; only what was given)."""
        regels = []
        for naam in (*MECHANISMEN, *sorted(self.eigen)):
            eigen = naam not in MECHANISMEN
            prefix = f"{EIGEN}.{naam}" if eigen else naam
            waarden = self.eigen.get(naam, {}) if eigen else self.mechanismen.get(naam, {})
            for sleutel, waarde in waarden.items():
                regels.append(f"{prefix}.{sleutel} = {_tekst(waarde)}")
            if naam in self.aan:
                regels.append(f"{prefix}.aan = {_tekst(self.aan[naam])}")
            if naam in self.gewichten:
                regels.append(f"{prefix}.gewicht = {_tekst(self.gewichten[naam])}")
        for sleutel, waarde in self.profiel.items():
            regels.append(f"{PROFIEL}.{sleutel} = {_tekst(waarde)}")
        return "\n".join(regels)


def _regels(tekst):
    """(line number, setting) pairs: comments and blank parts dropped; ';' separates settings on a line."""
    for nummer, regel in enumerate(str(tekst).splitlines(), start=1):
        regel = regel.split("#", 1)[0]
        for deel in regel.split(";"):
            if deel.strip():
                yield nummer, deel.strip()


def _check_eigen_naam(waar, naam):
    import re

    if not re.fullmatch(r"[a-z][a-z0-9_]{0,39}", naam) or naam in MECHANISMEN or naam == "risico":
        raise InputError(fout("{}: naam van eigen indicator '{}': kleine letters, cijfers en _ (beginnend met een letter, hoogstens 40), en niet de naam van een mechanisme.",
                              "{}: own indicator name '{}': lower-case letters, digits and _ (starting with a letter, at most 40), and not the name of a mechanism.", waar, naam))


def _ja_nee(waar, waarde):
    tekst = str(waarde).strip().lower()
    if tekst in JA:
        return True
    if tekst in NEE:
        return False
    raise InputError(fout("{}: verwacht ja of nee, gekregen: '{}'.",
                          "{}: expected ja or nee (yes/no), got '{}'.", waar, waarde))


def _waarde(waar, sleutel, waarde, standaard):
    """A value typed by the setting's default: number, whole number, yes/no, reference, list or text."""
    tekst = str(waarde).strip()
    if isinstance(standaard, bool):
        return _ja_nee(waar, tekst)
    if sleutel == "referentie":
        if tekst.lower() in REFERENTIES:
            return tekst.lower()
        return _getal(waar, sleutel, tekst, fout("'gemeente', 'alle' of een getal", "'gemeente', 'alle' or a number"))
    if isinstance(standaard, int):
        number = _getal(waar, sleutel, tekst, fout("een geheel getal", "a whole number"))
        if number != int(number):
            raise InputError(fout("{}: {} moet een geheel getal zijn, gekregen: '{}'.",
                                  "{}: {} must be a whole number, got '{}'.", waar, sleutel, waarde))
        return int(number)
    if isinstance(standaard, float) or standaard is None:
        if standaard is None and tekst.lower() in ("", "geen", "none", "leeg"):
            return None
        return _getal(waar, sleutel, tekst, fout("een getal", "a number"))
    if isinstance(standaard, (tuple, list)):
        return tuple(d for d in tekst.replace(",", " ").split() if d)
    return tekst


def _getal(waar, sleutel, tekst, wat):
    try:
        number = float(tekst.replace(",", "."))
    except ValueError:
        raise InputError(fout("{}: {} moet {} zijn, gekregen: '{}'.",
                              "{}: {} must be {}, got '{}'.", waar, sleutel, wat, tekst)) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise InputError(fout("{}: {} moet een eindig getal zijn, gekregen: '{}'.",
                              "{}: {} must be a finite number, got '{}'.", waar, sleutel, tekst))
    return number


def _tekst(waarde):
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, (tuple, list)):
        return ", ".join(map(str, waarde))
    if isinstance(waarde, float):
        return f"{waarde:g}" if abs(waarde) >= 1e-4 or waarde == 0 else repr(waarde)
    return str(waarde)


def eigen_kwargs(spec):
    """The ``eigenindicator`` keywords of an own indicator's settings (its value source excluded)."""
    keys = ("richting", "referentie", "drempel", "drempel_percentiel", "omschrijving")
    return {k: spec[k] for k in keys if spec.get(k) is not None}
