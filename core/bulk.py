"""Bulk work without Python's cyclic garbage collector.

A national run makes millions of small objects (codes, sentences, row
tuples); every few thousand new ones the collector walks the young ones and
now and then all of them. None of these objects form cycles, so the walks
find nothing: measured on the country, they took a third of reading the
scores and of cutting cells into buurten. The collector is off while the
work runs and back as it was afterwards (also after an error).
"""

import gc
from contextlib import contextmanager


@contextmanager
def zonder_gc():
    """Run the block with the cyclic collector paused; reference counting frees memory as usual."""
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()
