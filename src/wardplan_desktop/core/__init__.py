"""The Qt-free core: plan model, storage, calculations and file formats.

Nothing under this package may import PySide6; a test enforces it, so that the
command line, the document writers and the tests can drive the core without a
QApplication.
"""
