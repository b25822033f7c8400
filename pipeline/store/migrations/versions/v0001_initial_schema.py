"""initial schema: cases and determinations

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("document_sha256", sa.String(length=64), nullable=True),
        sa.Column("request_id", sa.Text(), nullable=True),
        sa.Column("received_at", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("error_code", sa.String(length=32), nullable=True),
        sa.Column("error_stage", sa.String(length=64), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("pipeline_version", sa.String(length=64), nullable=False),
        sa.Column("reference_date", sa.String(length=32), nullable=True),
        sa.Column("n_pages", sa.Integer(), nullable=True),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('screening', 'error')", name=op.f("ck_cases_kind")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_cases")),
    )
    op.create_index(op.f("ix_cases_created_at"), "cases", ["created_at"])
    op.create_index(op.f("ix_cases_document_sha256"), "cases", ["document_sha256"])
    op.create_index(op.f("ix_cases_kind_error_code"), "cases", ["kind", "error_code"])
    op.create_index(op.f("ix_cases_request_id"), "cases", ["request_id"])

    op.create_table(
        "determinations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_key", sa.String(length=128), nullable=False),
        sa.Column("payer", sa.String(length=128), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=64), nullable=False),
        sa.Column("policy_id", sa.Text(), nullable=True),
        sa.Column("policy_version", sa.Text(), nullable=True),
        sa.Column("policy_sha256", sa.String(length=64), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("missing_documentation", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["case_key"], ["cases.key"], name=op.f("fk_determinations_case_key_cases"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_determinations")),
        sa.UniqueConstraint("case_key", "payer", name=op.f("uq_determinations_case_key_payer")),
    )
    op.create_index(op.f("ix_determinations_decision_payer_outcome"), "determinations",
                    ["decision", "payer", "outcome"])
    op.create_index(op.f("ix_determinations_payer_outcome"), "determinations", ["payer", "outcome"])


def downgrade() -> None:
    op.drop_index(op.f("ix_determinations_payer_outcome"), table_name="determinations")
    op.drop_index(op.f("ix_determinations_decision_payer_outcome"), table_name="determinations")
    op.drop_table("determinations")
    op.drop_index(op.f("ix_cases_request_id"), table_name="cases")
    op.drop_index(op.f("ix_cases_kind_error_code"), table_name="cases")
    op.drop_index(op.f("ix_cases_document_sha256"), table_name="cases")
    op.drop_index(op.f("ix_cases_created_at"), table_name="cases")
    op.drop_table("cases")
