"""reviewer workbench: accounts, sessions, review state with optimistic locking, audit trail

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

- `review_users`, `review_sessions`, `review_login_failures`, `review_config`: local accounts (Argon2 hashes),
  server-side sessions, sign-in throttling, and the session-signing key when none is configured.
- `review_items` (one per case and payer, `version` for optimistic locking), `review_criteria` (confirm /
  override per criterion, append-only), `review_evidence` (spans a reviewer added).
- `audit_events` + `audit_head`: the append-only, hash-chained audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("case_key", sa.String(length=128), nullable=True),
        sa.Column("payer", sa.String(length=128), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_case_key_seq"), ["case_key", "seq"], unique=False)

    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "review_config",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_review_config")),
    )
    op.create_table(
        "review_login_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_login_failures")),
    )
    with op.batch_alter_table("review_login_failures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_login_failures_client_at"), ["client", "at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_review_login_failures_username_at"), ["username", "at"], unique=False
        )

    op.create_table(
        "review_sessions",
        sa.Column("session_key", sa.String(length=64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("expire_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("session_key", name=op.f("pk_review_sessions")),
    )
    with op.batch_alter_table("review_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_sessions_expire_at"), ["expire_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_sessions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "review_users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("role IN ('reviewer', 'physician', 'admin')", name=op.f("ck_review_users_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_users")),
        sa.UniqueConstraint("username", name=op.f("uq_review_users_username")),
    )
    op.create_table(
        "review_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_key", sa.String(length=128), nullable=False),
        sa.Column("payer", sa.String(length=128), nullable=False),
        sa.Column("machine_decision", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("decision_criterion", sa.String(length=256), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "decision IS NULL OR decision IN ('approve', 'escalate', 'adverse')",
            name=op.f("ck_review_items_decision"),
        ),
        sa.CheckConstraint(
            "status IN ('pended', 'in_review', 'escalated', 'decided', 'screen_approved', 'superseded')",
            name=op.f("ck_review_items_status"),
        ),
        sa.ForeignKeyConstraint(
            ["case_key"], ["cases.key"], name=op.f("fk_review_items_case_key_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["review_users.id"], name=op.f("fk_review_items_decided_by_review_users")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["review_users.id"], name=op.f("fk_review_items_updated_by_review_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_items")),
        sa.UniqueConstraint("case_key", "payer", name=op.f("uq_review_items_case_key_payer")),
    )
    with op.batch_alter_table("review_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_items_due_at"), ["due_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_review_items_payer_status_due_at"), ["payer", "status", "due_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_review_items_status_due_at"), ["status", "due_at"], unique=False)

    op.create_table(
        "review_criteria",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.String(length=256), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("machine_status", sa.String(length=16), nullable=False),
        sa.Column("reviewer_status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("action IN ('confirm', 'override')", name=op.f("ck_review_criteria_action")),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["review_items.id"],
            name=op.f("fk_review_criteria_item_id_review_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["review_users.id"], name=op.f("fk_review_criteria_user_id_review_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_criteria")),
    )
    with op.batch_alter_table("review_criteria", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_criteria_item_id_criterion_id"), ["item_id", "criterion_id"], unique=False
        )

    op.create_table(
        "review_evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.String(length=256), nullable=False),
        sa.Column("document_sha256", sa.String(length=64), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("assertion", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["review_items.id"],
            name=op.f("fk_review_evidence_item_id_review_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["review_users.id"], name=op.f("fk_review_evidence_user_id_review_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_evidence")),
    )
    with op.batch_alter_table("review_evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_evidence_item_id"), ["item_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("review_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_evidence_item_id"))

    op.drop_table("review_evidence")
    with op.batch_alter_table("review_criteria", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_criteria_item_id_criterion_id"))

    op.drop_table("review_criteria")
    with op.batch_alter_table("review_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_items_status_due_at"))
        batch_op.drop_index(batch_op.f("ix_review_items_payer_status_due_at"))
        batch_op.drop_index(batch_op.f("ix_review_items_due_at"))

    op.drop_table("review_items")
    op.drop_table("review_users")
    with op.batch_alter_table("review_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_sessions_user_id"))
        batch_op.drop_index(batch_op.f("ix_review_sessions_expire_at"))

    op.drop_table("review_sessions")
    with op.batch_alter_table("review_login_failures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_login_failures_username_at"))
        batch_op.drop_index(batch_op.f("ix_review_login_failures_client_at"))

    op.drop_table("review_login_failures")
    op.drop_table("review_config")
    op.drop_table("audit_head")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_case_key_seq"))
        batch_op.drop_index(batch_op.f("ix_audit_events_at"))

    op.drop_table("audit_events")
