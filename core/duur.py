"""Seconds per stage of a long run, for the log's closing 'Duration' line: where a national run spends its time."""

import time


class Stopwatch:
    """``stap(naam)`` closes the stage that ran since the previous call (or the start)."""

    def __init__(self):
        self.stappen = {}
        self._begin = time.perf_counter()

    def stap(self, naam, erbij=None):
        """Close stage ``naam``; ``erbij``: sub-stages timed elsewhere ({name: seconds}), listed after it."""
        nu = time.perf_counter()
        self.stappen[naam] = self.stappen.get(naam, 0.0) + nu - self._begin
        self._begin = nu
        for sub, seconden in (erbij or {}).items():
            self.stappen[f"  {sub}"] = seconden

    def tekst(self, totaal="total", drempel=0.05):
        """'read 4.1 s; units 2.0 s; ...; total 9.0 s' (sub-stages under ``drempel`` seconds left out)."""
        delen = [f"{naam.strip()} {seconden:.1f} s" for naam, seconden in self.stappen.items()
                 if not naam.startswith("  ") or seconden >= drempel]
        return "; ".join(delen) + f"; {totaal} {sum(s for n, s in self.stappen.items() if not n.startswith('  ')):.1f} s"
