"""intake identity, superseded records, and the review clock

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

- `cases.intake`: sha256 of the intake (path as listed + request id). One intake has exactly one current case;
  a newer record of the same intake (the packet edited, a policy or the pipeline changed) supersedes the older
  ones, which keep their row with `superseded_at` set (never shown as current).
- `cases.priority` (expedited | standard) and `cases.due_at`: the decision clock of the request.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _intake(path: str | None, request_id: str | None) -> str:
    # the same function as pipeline.batch.items.intake_id, frozen here as migrations must be
    return hashlib.sha256(json.dumps([path or "", request_id]).encode()).hexdigest()


def upgrade() -> None:
    # nullable columns: a plain ADD COLUMN on both SQLite and PostgreSQL (no table copy, works in --sql mode)
    op.add_column("cases", sa.Column("intake", sa.String(length=64), nullable=True))
    op.add_column("cases", sa.Column("superseded_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("cases", sa.Column("priority", sa.String(length=16), nullable=True))
    op.add_column("cases", sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
    if not context.is_offline_mode():  # offline (--sql) scripts cannot hash: rows get their intake when rewritten
        _backfill_intake()
    op.create_index(op.f("ix_cases_intake"), "cases", ["intake"])
    op.create_index(op.f("ix_cases_superseded_at_due_at"), "cases", ["superseded_at", "due_at"])


def _backfill_intake() -> None:
    conn = op.get_bind()
    cases = sa.table("cases", sa.column("key"), sa.column("path"), sa.column("request_id"), sa.column("intake"))
    rows = conn.execute(sa.select(cases.c.key, cases.c.path, cases.c.request_id)).all()
    for key, path, request_id in rows:
        conn.execute(sa.update(cases).where(cases.c.key == key).values(intake=_intake(path, request_id)))


def downgrade() -> None:
    op.drop_index(op.f("ix_cases_superseded_at_due_at"), table_name="cases")
    op.drop_index(op.f("ix_cases_intake"), table_name="cases")
    for column in ("due_at", "priority", "superseded_at", "intake"):  # SQLite has DROP COLUMN since 3.35
        op.drop_column("cases", column)
