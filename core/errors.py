"""Errors the user can act on.

Algorithms catch ``InputError`` and show its message (no traceback) in the
run's language: raise it with ``meldingen.fout(dutch, english, ...)``, whose
str value is the English. The message must name the file, field and row where
it can.
"""

from .meldingen import Melding


class InputError(ValueError):
    """Bad or unusable input, described for the analyst who supplied it."""


def examples(values, limit=5):
    """A short, readable list of example values for an error message.

    A ``Melding`` whose str value is the English ('BU1, BU2 … (12 in all)'), Dutch inside a Dutch message
    ('… (12 in totaal)'); a value that is itself a ``Melding`` renders in the message's language.
    """
    values = list(values)
    shown = Melding(*[", ".join(["{}"] * len(values[:limit]))] * 2, *values[:limit], als="en")
    if len(values) > limit:
        return Melding("{} … ({} in totaal)", "{} … ({} in all)", shown, len(values), als="en")
    return shown
