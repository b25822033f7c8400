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
    Boolean,
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


# -- the reviewer workbench (pipeline.review): accounts, sessions, review state, audit trail ------------------


class ReviewUser(Base):
    """A local account of the workbench. `role` is reviewer, physician or admin; the password is an Argon2 hash."""

    __tablename__ = "review_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    password_changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (CheckConstraint("role IN ('reviewer', 'physician', 'admin')", name="role"),)


class ReviewSession(Base):
    """A server-side session of the workbench (the cookie holds only the key): logout and disabling an account
    end sessions at once."""

    __tablename__ = "review_sessions"

    session_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[str] = mapped_column(Text)
    expire_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index(None, "expire_at"), Index(None, "user_id"))


class ReviewLoginFailure(Base):
    """A failed sign-in, kept for throttling (per account and per client address) for a short window."""

    __tablename__ = "review_login_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64))
    client: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index(None, "username", "at"), Index(None, "client", "at"))


class ReviewConfig(Base):
    """Workbench settings kept in the store, e.g. the key that signs session data when none is configured."""

    __tablename__ = "review_config"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ReviewItem(Base):
    """The review of one payer's determination of a case: the work-queue row.

    `status`: pended | in_review | escalated | decided | screen_approved | superseded (the case was re-screened). `version` is the optimistic lock:
    every change to the item, its criteria or its evidence is `UPDATE ... WHERE version = :seen`, so two
    reviewers working the same item never overwrite each other. `due_at` is the decision clock (the case's
    own `due_at` when it has one, else computed from when the request was received and its priority)."""

    __tablename__ = "review_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_key: Mapped[str] = mapped_column(String(128), ForeignKey("cases.key", ondelete="CASCADE"))
    payer: Mapped[str] = mapped_column(String(128))
    machine_decision: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # start of the clock (UTC)
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decision: Mapped[str | None] = mapped_column(String(16))  # approve | escalate | adverse
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decision_criterion: Mapped[str | None] = mapped_column(String(256))
    decided_by: Mapped[int | None] = mapped_column(Integer, ForeignKey("review_users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[int | None] = mapped_column(Integer, ForeignKey("review_users.id"))

    __table_args__ = (
        UniqueConstraint("case_key", "payer"),
        CheckConstraint("status IN ('pended', 'in_review', 'escalated', 'decided', 'screen_approved', 'superseded')",
                        name="status"),
        CheckConstraint("decision IS NULL OR decision IN ('approve', 'escalate', 'adverse')", name="decision"),
        Index(None, "status", "due_at"),
        Index(None, "payer", "status", "due_at"),
        Index(None, "due_at"),
    )


class ReviewCriterion(Base):
    """A reviewer's judgement of one criterion: `confirm` (the machine's status stands) or `override` (with the
    reviewer's status and a reason). Rows are never changed; the newest row of a criterion is in force."""

    __tablename__ = "review_criteria"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_id: Mapped[int] = mapped_column(Integer, ForeignKey("review_items.id", ondelete="CASCADE"))
    criterion_id: Mapped[str] = mapped_column(String(256))
    action: Mapped[str] = mapped_column(String(16))  # confirm | override
    machine_status: Mapped[str] = mapped_column(String(16))
    reviewer_status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int] = mapped_column(Integer, ForeignKey("review_users.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        CheckConstraint("action IN ('confirm', 'override')", name="action"),
        Index(None, "item_id", "criterion_id"),
    )


class ReviewEvidence(Base):
    """Evidence a reviewer added by selecting packet text: character offsets into the canonical text."""

    __tablename__ = "review_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_id: Mapped[int] = mapped_column(Integer, ForeignKey("review_items.id", ondelete="CASCADE"))
    criterion_id: Mapped[str] = mapped_column(String(256))
    document_sha256: Mapped[str] = mapped_column(String(64))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    assertion: Mapped[str] = mapped_column(String(16))  # present | absent | suspected
    note: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int] = mapped_column(Integer, ForeignKey("review_users.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index(None, "item_id"),)


class AuditEvent(Base):
    """One append-only, hash-chained audit event. `body` is the canonical JSON of the event (who, when, what,
    before, after); `hash` = sha256(`prev_hash` + `body`). The other columns repeat fields of `body` for
    searching; `prescreen audit verify` checks both."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    case_key: Mapped[str | None] = mapped_column(String(128))  # no foreign key: the trail outlives cases
    payer: Mapped[str | None] = mapped_column(String(128))
    body: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index(None, "case_key", "seq"), Index(None, "at"))


class AuditHead(Base):
    """The end of the audit chain (one row): appending locks it, so events get consecutive numbers."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


review_users = cast(Table, ReviewUser.__table__)
review_sessions = cast(Table, ReviewSession.__table__)
review_login_failures = cast(Table, ReviewLoginFailure.__table__)
review_config = cast(Table, ReviewConfig.__table__)
review_items = cast(Table, ReviewItem.__table__)
review_criteria = cast(Table, ReviewCriterion.__table__)
review_evidence = cast(Table, ReviewEvidence.__table__)
audit_events = cast(Table, AuditEvent.__table__)
audit_head = cast(Table, AuditHead.__table__)
