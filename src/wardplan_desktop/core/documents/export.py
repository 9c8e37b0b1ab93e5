"""One entry point for every printable format: check, render, write atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..interchange.codec import write_atomically
from . import layout

FORMATS = ("pdf", "docx", "xlsx")
DOCUMENTS = ("main", "appendices", "all")

MSG_XLSX_APPENDICES_ONLY = QT_TRANSLATE_NOOP(
    "Errors", "An Excel file holds the appendices only; choose the appendices or a PDF or "
    "Word file for the document itself."
)
MSG_NO_APPENDICES = QT_TRANSLATE_NOOP("Errors", "This document has no appendices to print.")


def render(plan: dict[str, Any], fmt: str, document: str = "all",
           seal: dict[str, str] | None = None) -> bytes:
    """The plan (plan-file data) as ``fmt`` bytes; refuses an incomplete document.

    ``seal`` (the signing key's fingerprint and this revision's short content hash,
    see :func:`wardplan_desktop.core.sync.exchange.seal_of`) is printed on the
    appendices, with a QR code in the PDF.
    """
    if seal:
        plan = {**plan, layout.SEAL: seal}
    if fmt not in FORMATS or document not in DOCUMENTS:
        raise ValueError((fmt, document))
    layout.check_printable(plan)
    wants_appendices = document == "appendices" or fmt == "xlsx"
    if fmt == "xlsx" and document == "main":
        raise InputError(MSG_XLSX_APPENDICES_ONLY)
    if wants_appendices and not plan.get("appendices") and not plan.get("indicator_groups"):
        raise InputError(MSG_NO_APPENDICES)
    if fmt == "pdf":
        from .pdf import build_pdf

        return build_pdf(plan, document)
    if fmt == "docx":
        from .docx_writer import build_docx

        return build_docx(plan, document)
    from .xlsx_writer import build_xlsx

    return build_xlsx(plan)


def export_to_file(plan: dict[str, Any], fmt: str, document: str, path: Path,
                   seal: dict[str, str] | None = None) -> None:
    """Render and write; a failure leaves no file, or the previous one, in place."""
    write_atomically(Path(path), render(plan, fmt, document, seal))
