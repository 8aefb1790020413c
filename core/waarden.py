"""Single values from a frame row as the texts need them: a number or None, a whole number, a text or ''.

Rows read back from a layer carry None, NaN, pandas NA or text where a figure
is missing; the summaries, the chart and the report treat all of them alike.
"""

import math

import pandas as pd


def als_getal(value):
    """A float, or None for a missing value (None, NaN, pandas NA, text that is no number)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def als_geheel(value):
    """A whole number (rounded), or None."""
    number = als_getal(value)
    return None if number is None else int(round(number))


def als_tekst(value):
    """Text without surrounding spaces, '' for a missing value."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()
