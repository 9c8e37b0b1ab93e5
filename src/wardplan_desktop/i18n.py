"""Loading the program's translations (Vietnamese by default, English second).

English is the source language of every string; ``translations/wardplan_vi.ts``
holds the Vietnamese texts and is compiled to ``.qm`` by the build step
(``python -m wardplan_desktop.tools.i18n``).  Qt ships no Vietnamese for its own
strings (standard buttons, file and print dialogs, context menus), so
``translations/qtbase_vi.ts``, kept by hand, supplies them.  The translators
must stay referenced for as long as they are installed, or Qt silently stops
translating: :data:`_installed` keeps them.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QTranslator

from .paths import translations_dir

LANG_ENV = "WARDPLAN_LANG"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def chosen_language(explicit: str | None = None) -> str:
    lang = explicit or os.environ.get(LANG_ENV) or DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def install(lang: str) -> bool:
    """Install the translators for ``lang`` on the running application.

    Returns False when the compiled translation is missing (the program then
    speaks English rather than failing).
    """
    global _current
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    _current = lang
    if lang == "en":
        return True
    ok = True
    # Qt asks the translator installed last first: ours goes last so that it
    # wins should it ever word one of Qt's own strings differently.
    for name in (f"qtbase_{lang}", f"wardplan_{lang}"):
        translator = QTranslator()
        if translator.load(name, str(translations_dir())):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
        elif name.startswith("wardplan"):
            ok = False
    return ok


def current_language() -> str:
    """The language last installed (the default before any)."""
    return _current


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
