"""A Processing algorithm run as a QGIS background task: progress, cancel, messages, QGIS stays responsive.

The panel runs the same algorithms as the toolbox (``vroegsignalering``,
``downloaddata``) through ``QgsProcessingAlgRunnerTask``; the results are
handed back on the main thread, where layers may be added to the project.
"""

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal


class Terugmelding(QgsProcessingFeedback):
    """Feedback that keeps the messages (for the panel's log) and the error that stopped the run."""

    def __init__(self):
        super().__init__()
        self.berichten, self.fout = [], ""

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.berichten.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802 (QGIS API)
        self.berichten.append(warning)
        super().pushWarning(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API)
        self.fout = error
        super().reportError(error, fatalError)


class Taak(QObject):
    """One algorithm run in the background. ``klaar(succes, resultaten, foutmelding)`` arrives on the main thread."""

    klaar = pyqtSignal(bool, dict, str)
    voortgang = pyqtSignal(float)

    def __init__(self, algorithm_id, parameters, beschrijving, parent=None):
        super().__init__(parent)
        registry = QgsApplication.processingRegistry()
        self.algorithm = registry.createAlgorithmById(algorithm_id)
        if self.algorithm is None:
            raise RuntimeError(f"{algorithm_id}: the plugin's Processing provider is not loaded")
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = Terugmelding()
        self.feedback.progressChanged.connect(self.voortgang.emit)
        self.task = QgsProcessingAlgRunnerTask(self.algorithm, parameters, self.context, self.feedback)
        self.task.setDescription(beschrijving)
        self.task.executed.connect(self._uitgevoerd)
        self.bezig = False

    def start(self):
        self.bezig = True
        QgsApplication.taskManager().addTask(self.task)

    def annuleer(self):
        self.feedback.cancel()
        if self.bezig:
            self.task.cancel()

    def _uitgevoerd(self, succes, resultaten):
        self.bezig = False
        fout = "" if succes else (self.feedback.fout or (
            "Cancelled" if self.feedback.isCanceled() else "The run stopped without a message"))
        # the layers the run opened (its inputs) are released now, on the main thread: left to the garbage
        # collector, GDAL would close their files at an arbitrary moment (QGIS 3.22 crashed on it)
        self.context.temporaryLayerStore().removeAllMapLayers()
        self.klaar.emit(bool(succes), dict(resultaten or {}), fout)
