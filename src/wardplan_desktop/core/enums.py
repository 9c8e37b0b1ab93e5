"""Closed vocabularies of the plan domain.

Each enum's values are the stable codes used in the database and in the
interchange file; they never change meaning once released.
"""

from __future__ import annotations

from enum import StrEnum


class Field(StrEnum):
    """The four fixed fields (lĩnh vực) every plan is organised by."""

    ECONOMY = "economy"  # Kinh tế
    CULTURE_SOCIETY = "culture_society"  # Văn hóa - Xã hội
    DEFENCE_SECURITY = "defence_security"  # Quốc phòng - An ninh
    GOVERNMENT = "government"  # Xây dựng chính quyền


class Direction(StrEnum):
    """Which way an indicator is better."""

    HIGHER_BETTER = "higher_better"
    LOWER_BETTER = "lower_better"
    KEEP = "keep"  # duy trì: hold a level


class SetBy(StrEnum):
    """Who set an indicator: the upper level (giao) or the ward itself."""

    UPPER = "upper"
    WARD = "ward"


class Period(StrEnum):
    """The moments of a year an indicator has a value for."""

    TARGET = "target"  # kế hoạch / chỉ tiêu
    SIX_MONTHS = "six_months"  # thực hiện 6 tháng
    NINE_MONTHS = "nine_months"  # thực hiện 9 tháng
    ESTIMATE = "estimate"  # ước thực hiện cả năm
    FINAL = "final"  # thực hiện cả năm


class DocumentKind(StrEnum):
    PLAN = "plan"  # Kế hoạch (UBND)
    RESOLUTION = "resolution"  # Nghị quyết (HĐND)
    EMULATION = "emulation"  # Kế hoạch phát động phong trào thi đua


class PlanStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class Part(StrEnum):
    """The part of the document a section belongs to."""

    ASSESSMENT = "assessment"  # đánh giá tình hình năm nay
    PLAN = "plan"  # kế hoạch năm tới: mục tiêu, chỉ tiêu
    TASKS = "tasks"  # nhiệm vụ và giải pháp
    ORGANISATION = "organisation"  # tổ chức thực hiện
    OTHER = "other"


class SectionKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"  # "-"
    SUB_BULLET = "sub_bullet"  # "+"


class Emphasis(StrEnum):
    NONE = "none"
    BOLD = "bold"
    ITALIC = "italic"
    BOLD_ITALIC = "bold_italic"


class Authority(StrEnum):
    """How the signer signs (Decree 30/2020, Appendix I)."""

    NONE = ""  # the head signs in their own name
    TM = "TM."  # on behalf of a collective body
    KT = "KT."  # a deputy signs for the head
    Q = "Q."  # acting head
    TL = "TL."  # by order of the head
    TUQ = "TUQ."  # by authorisation of the head


class UnitLevel(StrEnum):
    WARD = "ward"  # phường
    COMMUNE = "commune"  # xã
    TOWNSHIP = "township"  # thị trấn
    SPECIAL_ZONE = "special_zone"  # đặc khu
    DISTRICT = "district"  # quận / huyện / thị xã / thành phố thuộc tỉnh (before 7/2025)
    CITY = "city"  # thành phố trực thuộc trung ương
    PROVINCE = "province"  # tỉnh


class RowStyle(StrEnum):
    """How an indicator row prints in an appendix table."""

    ITEM = "item"  # numbered item (1, 2, …) or a plain row
    SUB_ITEM = "sub_item"  # "-" row under an item
    BREAKDOWN = "breakdown"  # "Trong đó: …", printed in italics


class AppendixKind(StrEnum):
    KEY_TASKS = "key_tasks"  # Biểu số 01: nhiệm vụ trọng tâm
    INDICATORS = "indicators"  # Biểu số 02 / Phụ lục: chỉ tiêu


class ValueKind(StrEnum):
    """The kinds of targets and results real plans contain."""

    NUMBER = "number"  # 12.575 người
    RANGE = "range"  # 14,5 – 16,5 %
    AT_LEAST = "at_least"  # 90% trở lên
    MORE_THAN = "more_than"  # trên 96%
    AT_MOST = "at_most"  # giảm còn 2,57%
    LESS_THAN = "less_than"  # dưới 0,15%
    RATIO = "ratio"  # 5/5 khóm
    CHANGE = "change"  # giảm 03 hộ nghèo so với năm 2023
    QUALITATIVE = "qualitative"  # đạt; hoàn thành
    UNREADABLE = "unreadable"  # kept as typed, flagged by the checks


class Status(StrEnum):
    """Outcome of comparing a result with its target."""

    EXCEEDED = "exceeded"
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    NOT_COMPARABLE = "not_comparable"
