"""The early-warning dock panel (a shell; the risk-profile view fills it in a later release)."""

from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QDockWidget, QLabel, QPushButton, QVBoxLayout, QWidget

from ..__about__ import PLUGIN_ID, __version__


class VroegsignaleringDock(QDockWidget):
    """Dock with a short explanation and a shortcut to the plugin's Processing tools."""

    def __init__(self, iface, parent=None):
        super().__init__(self.tr("Vroegsignalering leefbaarheid"), parent)
        self.iface = iface
        self.setObjectName(f"{PLUGIN_ID}_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        intro = QLabel(
            self.tr(
                "Early warning of liveability decline. Import Leefbaarometer scores and run the risk "
                "mechanisms from the Processing toolbox (group 'Vroegsignalering leefbaarheid')."
            ),
            body,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.toolbox_button = QPushButton(self.tr("Open the Processing toolbox"), body)
        self.toolbox_button.clicked.connect(self.open_toolbox)
        layout.addWidget(self.toolbox_button)
        version = QLabel(f"{PLUGIN_ID} {__version__}", body)
        version.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(version)
        layout.addStretch(1)
        self.setWidget(body)

    def tr(self, text):
        return QCoreApplication.translate("VroegsignaleringDock", text)

    def open_toolbox(self):
        """Show QGIS's Processing toolbox, where the plugin's algorithms live."""
        toolbox = self.iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
        if toolbox is None:
            self.iface.messageBar().pushWarning(PLUGIN_ID, self.tr("The Processing toolbox is not available."))
            return
        toolbox.setVisible(True)
        toolbox.raise_()
