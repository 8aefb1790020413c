"""The method as plain numpy/pandas functions: no QGIS import anywhere in this package."""
