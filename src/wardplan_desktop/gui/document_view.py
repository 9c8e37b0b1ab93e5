"""A read-only on-screen rendering of a plan document, composed like the printed one."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QWidget

from ..core.documents import layout


def plan_html(plan: dict[str, Any]) -> str:
    """The document as simple HTML for the screen, composed like the printed one.

    Every fixed part (number and date lines, type, recipients, signature, footnote
    numbers) comes from the same composition module as the PDF, Word and Excel
    files; document text is Vietnamese by nature, so it is not translated.
    """
    esc = html.escape
    numbers = layout.footnote_numbers(plan)
    notes: dict[int, str] = {}

    def text(t: str) -> str:
        out = []
        for part in layout.split_footnotes(layout.nfc(t), plan, numbers):
            if isinstance(part, layout.FootnoteRef):
                notes[part.number] = part.text
                out.append(f"<sup>{part.number}</sup>")
            else:
                out.append(esc(part))
        return "".join(out)

    out = [
        "<table width='100%'><tr>",
        "<td width='42%' align='center'>",
        *(f"<div>{esc(plan['parent_body'])}</div>" for _ in [0] if plan["parent_body"]),
        "<b>" + "<br>".join(esc(x) for x in plan["issuing_body"]) + "</b>",
        f"<div>{esc(layout.number_line(plan))}</div></td>",
        "<td width='58%' align='center'><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>",
        "Độc lập - Tự do - Hạnh phúc</b>",
        f"<div><i>{esc(layout.date_line(plan))}</i></div></td></tr></table>",
        f"<p align='center'><b>{layout.type_label(plan)}<br>{esc(plan['title'])}</b></p>",
    ]
    out += [f"<p align='center'><b>{esc(x)}</b></p>" for x in plan["heading_lines"]]
    out += [f"<p><i>{text(x)}</i></p>" for x in plan["legal_bases"]]
    out += [f"<p>{text(x)}</p>" for x in plan["preamble"]]
    for _, node in layout.walk_with_depth(plan["sections"]):
        label = esc(node["label"]) + " " if node["label"] else ""
        body = text(node["text"])
        if node["kind"] == "heading":
            align = " align='center'" if layout.heading_centred(node) else ""
            out.append(f"<p{align}><b>{label}{body}</b></p>")
        elif node["kind"] == "bullet":
            out.append(f"<p>- {body}</p>")
        elif node["kind"] == "sub_bullet":
            out.append(f"<p>&nbsp;&nbsp;+ {body}</p>")
        else:
            emphasis = node["emphasis"]
            if "bold" in emphasis:
                body = f"<b>{body}</b>"
            if "italic" in emphasis:
                body = f"<i>{body}</i>"
            if label and layout.label_is_bold(node):
                label = f"<b>{label}</b>"
            out.append(f"<p>{label}{body}</p>")
    out += [f"<p>{text(x)}</p>" for x in plan["closing"]]
    lines = layout.recipient_lines(plan)
    authority, signer = layout.signature_lines(plan)
    out += [
        "<table width='100%'><tr><td width='50%' valign='top'>",
        ("<b><i>Nơi nhận:</i></b><br>" + "<br>".join(esc(x) for x in lines)) if lines else "",
        "</td><td width='50%' align='center' valign='top'>",
        "<b>" + "<br>".join(esc(x) for x in authority) + "</b><br><br><br><br>",
        f"<b>{esc(signer)}</b></td></tr></table>",
    ]
    if notes:
        out.append("<hr>")
        out += [f"<p><small><sup>{n}</sup> {esc(t)}</small></p>"
                for n, t in sorted(notes.items())]
    return "\n".join(out)


class DocumentView(QTextBrowser):
    """Shows the document text; selectable and copyable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)

    def show_plan(self, plan: dict[str, Any] | None) -> None:
        self.setHtml(plan_html(plan) if plan else "")
