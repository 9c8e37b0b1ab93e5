"""The reference for start-up: a bare PySide6 program shaped like the main window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bare_window.py

It starts a QApplication, builds a main window with as many pages, tab widgets
and item views as WardPlan's main window builds at start (counted with
``findChildren`` on a ward's data folder), paints it once with ``grab()`` and
exits, like ``wardplan --smoke-test``.  Nothing is read or written: what is left
is the cost of Python, Qt and the widgets themselves.

The main window at start: 12 pages in a stack chosen from a list (a page is
built when first shown, so only the first holds widgets: no tab widget, table
or tree view), 1 list widget, a list view in a dock, a tool bar, 5 menus and a
status bar.  The constants below allow tab widgets, tables and trees, should
the window build some at start again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

PAGES = 12
TAB_WIDGETS, TABS_EACH = 0, 3
TABLE_VIEWS = 0
TREE_VIEWS = 0
DOCK_ROWS = 5
MENUS = 5


def _model(rows: int, columns: int) -> QStandardItemModel:
    model = QStandardItemModel(rows, columns)
    for r in range(rows):
        for c in range(columns):
            model.setItem(r, c, QStandardItem(f"{r + 1}.{c + 1}"))
    return model


def build() -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    stack = QStackedWidget()
    nav = QListWidget()
    nav.setFixedWidth(200)
    tables = [QTableView() for _ in range(TABLE_VIEWS)]
    for table in tables:
        table.setModel(_model(10, 6))
    trees = [QTreeView() for _ in range(TREE_VIEWS)]
    for tree in trees:
        tree.setModel(_model(5, 2))
    views: list[QWidget] = [*tables, *trees]
    for p in range(PAGES):
        if p < TAB_WIDGETS:
            page: QWidget = QTabWidget()
            for t in range(TABS_EACH):
                tab = QWidget()
                box = QVBoxLayout(tab)
                box.addWidget(QLabel(f"Tab {t + 1}"))
                if views:
                    box.addWidget(views.pop())
                page.addTab(tab, f"Tab {t + 1}")  # type: ignore[attr-defined]
        else:
            page = QWidget()
            box = QVBoxLayout(page)
            box.addWidget(QLabel(f"Page {p + 1}"))
            if views:
                box.addWidget(views.pop())
        stack.addWidget(page)
        nav.addItem(f"Page {p + 1}")
    nav.currentRowChanged.connect(stack.setCurrentIndex)
    nav.setCurrentRow(0)
    central = QWidget()
    row = QHBoxLayout(central)
    row.addWidget(nav)
    row.addWidget(stack, 1)
    window.setCentralWidget(central)

    dock = QDockWidget("Checks")
    checks = QListView()
    checks.setModel(_model(DOCK_ROWS, 1))
    dock.setWidget(checks)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    toolbar = QToolBar()
    for m in range(MENUS):
        menu = window.menuBar().addMenu(f"Menu {m + 1}")
        for a in range(4):
            action = QAction(f"Action {m + 1}.{a + 1}", window)
            menu.addAction(action)
            if a == 0:
                toolbar.addAction(action)
    window.addToolBar(toolbar)
    window.statusBar().showMessage("Ready")
    window.resize(1280, 720)
    return window


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = build()
    window.show()
    app.processEvents()
    window.grab()  # a full paint, as the smoke test does
    app.processEvents()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
