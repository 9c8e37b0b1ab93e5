"""The user guide and the About box, from the Help menu.

The guide is Markdown with pictures made by the screenshot tool, shipped in
``resources/help`` (one file per language), shown in a QTextBrowser.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, i18n
from ..core.sync.keys import has_identity, load_identity
from ..paths import resource_path


def guide_path(lang: str | None = None) -> Path:
    """The guide in the language the program speaks, else in English."""
    lang = lang or i18n.current_language()
    path = resource_path("help", f"guide.{lang}.md")
    return path if path.exists() else resource_path("help", "guide.en.md")


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        path = guide_path(lang)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)),
                               QTextDocument.ResourceType.MarkdownResource)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(980, 700)


def about_text(data_folder: Path) -> str:
    """Version, data folder and this installation's key fingerprint, as HTML."""
    translate = QCoreApplication.translate
    if has_identity(data_folder):
        key = load_identity(data_folder).fingerprint
    else:
        key = translate("AboutDialog", "not made yet (it is made when a plan is first "
                                       "printed, exported or sent)")
    rows = [
        (translate("AboutDialog", "Version"), __version__),
        (translate("AboutDialog", "Data folder"), str(data_folder)),
        (translate("AboutDialog", "Key fingerprint of this installation"), key),
    ]
    body = "".join(f"<tr><td><b>{label}</b></td><td>{value}</td></tr>" for label, value in rows)
    intro = translate("AboutDialog", "Annual socio-economic development plans of wards, "
                                     "communes and townships.")
    return f"<h3>WardPlan Desktop</h3><p>{intro}</p><table cellspacing='6'>{body}</table>"


class AboutDialog(QDialog):
    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About WardPlan Desktop"))
        self.label = QLabel(about_text(data_folder), self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
        self.resize(620, 240)
