"""A read-only on-screen rendering of a plan document (the printed form comes later)."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QWidget

_FOOTNOTE = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")
_TYPE = {"plan": "KẾ HOẠCH", "emulation": "KẾ HOẠCH", "resolution": "NGHỊ QUYẾT"}


def _date_line(plan: dict[str, Any]) -> str:
    d = plan["date"]
    day = f"{d['day']:02d}" if d["day"] else "&nbsp;" * 6
    month = f"{d['month']:02d}" if d["month"] else "&nbsp;" * 6
    return f"{html.escape(plan['place'])}, ngày {day} tháng {month} năm {d['year']}"


def plan_html(plan: dict[str, Any]) -> str:
    """The document as simple HTML: header, title, bases, body, recipients, signature.

    Document text is Vietnamese by nature (it is the document itself), so the
    fixed words of the official format are not translated.
    """
    esc = html.escape
    notes: list[str] = []
    keys = {f["key"]: f["text"] for f in plan["footnotes"]}

    def text(t: str) -> str:
        def mark(m: re.Match[str]) -> str:
            notes.append(keys.get(m.group(1), ""))
            return f"<sup>{len(notes)}</sup>"
        return _FOOTNOTE.sub(mark, esc(t))

    number = plan["number"].zfill(2) if plan["number"] else "&nbsp;" * 6
    out = [
        "<table width='100%'><tr>",
        "<td width='42%' align='center'>",
        *(f"<div>{esc(plan['parent_body'])}</div>" for _ in [0] if plan["parent_body"]),
        "<b>" + "<br>".join(esc(x) for x in plan["issuing_body"]) + "</b>",
        f"<div>Số: {number}/{esc(plan['symbol'])}</div></td>",
        "<td width='58%' align='center'><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>",
        "Độc lập - Tự do - Hạnh phúc</b>",
        f"<div><i>{_date_line(plan)}</i></div></td></tr></table>",
        f"<p align='center'><b>{_TYPE.get(plan['kind'], '')}<br>{esc(plan['title'])}</b></p>",
    ]
    out += [f"<p align='center'><b>{esc(x)}</b></p>" for x in plan["heading_lines"]]
    out += [f"<p><i>{text(x)}</i></p>" for x in plan["legal_bases"]]
    out += [f"<p>{text(x)}</p>" for x in plan["preamble"]]

    def section(node: dict[str, Any]) -> None:
        label = esc(node["label"]) + " " if node["label"] else ""
        body = text(node["text"])
        if node["kind"] == "heading":
            out.append(f"<p><b>{label}{body}</b></p>")
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
            out.append(f"<p>{label}{body}</p>")
        for child in node["children"]:
            section(child)

    for node in plan["sections"]:
        section(node)
    out += [f"<p>{text(x)}</p>" for x in plan["closing"]]
    recipients = plan["recipients"]
    lines = []
    for i, r in enumerate(recipients):
        purpose = f" ({esc(r['purpose'])})" if r["purpose"] else ""
        end = "." if i == len(recipients) - 1 else ";"
        lines.append(f"- {esc(r['name'])}{purpose}{end}")
    sig = plan["signature"]
    authority = " ".join(x for x in (sig["authority"], sig["authority_body"]) if x)
    out += [
        "<table width='100%'><tr><td width='50%' valign='top'>",
        "<b><i>Nơi nhận:</i></b><br>" + "<br>".join(lines) if lines else "",
        "</td><td width='50%' align='center' valign='top'>",
        f"<b>{esc(authority)}<br>{esc(sig['position'])}</b><br><br><br><br>",
        f"<b>{esc(sig['signer'])}</b></td></tr></table>",
    ]
    if notes:
        out.append("<hr>")
        out += [f"<p><small><sup>{i}</sup> {esc(n)}</small></p>" for i, n in enumerate(notes, 1)]
    return "\n".join(out)


class DocumentView(QTextBrowser):
    """Shows the document text; selectable and copyable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)

    def show_plan(self, plan: dict[str, Any] | None) -> None:
        self.setHtml(plan_html(plan) if plan else "")
