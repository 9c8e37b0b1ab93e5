"""The first start on an empty data folder: a ward, an upper level, or the sample plans.

A short wizard: what this office is, then its few details (unit, upper level,
signer), and the program opens on the first plan ready to fill.  Everything is
editable later.  "Explore with sample plans" loads the three seed documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..core import first_run
from ..core.errors import WardPlanError
from ..core.storage.database import Database

WARD, UPPER, SAMPLES = 0, 1, 2
PAGE_CHOICE, PAGE_WARD, PAGE_UPPER, PAGE_SAMPLES = 0, 1, 2, 3
translate = QCoreApplication.translate


class _Choice(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to WardPlan Desktop"))
        self.setSubTitle(self.tr("What will this computer be used for? You can change the "
                                 "details later."))
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for value, text in ((WARD, self.tr("&Ward, commune or township: write our plan")),
                            (UPPER, self.tr("&Upper level: receive and consolidate the "
                                            "wards' plans")),
                            (SAMPLES, self.tr("&Explore with the sample plans first"))):
            button = QRadioButton(text, self)
            self.group.addButton(button, value)
            layout.addWidget(button)
        self.group.button(WARD).setChecked(True)

    def nextId(self) -> int:  # noqa: N802
        choice = self.group.checkedId()
        # Every choice has a page of its own, the last: the wizard decides between "Next"
        # and "Finish" when it shows a page, not when a choice changes on it.
        return {WARD: PAGE_WARD, UPPER: PAGE_UPPER, SAMPLES: PAGE_SAMPLES}[choice]


def _level_box(parent: QWidget, words: list[str]) -> QComboBox:
    box = QComboBox(parent)
    box.addItems(words)
    box.setEditable(False)
    return box


class _Ward(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your ward"))
        self.setSubTitle(self.tr("As printed in the header of your documents."))
        self.name, self.code, self.place = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.level = _level_box(self, ["phường", "xã", "thị trấn", "đặc khu"])
        self.upper_name, self.upper_code = QLineEdit(self), QLineEdit(self)
        self.upper_level = _level_box(self, ["thành phố", "quận", "huyện", "thị xã", "tỉnh"])
        self.signer, self.position = QLineEdit(self), QLineEdit(self)
        self.position.setText("CHỦ TỊCH")
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year + 1)
        self.name.setPlaceholderText("Phường Mỹ Phú")
        self.upper_name.setPlaceholderText("Thành phố Cao Lãnh")
        self.name.textEdited.connect(self._suggest_place)
        form = QFormLayout(self)
        form.addRow(self.tr("&Level:"), self.level)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Code (as the upper level knows you):"), self.code)
        form.addRow(self.tr("&Place name in the date line:"), self.place)
        form.addRow(self.tr("Upper level's n&ame:"), self.upper_name)
        form.addRow(self.tr("Upper level's c&ode:"), self.upper_code)
        form.addRow(self.tr("Upper level's le&vel:"), self.upper_level)
        form.addRow(self.tr("&Signer:"), self.signer)
        form.addRow(self.tr("Signer's &position:"), self.position)
        form.addRow(self.tr("First plan for the &year:"), self.year)
        for widget in (self.name, self.code, self.upper_name, self.upper_code):
            widget.textChanged.connect(self.completeChanged)

    def _suggest_place(self, text: str) -> None:
        self.place.setText(first_run.place_of(text))

    def isComplete(self) -> bool:  # noqa: N802
        return all(w.text().strip() for w in (self.name, self.code, self.upper_name,
                                              self.upper_code))

    def nextId(self) -> int:  # noqa: N802
        return -1


class _Upper(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your office"))
        self.setSubTitle(self.tr("The wards' files are addressed to this code."))
        self.name, self.code = QLineEdit(self), QLineEdit(self)
        self.level = _level_box(self, ["thành phố", "quận", "huyện", "thị xã", "tỉnh"])
        form = QFormLayout(self)
        form.addRow(self.tr("&Level:"), self.level)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Code:"), self.code)
        for widget in (self.name, self.code):
            widget.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.name.text().strip() and self.code.text().strip())

    def nextId(self) -> int:  # noqa: N802
        return -1


class _Samples(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The sample plans"))
        self.setSubTitle(self.tr("Three real ward documents, to look around and try things."))
        text = QLabel(self.tr(
            "Finish loads the 2024 plans of Phường Mỹ Phú and Phường Lê Lợi and the council "
            "resolution of Phường Lái Thiêu into this data folder. Change them freely. Your "
            "own unit is set up in a data folder of its own, empty: the user guide says how "
            "to start WardPlan on one (Help → User guide)."), self)
        text.setWordWrap(True)
        QVBoxLayout(self).addWidget(text)

    def nextId(self) -> int:  # noqa: N802
        return -1


class FirstRunWizard(QWizard):
    """Sets up an empty data folder; ``apply()`` does the work once finished."""

    def __init__(self, db: Database, load_samples: Callable[[], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.load_samples = db, load_samples
        self.setWindowTitle(self.tr("First start"))
        self.choice, self.ward, self.upper = _Choice(self), _Ward(self), _Upper(self)
        self.setPage(PAGE_CHOICE, self.choice)
        self.setPage(PAGE_WARD, self.ward)
        self.setPage(PAGE_UPPER, self.upper)
        self.samples = _Samples(self)
        self.setPage(PAGE_SAMPLES, self.samples)
        self.note = QLabel(self)
        self.resize(640, 520)

    def apply(self) -> bool:
        """Set the folder up as chosen; a refusal is shown and nothing is stored."""
        try:
            choice = self.choice.group.checkedId()
            if choice == SAMPLES:
                self.load_samples()
            elif choice == UPPER:
                first_run.set_up_upper(self.db, self.upper.code.text(), self.upper.name.text(),
                                       self.upper.level.currentText())
            else:
                w = self.ward
                first_run.set_up_ward(
                    self.db, code=w.code.text(), name=w.name.text(),
                    level=w.level.currentText(), place=w.place.text(),
                    upper_code=w.upper_code.text(), upper_name=w.upper_name.text(),
                    upper_level_word=w.upper_level.currentText(), signer=w.signer.text(),
                    position=w.position.text(), year=w.year.value())
        except WardPlanError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.render(translate))
            return False
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()
