"""Load the plugin's translation for the user's QGIS locale."""

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .__about__ import PLUGIN_DIR, PLUGIN_ID


def user_language():
    """Two-letter language of the QGIS user interface (QGIS setting, else the system)."""
    locale = QgsSettings().value("locale/userLocale", "") or QLocale.system().name()
    return str(locale)[:2].lower()


def install_translator():
    """Install the compiled .qm for the user's language; None when there is none (English)."""
    qm = PLUGIN_DIR / "i18n" / f"{PLUGIN_ID}_{user_language()}.qm"
    if not qm.exists():
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator):
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


def translate(obj, text):
    """Translate text for obj, looking through its class hierarchy.

    pylupdate files ``self.tr("...")`` under the class that contains the call,
    so a string written in a base class is looked up under that base class.
    """
    for cls in type(obj).__mro__:
        translated = QCoreApplication.translate(cls.__name__, text)
        if translated != text:
            return translated
    return text
