"""Plugin name and version, read once from metadata.txt (one source of truth)."""

import configparser
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
PLUGIN_ID = "vroegsignalering"

_meta = configparser.ConfigParser(interpolation=None)
_meta.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")

__title__ = _meta.get("general", "name")
__version__ = _meta.get("general", "version")
__homepage__ = _meta.get("general", "homepage")
