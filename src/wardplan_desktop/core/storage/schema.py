"""The database tables, as SQLAlchemy 2 typed models.

The tables themselves are created and changed only by the numbered migrations
in ``migrations/``; a test checks that the migrated database and these models
agree column for column.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from .rows import new_uid, plan_file_of, utc_now


class DecimalText(TypeDecorator[Decimal]):
    """An exact decimal stored as its text: SQLite has no decimal type, and a
    REAL column would pass every value through binary floating point."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"expected Decimal, got {type(value).__name__}")
        return format(value, "f")

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class Base(DeclarativeBase):
    type_annotation_map = {Decimal: DecimalText}


class Unit(Base):
    """A ward, commune or township, or an upper level it reports to."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(20))
    place_name: Mapped[str] = mapped_column(String(200), default="")
    issuing_body: Mapped[str] = mapped_column(Text, default="")  # header lines, "\n"-joined
    parent_body: Mapped[str] = mapped_column(String(300), default="")
    upper_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))

    upper: Mapped[Unit | None] = relationship(remote_side=[id])


class Plan(Base):
    """One document of a unit for a year: a plan, a council resolution or an emulation plan."""

    __tablename__ = "plan"
    __table_args__ = (UniqueConstraint("unit_id", "year", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    issuing_body: Mapped[str] = mapped_column(Text, default="")
    parent_body: Mapped[str] = mapped_column(String(300), default="")
    number: Mapped[str] = mapped_column(String(20), default="")
    symbol: Mapped[str] = mapped_column(String(50), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    date_day: Mapped[int | None] = mapped_column(Integer)
    date_month: Mapped[int | None] = mapped_column(Integer)
    date_year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")
    heading_lines: Mapped[str] = mapped_column(Text, default="")
    preamble: Mapped[str] = mapped_column(Text, default="")  # paragraphs, "\n"-joined
    closing: Mapped[str] = mapped_column(Text, default="")
    sign_authority: Mapped[str] = mapped_column(String(10), default="")
    sign_authority_body: Mapped[str] = mapped_column(String(200), default="")
    sign_position: Mapped[str] = mapped_column(String(200), default="")
    signer: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    # Set on a plan held as a unit sent it (schema 6 on): its text is read from this
    # receipt's plan file, its rows are only the indicators' (see codec.plan_data).
    receipt_id: Mapped[int | None] = mapped_column(ForeignKey("sync_receipt.id"), index=True)

    unit: Mapped[Unit] = relationship()
    legal_bases: Mapped[list[LegalBasis]] = relationship(
        order_by="LegalBasis.position", cascade="all, delete-orphan", passive_deletes=True
    )
    recipients: Mapped[list[Recipient]] = relationship(
        order_by="Recipient.position", cascade="all, delete-orphan", passive_deletes=True
    )
    # Every row of the plan's trees (sections, indicators) hangs off the plan too, so a
    # plan owns all of them; the trees are assembled from parent_id and position.
    sections: Mapped[list[Section]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, back_populates="plan"
    )
    footnotes: Mapped[list[Footnote]] = relationship(
        order_by="Footnote.position", cascade="all, delete-orphan", passive_deletes=True
    )
    key_tasks: Mapped[list[KeyTask]] = relationship(
        order_by="KeyTask.position", cascade="all, delete-orphan", passive_deletes=True
    )
    indicator_groups: Mapped[list[IndicatorGroup]] = relationship(
        order_by="IndicatorGroup.position", cascade="all, delete-orphan", passive_deletes=True
    )
    indicators: Mapped[list[Indicator]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, back_populates="plan"
    )
    appendices: Mapped[list[Appendix]] = relationship(
        order_by="Appendix.position", cascade="all, delete-orphan", passive_deletes=True
    )


class LegalBasis(Base):
    __tablename__ = "legal_basis"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Recipient(Base):
    __tablename__ = "recipient"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[str] = mapped_column(String(300), default="")


class Section(Base):
    """A node of the document body: heading, paragraph or bullet, in a tree."""

    __tablename__ = "section"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    # Indexed (schema 4), as are the indicator's group and parent: deleting a plan looks
    # up each deleted row's children by them.
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"),
                                                  index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(50), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    part: Mapped[str] = mapped_column(String(20), default="other")
    field: Mapped[str | None] = mapped_column(String(20))
    role: Mapped[str] = mapped_column(String(30), default="")
    emphasis: Mapped[str] = mapped_column(String(20), default="none")

    plan: Mapped[Plan] = relationship(back_populates="sections")
    parent: Mapped[Section | None] = relationship(remote_side=[id])


class Footnote(Base):
    """A footnote, anchored by ``[^key]`` in a section's text."""

    __tablename__ = "footnote"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)


class KeyTask(Base):
    """A key task assigned by the upper level (nhiệm vụ trọng tâm) and its result."""

    __tablename__ = "key_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(20), default="")
    field: Mapped[str | None] = mapped_column(String(20))
    task: Mapped[str] = mapped_column(Text)
    result: Mapped[str] = mapped_column(Text, default="")


