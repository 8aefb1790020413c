"""The one place where QGIS versions differ (3.22 .. 4.x).

QGIS 3.30-3.38 moved enums into ``Qgis`` and field types to ``QMetaType``;
QGIS 4 (Qt6) drops the old spellings. Everything else in the plugin imports
these names instead of branching itself.
"""

from qgis.core import Qgis, QgsProcessing, QgsProcessingAlgorithm, QgsProcessingParameterNumber, QgsWkbTypes
from qgis.PyQt.QtCore import QMetaType, QVariant

QGIS_VERSION = Qgis.versionInt()

if QGIS_VERSION >= 33600:
    SOURCE_ANY = Qgis.ProcessingSourceType.Vector
    SOURCE_POLYGON = Qgis.ProcessingSourceType.VectorPolygon
    SOURCE_POINT = Qgis.ProcessingSourceType.VectorPoint
    SOURCE_GEOMETRY = Qgis.ProcessingSourceType.VectorAnyGeometry
    SOURCE_FILE = Qgis.ProcessingSourceType.File
    NUMBER_INTEGER = Qgis.ProcessingNumberParameterType.Integer
    NUMBER_DOUBLE = Qgis.ProcessingNumberParameterType.Double
    FLAG_NO_THREADING = Qgis.ProcessingAlgorithmFlag.NoThreading
else:
    SOURCE_ANY = QgsProcessing.SourceType.TypeVector
    SOURCE_POLYGON = QgsProcessing.SourceType.TypeVectorPolygon
    SOURCE_POINT = QgsProcessing.SourceType.TypeVectorPoint
    SOURCE_GEOMETRY = QgsProcessing.SourceType.TypeVectorAnyGeometry
    SOURCE_FILE = QgsProcessing.SourceType.TypeFile
    NUMBER_INTEGER = QgsProcessingParameterNumber.Type.Integer
    NUMBER_DOUBLE = QgsProcessingParameterNumber.Type.Double
    FLAG_NO_THREADING = QgsProcessingAlgorithm.Flag.FlagNoThreading

if QGIS_VERSION >= 33000:
    WKB_MULTIPOLYGON = Qgis.WkbType.MultiPolygon
    WKB_NONE = Qgis.WkbType.NoGeometry
    GEOMETRY_POINT = Qgis.GeometryType.Point
else:
    WKB_MULTIPOLYGON = QgsWkbTypes.Type.MultiPolygon
    WKB_NONE = QgsWkbTypes.Type.NoGeometry
    GEOMETRY_POINT = QgsWkbTypes.GeometryType.PointGeometry

if QGIS_VERSION >= 33800:
    FIELD_DOUBLE = QMetaType.Type.Double
    FIELD_INT = QMetaType.Type.Int
    FIELD_LONG = QMetaType.Type.LongLong
    FIELD_STRING = QMetaType.Type.QString
else:
    FIELD_DOUBLE = QVariant.Type.Double
    FIELD_INT = QVariant.Type.Int
    FIELD_LONG = QVariant.Type.LongLong
    FIELD_STRING = QVariant.Type.String

if QGIS_VERSION >= 33000:
    LAYOUT_MM = Qgis.LayoutUnit.Millimeters
else:
    from qgis.core import QgsUnitTypes

    LAYOUT_MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters

if hasattr(Qgis, "ScaleBarSegmentSizeMode"):  # QGIS 3.30+
    SCALEBAR_FIXED = Qgis.ScaleBarSegmentSizeMode.Fixed
    KILOMETERS = Qgis.DistanceUnit.Kilometers
else:
    from qgis.core import QgsScaleBarSettings, QgsUnitTypes

    SCALEBAR_FIXED = QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFixed
    KILOMETERS = QgsUnitTypes.DistanceUnit.DistanceKilometers

if hasattr(Qgis, "TextRenderFormat"):  # QGIS 3.26+
    TEXT_ALWAYS = Qgis.TextRenderFormat.AlwaysText
else:
    from qgis.core import QgsRenderContext

    TEXT_ALWAYS = QgsRenderContext.TextRenderFormat.TextFormatAlwaysText
