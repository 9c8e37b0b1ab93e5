"""The history panel and the percent-of-plan chart, run offscreen over a real database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import insert, select

from support import SEED_000, SEED_003, indicators
from wardplan_desktop import i18n
from wardplan_desktop.core import service
from wardplan_desktop.core.enums import Status
from wardplan_desktop.core.storage.database import Database
from wardplan_desktop.core.storage.schema import ChangeRecord, Plan
from wardplan_desktop.gui.history_view import HistoryModel, HistoryPanel, fold, local_time
from wardplan_desktop.gui.plan_chart import STATUS_BAR_COLOURS, ProgressChart
from wardplan_desktop.gui.plan_editor import PlanEditor

REVENUE_TARGET = "Indicator «Thu ngân sách»: target 2024"
#: Results for seed 003's 2024 targets, typed as a clerk would: name prefix → (period, words).
RESULTS_2024 = {
    "Thu ngân sách": ("estimate", "10.945.000.000đ"),  # 110,01% exceeded
    "Quỹ Đền ơn đáp nghĩa": ("final", "8.000.000đ"),  # 80% not achieved
    "Khóm văn minh đô thị": ("estimate", "5/5 khóm"),  # 100% achieved
    "Số hộ đạt GDVH": ("estimate", "92%"),  # 102,22% achieved
    "Giảm tỷ lệ trẻ em dưới 5 tuổi": ("estimate", "10,5%"),  # lower is better: exceeded
    "Tỷ lệ hộ nghèo theo chuẩn mới": ("estimate", "04 hộ"),  # lower is better: not achieved
    "Giao quân đạt chỉ tiêu": ("six_months", "60%"),  # not achieved
    "Tỷ lệ hòa giải thành": ("estimate", "đạt"),  # words against 90%: not comparable
}


@pytest.fixture(autouse=True)
def _english(qapp: object) -> Iterator[None]:
    i18n.install("en")
    yield
    i18n.install("vi")


@pytest.fixture
def plan_uid(db: Database) -> str:
    return service.import_plan_file(db, SEED_003).uid


@pytest.fixture
def editor(db: Database, plan_uid: str) -> PlanEditor:
    editor = PlanEditor(db)
    editor.open(plan_uid)
    return editor


@pytest.fixture
def panel(qtbot: QtBot, db: Database, editor: PlanEditor) -> HistoryPanel:
    panel = HistoryPanel(editor)
    qtbot.addWidget(panel)
    panel.resize(1300, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def plan_of(db: Database, uid: str) -> dict[str, Any]:
    return service.export_plan_by_uid(db, uid)["plan"]


def uid_of(plan: dict[str, Any], prefix: str) -> str:
    return next(n["uid"] for n in indicators(plan) if n["name"].startswith(prefix))


def rows(model: HistoryModel) -> list[tuple[str, ...]]:
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def select_row(panel: HistoryPanel, what: str) -> int:
    row = next(r for r, cells in enumerate(rows(panel.model)) if cells[4] == what)
    panel.view.selectRow(row)
    return row


# --------------------------------------------------------------------------- history


def test_history_model_passes_the_model_tester(qtmodeltester: ModelTester, db: Database,
                                               editor: PlanEditor, plan_uid: str) -> None:
    revenue = uid_of(plan_of(db, plan_uid), "Thu ngân sách")
    editor.set_value(revenue, 2024, "target", "10.000.000.000đ", "Thu ngân sách")
    editor.set_field("plan", plan_uid, "title", "Kế hoạch mới", "title")
    model = HistoryModel()
    model.set_history(service.plan_history(db, plan_uid), plan_of(db, plan_uid))
    qtmodeltester.check(model)
    model.set_filter("thu ngan sach")
    qtmodeltester.check(model)
    model.set_history([], None)
    qtmodeltester.check(model)


def test_lines_newest_first_in_words(panel: HistoryPanel, db: Database, editor: PlanEditor,
                                     plan_uid: str) -> None:
    revenue = uid_of(plan_of(db, plan_uid), "Thu ngân sách")
    editor.set_value(revenue, 2024, "target", "10.000.000.000đ", "Thu ngân sách")
    panel.show_plan(plan_of(db, plan_uid))
    history = service.plan_history(db, plan_uid)
    newest, oldest = rows(panel.model)
    assert newest == (local_time(history[-1].at), history[-1].actor, "2", "Changed",
                      REVENUE_TARGET, "9.949.000.000đ", "10.000.000.000đ")
    assert oldest[3:5] == ("Imported", "The whole plan")
    assert panel.model.headerData(4, Qt.Orientation.Horizontal) == "What"
    assert panel.count_label.text() == "2 change(s)"
    assert local_time("2024-05-01T23:30:00+00:00").count("/") == 2


def test_restore_brings_back_the_old_value_and_undo_reverts_it(
        qtbot: QtBot, panel: HistoryPanel, db: Database, editor: PlanEditor,
        plan_uid: str) -> None:
    revenue = uid_of(plan_of(db, plan_uid), "Thu ngân sách")
    editor.set_value(revenue, 2024, "target", "10.000.000.000đ", "Thu ngân sách")
    panel.show_plan(plan_of(db, plan_uid))
    select_row(panel, "The whole plan")
    assert not panel.restore_button.isEnabled()
    assert "Undo" in panel.hint.text()

    select_row(panel, REVENUE_TARGET)
    assert panel.restore_button.isEnabled() and panel.hint.text() == ""
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)

    assert service.indicator_values(db, revenue)[(2024, "target")].text == "9.949.000.000đ"
    top = rows(panel.model)[0]
    assert top[2:] == ("3", "Changed", REVENUE_TARGET, "10.000.000.000đ", "9.949.000.000đ")
    assert panel.view.selectionModel().selectedRows()[0].row() == 0

    editor.stack.undo()
    assert service.indicator_values(db, revenue)[(2024, "target")].text == "10.000.000.000đ"
    panel.show_plan(plan_of(db, plan_uid))
    assert rows(panel.model)[0][5:] == ("9.949.000.000đ", "10.000.000.000đ")


def test_double_click_restores_a_field_and_the_window_may_refresh_first(
        qtbot: QtBot, panel: HistoryPanel, db: Database, editor: PlanEditor,
        plan_uid: str) -> None:
    editor.set_field("plan", plan_uid, "title", "Kế hoạch mới", "title")
    shown = []
    # A window refreshes the panel when the plan changes: the panel then does not again.
    editor.changed.connect(lambda *_: shown.append(panel.show_plan(plan_of(db, plan_uid))))
    panel.show_plan(plan_of(db, plan_uid))
    row = select_row(panel, "Title")
    rect = panel.view.visualRect(panel.model.index(row, 4))
    # A real double click: a press (the view remembers the row), then the double click.
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert plan_of(db, plan_uid)["title"] == \
        "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024"
    assert len(shown) == 1
    assert rows(panel.model)[0][4:] == (
        "Title", "Kế hoạch mới", "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024")


def test_restoring_an_added_value_empties_it_again(panel: HistoryPanel, db: Database,
                                                   editor: PlanEditor, plan_uid: str) -> None:
    revenue = uid_of(plan_of(db, plan_uid), "Thu ngân sách")
    editor.set_value(revenue, 2024, "estimate", "9.000.000.000đ", "Thu ngân sách")
    panel.show_plan(plan_of(db, plan_uid))
    select_row(panel, "Indicator «Thu ngân sách»: estimate 2024")
    assert panel.hint.text() == "It was empty before: restoring it empties it again."
    assert panel.restore_selected()
    assert (2024, "estimate") not in service.indicator_values(db, revenue)
    assert rows(panel.model)[0][3:] == ("Removed", "Indicator «Thu ngân sách»: estimate 2024",
                                        "9.000.000.000đ", "")
    # Removing a value is undone with undo, not restored from the history.
    assert not panel.restore_button.isEnabled()


def test_restore_needs_the_plan_open_for_editing(panel: HistoryPanel, db: Database,
                                                 editor: PlanEditor, plan_uid: str) -> None:
    editor.set_field("plan", plan_uid, "title", "Kế hoạch mới", "title")
    editor.open(None)
    panel.show_plan(plan_of(db, plan_uid))
    select_row(panel, "Title")
    assert not panel.restore_button.isEnabled()
    assert not panel.restore_selected()
    assert plan_of(db, plan_uid)["title"] == "Kế hoạch mới"


def test_search_ignores_accents_and_case(qtbot: QtBot, panel: HistoryPanel, db: Database,
                                         editor: PlanEditor, plan_uid: str) -> None:
    plan = plan_of(db, plan_uid)
    editor.set_value(uid_of(plan, "Thu ngân sách"), 2024, "target", "10.000.000.000đ")
    editor.set_value(uid_of(plan, "Khóm văn minh"), 2024, "target", "4/5 khóm")
    editor.set_field("plan", plan_uid, "signer", "Trần Đức Thắng", "signer")
    panel.show_plan(plan_of(db, plan_uid))
    assert panel.model.rowCount() == 4
    qtbot.keyClicks(panel.search, "thu ngan sach")
    assert [r[4] for r in rows(panel.model)] == [REVENUE_TARGET]
    assert panel.count_label.text() == "1 of 4 changes"
    panel.search.clear()
    qtbot.keyClicks(panel.search, "DUC THANG")
    assert [r[4] for r in rows(panel.model)] == ["Signer"]
    panel.search.setText("khóm 4/5")
    assert len(rows(panel.model)) == 1
    panel.search.setText("không có")
    assert panel.model.rowCount() == 0
    assert fold("Đạt Chuẩn Văn Hóa") == "dat chuan van hoa"


def test_renumbering_is_hidden_unless_asked(panel: HistoryPanel, db: Database,
                                            editor: PlanEditor, plan_uid: str) -> None:
    from wardplan_desktop.core import editing

    plan = plan_of(db, plan_uid)
    group = plan["indicator_groups"][1]["uid"]
    editor.insert("indicator", editing.new_indicator("Chỉ tiêu mới", "%"),
                  editing.Place(None, 0, group), "indicator")
    panel.show_plan(plan_of(db, plan_uid))
    shown = rows(panel.model)
    assert [r[3:5] for r in shown[:1]] == [("Added", "Indicator «Chỉ tiêu mới»")]
    assert not any(r[4].endswith(": position") for r in shown)
    panel.show_reorder.setChecked(True)
    assert any(r[4].endswith(": position") for r in rows(panel.model))
    panel.show_reorder.setChecked(False)
    # A change of order on its own is what the clerk did: always listed.
    first = plan["indicator_groups"][1]["indicators"][0]["uid"]  # Khóm văn minh đô thị
    assert editor.move("indicator", first, editing.Place(None, 3, group), "indicator")
    panel.show_plan(plan_of(db, plan_uid))
    assert rows(panel.model)[0][4].endswith(": position")


def test_a_long_history_is_read_once_and_never_row_by_row(
        qtbot: QtBot, panel: HistoryPanel, db: Database, plan_uid: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    plan = plan_of(db, plan_uid)
    uids = [n["uid"] for n in indicators(plan)]
    with db.session() as session:
        plan_id = session.scalar(select(Plan.id).where(Plan.uid == plan_uid))
        session.execute(insert(ChangeRecord), [
            {"plan_id": plan_id, "plan_uid": plan_uid, "revision": i + 2,
             "at": "2024-05-01T03:04:05+00:00", "actor": "clerk", "action": "update",
             "entity": "indicator_value", "entity_uid": f"{uids[i % len(uids)]}:2024:estimate",
             "attribute": "value", "old_value": f'{{"kind": "number", "text": "v{i}"}}',
             "new_value": f'{{"kind": "number", "text": "v{i + 1}"}}'}
            for i in range(10_000)])
    opened = []
    real = db.session

    def counting(*args: Any, **kwargs: Any) -> Any:
        opened.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(db, "session", counting)
    panel.show_plan(plan)
    assert len(opened) == 1 and panel.model.rowCount() == 10_001
    qtbot.wait(50)  # paints, and prepares words for searching in the background

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the history model queried the database")

    monkeypatch.setattr(db, "session", refuse)
    assert rows(panel.model)[0][5:] == ("v9999", "v10000")
    panel.search.setText("V10000")
    assert panel.model.rowCount() == 1
    panel.search.clear()
    panel.view.scrollToBottom()
    qtbot.wait(10)


def test_a_hidden_panel_reads_the_history_when_shown(
        qtbot: QtBot, panel: HistoryPanel, db: Database, editor: PlanEditor, plan_uid: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    panel.hide()
    opened = []
    real = db.session
    monkeypatch.setattr(db, "session", lambda *a, **k: opened.append(a) or real(*a, **k))
    for title in ("Một", "Hai", "Ba"):  # edits made on another page of the window
        editor.set_field("plan", plan_uid, "title", title, "title")
        plan = plan_of(db, plan_uid)
        opened.clear()
        panel.show_plan(plan)
        assert opened == []
    panel.show()
    qtbot.waitExposed(panel)
    assert len(opened) == 1
    assert rows(panel.model)[0][4:] == ("Title", "Hai", "Ba")


# --------------------------------------------------------------------------- chart


@pytest.fixture
def chart(qtbot: QtBot) -> ProgressChart:
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.resize(1300, 700)
    return chart


def with_results(db: Database, editor: PlanEditor, plan_uid: str) -> dict[str, Any]:
    plan = plan_of(db, plan_uid)
    for prefix, (period, words) in RESULTS_2024.items():
        assert editor.set_value(uid_of(plan, prefix), 2024, period, words, prefix)
    return plan_of(db, plan_uid)


def test_chart_of_the_seed_as_published_waits_for_results(chart: ProgressChart,
                                                          db: Database) -> None:
    lele = service.import_plan_file(db, SEED_000)
    chart.show_plan(plan_of(db, lele.uid))
    assert chart.selected_year() == 2023 and chart.chart.bars == []
    assert chart.summary.text() == \
        "No indicator has both a target and a result for this year yet."
    assert chart.awaiting.text().startswith(
        "Targets for 2023 still without a result (36): Tốc độ phát triển GTSX; Dịch vụ;")
    assert chart.awaiting.text().endswith("; and 24 more")


def test_chart_bars_by_status_with_words(chart: ProgressChart, db: Database,
                                         editor: PlanEditor, plan_uid: str) -> None:
    chart.show_plan(with_results(db, editor, plan_uid))
    assert chart.selected_year() == 2024  # the seed has no 2023 targets
    bars = {b.label: b for b in chart.chart.bars}
    assert len(bars) == 7  # eight results, one of them not comparable
    assert chart.chart.reference == 100.0
    revenue = bars["Thu ngân sách"]
    assert (revenue.value, revenue.text) == (pytest.approx(110.01), "110,01% · Exceeded")
    assert revenue.colour == STATUS_BAR_COLOURS[Status.EXCEEDED]
    assert bars["Quỹ Đền ơn đáp nghĩa"].text == "80% · Not achieved"
    assert bars["Khóm văn minh đô thị"].text == "100% · Achieved"
    statuses = [b.text.split(" · ")[1] for b in chart.chart.bars]
    assert sorted(statuses) == sorted(["Exceeded"] * 2 + ["Achieved"] * 2
                                      + ["Not achieved"] * 3)
    colours = {b.colour for b in chart.chart.bars}
    assert len(colours) == 3 and all(QColor(c).isValid() for c in colours)
    assert "Tỷ lệ hòa giải thành" not in bars
    assert chart.not_comparable.text() == ("Cannot be compared with the target (1): Tỷ lệ hòa "
                                           "giải thành (target 90% trở lên, result đạt)")
    assert chart.summary.text().splitlines()[0] == (
        "8 indicator(s) with a target and a result — Exceeded: 2 · Achieved: 2 · "
        "Not achieved: 3 · Not comparable: 1")
    assert "Economy: Exceeded: 1 · Achieved: 0 · Not achieved: 1" in chart.summary.text()
    assert chart.awaiting.text().startswith("Targets for 2024 still without a result (13):")
    assert chart.chart.title == "Phường Mỹ Phú · Percent of plan 2024 — Whole plan"


def test_chart_field_selector(chart: ProgressChart, db: Database, editor: PlanEditor,
                              plan_uid: str) -> None:
    chart.show_plan(with_results(db, editor, plan_uid))
    chart.field.setCurrentIndex(chart.field.findData("economy"))
    assert [b.label for b in chart.chart.bars] == ["Thu ngân sách", "Quỹ Đền ơn đáp nghĩa"]
    assert chart.not_comparable.isHidden()
    assert chart.chart.title.endswith("Percent of plan 2024 — Economy")
    chart.field.setCurrentIndex(chart.field.findData("government"))
    assert chart.chart.bars == [] and "Tỷ lệ hòa giải thành" in chart.not_comparable.text()
    # A new revision of the same plan keeps the chosen field and year.
    chart.show_plan(plan_of(db, plan_uid))
    assert chart.selected_field() == "government" and chart.selected_year() == 2024
    assert [chart.field.itemText(i) for i in range(chart.field.count())] == [
        "Whole plan", "Economy", "Culture and society", "Defence and security", "Government"]


def test_save_as_image_writes_a_png(chart: ProgressChart, db: Database, editor: PlanEditor,
                                    plan_uid: str, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    chart.show_plan(with_results(db, editor, plan_uid))
    asked = []

    def answer(*args: Any) -> tuple[str, str]:
        asked.append(args[2])
        return str(tmp_path / "out" / "bieu-do"), "PNG images (*.png)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    (tmp_path / "out").mkdir()
    assert chart.save_image()
    assert asked == ["ti-le-dat-ke-hoach-P-MYPHU-2024.png"]
    image = QImage(str(tmp_path / "out" / "bieu-do.png"))
    assert not image.isNull() and image.width() == 1200 and image.height() > 150
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["bieu-do.png"]  # nothing else

    warnings = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "missing" / "x.png"), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    assert not chart.save_image()
    assert "cannot be written" in warnings[0]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert not chart.save_image()


def test_both_panels_render_with_seed_data(qtbot: QtBot, chart: ProgressChart,
                                           panel: HistoryPanel, db: Database,
                                           editor: PlanEditor, plan_uid: str,
                                           tmp_path: Path) -> None:
    plan = with_results(db, editor, plan_uid)
    chart.show_plan(plan)
    panel.show_plan(plan)
    for widget, name in ((chart, "chart.png"), (panel, "history.png")):
        widget.show()
        qtbot.waitExposed(widget)
        qtbot.wait(20)
        assert widget.grab().save(str(tmp_path / name))
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == (1300, 700)
