"""The results store's tables: one row per screened item (`cases`) and one per payer answer (`determinations`).

One intake (the path as listed and the request id) has exactly one current case: a newer record of the same
intake supersedes the older ones, which keep their row with `superseded_at` set.

Portable between SQLite and PostgreSQL: plain strings instead of database enums (a new outcome needs no
migration), the generic JSON type (TEXT on SQLite, `json` on PostgreSQL, which keeps the record's text exactly,
`\\u0000` escapes included), and every constraint and index named, so migrations can refer to them on both.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CASE_KINDS = ("screening", "error")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Case(Base):
    """One screened batch item: a ScreeningResult or an ErrorRecord, keyed by the batch key."""

    __tablename__ = "cases"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)  # pipeline.batch.items.item_key
    path: Mapped[str] = mapped_column(Text)
    document_sha256: Mapped[str | None] = mapped_column(String(64))  # null when the file was unreadable
    request_id: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[str | None] = mapped_column(Text)  # as given in the manifest: free text
    intake: Mapped[str | None] = mapped_column(String(64))  # pipeline.batch.items.intake_id
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # null: the current case
    priority: Mapped[str | None] = mapped_column(String(16))  # expedited | standard
    due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # when a decision is due (UTC)
    kind: Mapped[str] = mapped_column(String(16))  # screening | error
    error_code: Mapped[str | None] = mapped_column(String(32))
    error_stage: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    pipeline_version: Mapped[str] = mapped_column(String(64))
    reference_date: Mapped[str | None] = mapped_column(String(32))
    n_pages: Mapped[int | None] = mapped_column(Integer)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)  # the full batch record
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # first stored (UTC)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # last written (UTC)

    determinations: Mapped[list[Determination]] = relationship(
        back_populates="case", cascade="all, delete-orphan", passive_deletes=True, order_by="Determination.id"
    )

    __table_args__ = (
        CheckConstraint("kind IN ('screening', 'error')", name="kind"),
        Index(None, "request_id"),
        Index(None, "kind", "error_code"),
        Index(None, "document_sha256"),
        Index(None, "created_at"),
        Index(None, "intake"),
        Index(None, "superseded_at", "due_at"),  # the work queue: current cases by due time
    )


class Determination(Base):
    """One payer's answer for a screened case (a reviewer work-queue row)."""

    __tablename__ = "determinations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_key: Mapped[str] = mapped_column(String(128), ForeignKey("cases.key", ondelete="CASCADE"))
    payer: Mapped[str] = mapped_column(String(128))
    decision: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(64))
    policy_id: Mapped[str | None] = mapped_column(Text)
    policy_version: Mapped[str | None] = mapped_column(Text)
    policy_sha256: Mapped[str | None] = mapped_column(String(64))
    reasons: Mapped[list[str]] = mapped_column(JSON)
    missing_documentation: Mapped[list[str]] = mapped_column(JSON)

    case: Mapped[Case] = relationship(back_populates="determinations")

    __table_args__ = (
        UniqueConstraint("case_key", "payer"),
        # the work queue: "pending for payer X", "all pends", "by outcome"
        Index(None, "decision", "payer", "outcome"),
        Index(None, "payer", "outcome"),
    )


cases = cast(Table, Case.__table__)
determinations = cast(Table, Determination.__table__)