class IndicatorGroup(Base):
    """A roman-numbered group row of an indicator table (I. KINH TẾ)."""

    __tablename__ = "indicator_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(String(300), default="")


class Indicator(Base):
    """An indicator (chỉ tiêu) of a plan, possibly under another ("Trong đó")."""

    __tablename__ = "indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("indicator_group.id", ondelete="CASCADE"),
                                          index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("indicator.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str | None] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(50), default="")
    direction: Mapped[str] = mapped_column(String(20), default="higher_better")
    set_by: Mapped[str] = mapped_column(String(10), default="ward")
    catalogue_code: Mapped[str | None] = mapped_column(String(50))
    row_style: Mapped[str] = mapped_column(String(20), default="item")
    note: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[Plan] = relationship(back_populates="indicators")
    group: Mapped[IndicatorGroup] = relationship()
    parent: Mapped[Indicator | None] = relationship(remote_side=[id])
    values: Mapped[list[IndicatorValue]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        back_populates="indicator",
    )


class IndicatorValue(Base):
    """One value of an indicator for a year and period, as written and as meant."""

    __tablename__ = "indicator_value"
    __table_args__ = (UniqueConstraint("indicator_id", "year", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[Decimal | None] = mapped_column()
    low: Mapped[Decimal | None] = mapped_column()
    high: Mapped[Decimal | None] = mapped_column()
    numerator: Mapped[Decimal | None] = mapped_column()
    denominator: Mapped[Decimal | None] = mapped_column()
    unit: Mapped[str] = mapped_column(String(50), default="")
    base: Mapped[str] = mapped_column(String(200), default="")
    base_year: Mapped[int | None] = mapped_column(Integer)

    indicator: Mapped[Indicator] = relationship(back_populates="values")


class Appendix(Base):
    """How one of the plan's tables prints (Biểu số 01, Phụ lục…)."""

    __tablename__ = "appendix"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    caption: Mapped[str] = mapped_column(Text, default="")
    landscape: Mapped[int] = mapped_column(Integer, default=0)
    columns: Mapped[str] = mapped_column(Text)  # JSON list of column specs


class ChangeRecord(Base):
    """One change to a plan: when, by whom, what, old → new (nhật ký thay đổi)."""

    __tablename__ = "change_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"))
    plan_uid: Mapped[str] = mapped_column(String(36), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    at: Mapped[str] = mapped_column(String(32), default=utc_now)
    actor: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(10))  # insert / update / delete / import
    entity: Mapped[str] = mapped_column(String(30))
    entity_uid: Mapped[str] = mapped_column(String(36), default="")
    attribute: Mapped[str] = mapped_column(String(50), default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)

    # No back-reference: the database sets plan_id to NULL when a plan is deleted,
    # and the history of a replaced plan stays findable by plan_uid.
    plan: Mapped[Plan | None] = relationship()


# --------------------------------------------------------------------------- schema 2: sync


class Setting(Base):
    """A fact about this data folder: its role (ward or upper level), its own unit…"""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PinnedKey(Base):
    """The signing key a sending unit's files must carry (pinned on first contact)."""

    __tablename__ = "pinned_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), unique=True)
    public_key: Mapped[str] = mapped_column(String(100))  # base64 of the raw Ed25519 key
    fingerprint: Mapped[str] = mapped_column(String(64))
    pinned_at: Mapped[str] = mapped_column(String(32), default=utc_now)

    unit: Mapped[Unit] = relationship()


class SyncReceipt(Base):
    """One sync file accepted from a unit: what it held and when it came."""

    __tablename__ = "sync_receipt"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    revision: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(80))
    key_fingerprint: Mapped[str] = mapped_column(String(64))
    created: Mapped[str] = mapped_column(String(32))  # when the ward made the file
    received_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    file_name: Mapped[str] = mapped_column(String(300), default="")
    # The plan file as received, for comparisons: raw DEFLATE (schema 5 on), or as
    # text in ``payload`` for a receipt made before (then ``payload_deflated`` is NULL).
    payload: Mapped[str] = mapped_column(Text, default="")
    payload_deflated: Mapped[bytes | None] = mapped_column(LargeBinary)

    unit: Mapped[Unit] = relationship()

    def plan_file(self) -> bytes:
        return plan_file_of(self.payload, self.payload_deflated)


class AuditEntry(Base):
    """A decision an officer took that the record must show (a re-pinned key…)."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32), default=utc_now)
    actor: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(30))
    unit_code: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


# --------------------------------------------------------------------------- schema 3: catalogue


class CatalogueEntry(Base):
    """An indicator the user added to the catalogue ("add your own").

    ``name_key`` and ``unit_key`` are the search forms of the name and unit
    (:func:`wardplan_desktop.core.catalogue.normalise`); one name and unit are
    held once, however they were typed.
    """

    __tablename__ = "catalogue_entry"
    __table_args__ = (UniqueConstraint("name_key", "unit_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(50), default="")
    field: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(20))
    name_key: Mapped[str] = mapped_column(Text)
    unit_key: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)
