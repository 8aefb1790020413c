"""Errors the user can act on.

Algorithms catch ``InputError`` and show its message as is (no traceback), so
the message must name the file, field and row where it can.
"""


class InputError(ValueError):
    """Bad or unusable input, described for the analyst who supplied it."""


def examples(values, limit=5):
    """A short, readable list of example values for an error message."""
    values = list(values)
    shown = ", ".join(str(v) for v in values[:limit])
    if len(values) > limit:
        shown += f" … ({len(values)} in all)"
    return shown
