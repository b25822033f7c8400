"""The results store: schema by migration, idempotent upserts, resume keys, counts, round trips, migrations.

Every test that takes `store`, `make_store` or `store_url` runs on SQLite and on PostgreSQL (see conftest.py).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from pipeline.about import __version__
from pipeline.batch.items import BatchItem, batch_record, intake_id
from pipeline.contracts import (
    CriterionResult,
    Decision,
    Determination,
    DocumentInfo,
    ErrorRecord,
    Outcome,
    PolicyRef,
    ScreeningResult,
    TextSource,
    TriState,
)
from pipeline.contracts.document import Box, PageInfo
from pipeline.contracts.evidence import Evidence
from pipeline.contracts.facts import Fact, FactStatus
from pipeline.store import Base, Case, ResultStore, alembic_config, head_revision
from pipeline.store import Determination as DeterminationRow
from pipeline.store.models import cases, determinations

SHA = "ab" * 32
OUTCOME = {"approve": "meets_criteria", "pend": "insufficient_documentation"}


# -- records built with the real contracts and batch_record ------------------------------------------------------


def screening(key: str, payers: dict[str, str], *, sha: str = SHA, path: str = "/packets/a.pdf",
              request_id: str | None = "REQ-1", received_at: str | None = "2026-11-02T09:30:00Z",
              quote: str = "Recurrent glioblastoma, evaluate for progression versus radiation necrosis.",
              ) -> dict[str, Any]:
    """A batch record of a screened packet; `payers` maps payer -> "approve" | "pend"."""
    evidence = Evidence(text=quote[:23], start=10, end=33, page=1, section="assessment", sentence=quote,
                        concept="GLIOMA", rule_id="glioma-1", boxes=[Box(page=1, x0=72.0, top=100.5, x1=300.25,
                                                                           bottom=112.0)])
    dets = [
        Determination(
            payer=payer, decision=Decision(decision), outcome=Outcome(OUTCOME[decision]),
            reasons=[f"{payer}: {'criteria met' if decision == 'approve' else 'no prior MRI in 3 months'}"],
            missing_documentation=[] if decision == "approve" else ["MRI brain report within 3 months"],
            policy=PolicyRef(id=f"{payer}-mrs", payer=payer, title="MR spectroscopy", number="CPB 0202",
                             version="2026.1", effective_date="2026-01-01", source_file=f"policies/{payer}.yaml",
                             sha256="cd" * 32),
            pipeline_version=__version__, document_sha256=sha,
            criteria=[CriterionResult(id="indication", role="indication", op="fact", status=TriState.MET,
                                      quote="MRS is covered for ...", explanation="glioma present",
                                      evidence=[evidence])],
        )
        for payer, decision in payers.items()
    ]
    result = ScreeningResult(
        pipeline_version=__version__,
        document=DocumentInfo(path=path, sha256=sha, media_type="application/pdf", n_pages=3, n_chars=4120,
                              pages=[PageInfo(number=1, width=612.0, height=792.0, start=0, end=4120,
                                              source=TextSource.OCR, ocr_confidence=87.5)]),
        reference_date="2026-11-01",
        facts=[Fact(name="glioma", status=FactStatus.PRESENT, value=["glioblastoma"], evidence=[evidence],
                    attributes={"grade": ["4"]}, note="affirmed in assessment")],
        determinations=dets,
    )
    item = BatchItem(path=path, payers=tuple(payers) or None, request_id=request_id, received_at=received_at)
    return batch_record(result, item=item, key=key)


def error(key: str, *, code: str = "E101", path: str = "/packets/missing.pdf", sha: str | None = None,
          message: str = "missing.pdf: file not found") -> dict[str, Any]:
    record = ErrorRecord(pipeline_version=__version__, path=path, sha256=sha, code=code, stage="ingest",
                         message=message)
    return batch_record(record, item=BatchItem(path=path, request_id="REQ-9"), key=key)


def n_rows(store: ResultStore, table: Any, **where: str) -> int:
    stmt = select(func.count()).select_from(table)
    for column, value in where.items():
        stmt = stmt.where(table.c[column] == value)
    with store.engine.connect() as conn:
        return int(conn.scalar(stmt) or 0)


def case_row(store: ResultStore, key: str) -> dict[str, Any]:
    with store.engine.connect() as conn:
        return dict(conn.execute(select(cases).where(cases.c.key == key)).mappings().one())


def det_rows(store: ResultStore, key: str) -> dict[str, dict[str, Any]]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(determinations).where(determinations.c.case_key == key)).mappings().all()
    return {r["payer"]: dict(r) for r in rows}


# -- schema ---------------------------------------------------------------------------------------------------


def test_migrate_creates_the_tables(make_store: Callable[[], ResultStore]) -> None:
    store = make_store()
    assert store.revision() is None
    store.migrate()
    assert store.revision() == head_revision() == "0003"
    insp = inspect(store.engine)
    assert {"cases", "determinations", "alembic_version", "review_users", "review_sessions", "review_items",
            "review_criteria", "review_evidence", "audit_events", "audit_head"} <= set(insp.get_table_names())
    assert {c["name"] for c in insp.get_columns("cases")} >= {
        "key", "path", "document_sha256", "request_id", "received_at", "kind", "error_code", "error_message",
        "pipeline_version", "reference_date", "n_pages", "record", "created_at"}
    assert {c["name"] for c in insp.get_columns("determinations")} >= {
        "case_key", "payer", "decision", "outcome", "policy_id", "policy_version", "policy_sha256", "reasons",
        "missing_documentation"}
    assert insp.get_pk_constraint("cases")["constrained_columns"] == ["key"]
    assert [u["column_names"] for u in insp.get_unique_constraints("determinations")] == [["case_key", "payer"]]
    (fk,) = insp.get_foreign_keys("determinations")
    assert (fk["referred_table"], fk["constrained_columns"], fk["referred_columns"]) == ("cases", ["case_key"],
                                                                                         ["key"])
    indexes = {i["name"]: i["column_names"] for i in insp.get_indexes("determinations")}
    assert indexes["ix_determinations_decision_payer_outcome"] == ["decision", "payer", "outcome"]
    assert {i["name"] for i in insp.get_indexes("cases")} >= {"ix_cases_request_id", "ix_cases_kind_error_code"}


def test_second_migrate_is_a_no_op(make_store: Callable[[], ResultStore]) -> None:
    first = make_store()
    first.migrate()
    first.upsert(screening("k1", {"aetna": "approve"}))
    tables = set(inspect(first.engine).get_table_names())
    again = make_store()  # a later run on the same database
    again.migrate()
    again.migrate()
    assert again.revision() == head_revision()
    assert set(inspect(again.engine).get_table_names()) == tables
    assert again.keys() == {"k1"}
    assert again.get("k1") == screening("k1", {"aetna": "approve"})


def test_models_match_the_migration_head(store: ResultStore) -> None:
    """What `alembic revision --autogenerate` would write for the migrated database: nothing."""
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == []
        command.check(alembic_config(connection=conn))  # the same through env.py; raises on a difference


def test_downgrade_to_base_and_back(store: ResultStore) -> None:
    with store.engine.begin() as conn:
        command.downgrade(alembic_config(connection=conn), "base")
    assert not {"cases", "determinations"} & set(inspect(store.engine).get_table_names())
    store.migrate()
    assert store.revision() == head_revision()
    store.upsert(error("e1"))
    assert store.keys() == {"e1"}


@pytest.mark.parametrize("url, ddl", [
    ("sqlite:///offline.db", ["CREATE TABLE cases", "CREATE TABLE determinations", "JSON NOT NULL"]),
    ("postgresql+psycopg://u@localhost/db", ["CREATE TABLE cases", "CREATE TABLE determinations",
                                             "TIMESTAMP WITH TIME ZONE", "ON DELETE CASCADE"]),
])
def test_offline_migration_sql(url: str, ddl: list[str]) -> None:
    """`alembic upgrade head --sql`: the DDL a DBA can review and apply by hand, per dialect (no database)."""
    up, down = io.StringIO(), io.StringIO()
    cfg = alembic_config(url=url)
    cfg.output_buffer = up
    command.upgrade(cfg, "head", sql=True)
    sql = up.getvalue()
    for needle in [*ddl, "CREATE INDEX ix_determinations_decision_payer_outcome", "CREATE INDEX ix_cases_request_id",
                   "INSERT INTO alembic_version (version_num) VALUES ('0001')",
                   "ALTER TABLE cases ADD COLUMN intake VARCHAR(64)", "CREATE INDEX ix_cases_intake"]:
        assert needle in sql, needle
    cfg.output_buffer = down
    command.downgrade(cfg, "head:base", sql=True)
    assert "DROP TABLE determinations" in down.getvalue() and "DROP TABLE cases" in down.getvalue()


def test_packaged_migrations_are_resources() -> None:
    from importlib.resources import files

    root = files("pipeline.store")
    for name in ("alembic.ini", "migrations/env.py", "migrations/script.py.mako",
                 "migrations/versions/v0001_initial_schema.py", "migrations/versions/v0002_intake_and_clock.py",
                 "migrations/versions/v0003_review_workbench.py"):
        assert root.joinpath(name).is_file(), name
    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    assert '"*.mako"' in pyproject and '"*.ini"' in pyproject  # shipped in wheels as package data


# -- writing --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("make_record, n_dets", [
    (lambda: screening("k", {"aetna": "approve", "cigna": "pend"}), 2),
    (lambda: screening("k", {}), 0),
    (lambda: error("k"), 0),
], ids=["screening", "screening-no-payers", "error"])
def test_upsert_is_idempotent(store: ResultStore, make_record: Callable[[], dict[str, Any]], n_dets: int) -> None:
    record = make_record()
    store.upsert(record)
    created = case_row(store, "k")["created_at"]
    store.upsert(record)
    store.upsert_many([record, record])
    assert n_rows(store, cases) == 1
    assert n_rows(store, determinations) == n_dets
    assert store.keys() == {"k"}
    assert store.get("k") == record
    assert case_row(store, "k")["created_at"] == created


@pytest.mark.parametrize("before, after, expect", [
    (screening("k", {"aetna": "approve", "cigna": "pend"}), screening("k", {"aetna": "pend"}),
     {"kind": "screening", "dets": {"aetna": "pend"}}),
    (screening("k", {"aetna": "pend"}), screening("k", {"aetna": "approve", "uhc": "approve"}),
     {"kind": "screening", "dets": {"aetna": "approve", "uhc": "approve"}}),
    (screening("k", {"aetna": "approve"}), error("k", code="E104"),
     {"kind": "error", "dets": {}, "error_code": "E104"}),
    (error("k"), screening("k", {"cigna": "approve"}),
     {"kind": "screening", "dets": {"cigna": "approve"}, "error_code": None}),
], ids=["fewer-payers", "more-payers", "screening-to-error", "error-to-screening"])
def test_rescreen_replaces_the_case_and_its_determinations(store: ResultStore, before: dict[str, Any],
                                                           after: dict[str, Any], expect: dict[str, Any]) -> None:
    store.upsert(before)
    first = case_row(store, "k")
    time.sleep(0.01)
    store.upsert(after)
    row = case_row(store, "k")
    assert row["kind"] == expect["kind"]
    if "error_code" in expect:
        assert row["error_code"] == expect["error_code"]
    assert {p: d["decision"] for p, d in det_rows(store, "k").items()} == expect["dets"]
    assert store.get("k") == after
    assert n_rows(store, cases) == 1
    assert row["created_at"] == first["created_at"] and row["updated_at"] > first["updated_at"]


def test_screening_columns(store: ResultStore) -> None:
    store.upsert(screening("k", {"aetna": "approve", "cigna": "pend"}, request_id="REQ-7",
                           received_at="2026-11-02"))
    row = case_row(store, "k")
    assert {k: row[k] for k in ("path", "document_sha256", "request_id", "received_at", "kind", "error_code",
                                "pipeline_version", "reference_date", "n_pages")} == {
        "path": "/packets/a.pdf", "document_sha256": SHA, "request_id": "REQ-7", "received_at": "2026-11-02",
        "kind": "screening", "error_code": None, "pipeline_version": __version__, "reference_date": "2026-11-01",
        "n_pages": 3}
    cigna = det_rows(store, "k")["cigna"]
    assert {k: cigna[k] for k in ("decision", "outcome", "policy_id", "policy_version", "policy_sha256", "reasons",
                                  "missing_documentation")} == {
        "decision": "pend", "outcome": "insufficient_documentation", "policy_id": "cigna-mrs",
        "policy_version": "2026.1", "policy_sha256": "cd" * 32, "reasons": ["cigna: no prior MRI in 3 months"],
        "missing_documentation": ["MRI brain report within 3 months"]}


@pytest.mark.parametrize("record, columns", [
    (error("e1", code="E101"),
     {"kind": "error", "error_code": "E101", "error_stage": "ingest", "error_message": "missing.pdf: file not found",
      "path": "/packets/missing.pdf", "document_sha256": None, "n_pages": None, "reference_date": None}),
    (error("e2", code="E104", path="/packets/bad.pdf", sha="ef" * 32, message="bad.pdf: damaged \x00 PDF"),
     {"kind": "error", "error_code": "E104", "error_message": "bad.pdf: damaged \ufffd PDF",
      "document_sha256": "ef" * 32}),
], ids=["unreadable", "damaged-with-nul"])
def test_error_records(store: ResultStore, record: dict[str, Any], columns: dict[str, Any]) -> None:
    key = record["batch"]["key"]
    store.upsert(record)
    row = case_row(store, key)
    assert {k: row[k] for k in columns} == columns
    assert det_rows(store, key) == {}
    assert store.get(key) == record  # the record itself keeps the exact message, NUL included


def test_upsert_many_is_one_transaction(store: ResultStore) -> None:
    bad = screening("k3", {"aetna": "approve"})
    bad["determinations"][0]["decision"] = None  # NOT NULL violation in the second statement
    with pytest.raises(Exception, match="(?i)null"):
        store.upsert_many([screening("k1", {"aetna": "approve"}), error("k2"), bad])
    assert store.keys() == set()
    assert store.upsert_many([screening("k1", {"aetna": "approve"}), error("k2")]) == 2
    assert store.keys() == {"k1", "k2"}


def test_upsert_many_last_record_of_a_key_wins(store: ResultStore) -> None:
    assert store.upsert_many([screening("k", {"aetna": "approve"}), screening("k", {"aetna": "pend"})]) == 1
    assert {p: d["decision"] for p, d in det_rows(store, "k").items()} == {"aetna": "pend"}
    assert store.upsert_many([]) == 0


@pytest.mark.parametrize("record, message", [
    ({"kind": "screening"}, "not a batch record"),
    ({"kind": "error", "batch": {"key": ""}}, "not a batch record"),
    ({**error("k"), "kind": "other"}, "kind must be"),
    ({**screening("k", {"aetna": "approve"}),
      "determinations": screening("k", {"aetna": "approve"})["determinations"] * 2}, "two determinations"),
], ids=["no-batch", "empty-key", "bad-kind", "duplicate-payer"])
def test_rejects_what_is_not_a_batch_record(store: ResultStore, record: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        store.upsert(record)
    assert store.keys() == set()


# -- reading --------------------------------------------------------------------------------------------------


def test_keys_for_resume(store: ResultStore) -> None:
    assert store.keys() == set()
    store.upsert_many([screening("s1", {"aetna": "approve"}), screening("s2", {}), error("e1")])
    assert store.keys() == {"s1", "s2", "e1"}
    assert store.keys(kind="screening") == {"s1", "s2"}
    assert store.keys(kind="error") == {"e1"}


def test_counts(store: ResultStore) -> None:
    assert store.counts() == {"cases": 0, "screenings": 0, "errors": 0, "error_codes": {}, "payers": {}}
    store.upsert_many([
        screening("s1", {"aetna": "approve", "cigna": "pend"}, request_id="R1"),
        screening("s2", {"aetna": "pend", "cigna": "pend"}, request_id="R2"),
        screening("s3", {"aetna": "approve"}, request_id="R3"),
        screening("s4", {"uhc": "approve"}, request_id="R4"),
        error("e1", code="E101", path="/p/1.pdf"), error("e2", code="E104", path="/p/2.pdf"),
        error("e3", code="E104", path="/p/3.pdf"),
    ])
    store.upsert(screening("s4", {"uhc": "pend"}, request_id="R4"))  # re-screened: counted once, as now
    assert store.counts() == {
        "cases": 7, "screenings": 4, "errors": 3, "error_codes": {"E101": 1, "E104": 2},
        "payers": {"aetna": {"approve": 2, "pend": 1}, "cigna": {"approve": 0, "pend": 2},
                   "uhc": {"approve": 0, "pend": 1}},
    }


@pytest.mark.parametrize("record", [
    screening("plain", {"aetna": "approve", "cigna": "pend"}),
    screening("unicode", {"aetna": "pend"}, path="/packets/Müller – fax №2.pdf", request_id="ÄÖ-😀",
              quote="Glioblastom (WHO-Grad 4) – «Rezidiv?» 脑胶质瘤 \u2028 tab\tand \"quotes\" \\ back"),
    screening("no-intake", {"aetna": "approve"}, request_id=None, received_at=None),
    error("nul", message="bad\x00byte \u0001 control"),
], ids=["plain", "unicode", "no-intake-fields", "control-characters"])
def test_get_round_trips_the_record(store: ResultStore, record: dict[str, Any]) -> None:
    key = record["batch"]["key"]
    store.upsert(record)
    assert store.get(key) == record
    with ResultStore(store.url) as fresh:  # through a fresh engine too
        assert fresh.get(key) == record
    assert store.get("no-such-key") is None


def _current(store: ResultStore) -> set[str]:
    return store.keys(current=True)


def test_a_newer_record_of_an_intake_supersedes_the_older(store: ResultStore) -> None:
    """One intake (path + request id) has exactly one current case; superseded cases keep their row."""
    store.upsert_many([screening("old", {"aetna": "approve"}, request_id="R1"),
                       screening("other", {"aetna": "pend"}, request_id="R2")])
    store.upsert(screening("new", {"aetna": "pend"}, request_id="R1"))  # the packet was edited
    assert _current(store) == {"new", "other"} and store.keys() == {"old", "new", "other"}
    assert case_row(store, "old")["superseded_at"] is not None
    assert store.counts()["payers"] == {"aetna": {"approve": 0, "pend": 2}}
    store.upsert(screening("old", {"aetna": "approve"}, request_id="R1"))  # the edit was reverted
    assert _current(store) == {"old", "other"}
    assert case_row(store, "old")["superseded_at"] is None
    store.upsert(error("e-missing", path="/packets/a.pdf"))  # another request id: another intake
    assert _current(store) == {"old", "other", "e-missing"}


def test_within_one_write_the_last_record_of_an_intake_is_current(store: ResultStore) -> None:
    store.upsert_many([screening("first", {"aetna": "approve"}), screening("second", {"aetna": "pend"})])
    assert _current(store) == {"second"}


def test_clock_columns(store: ResultStore) -> None:
    record = screening("k", {"aetna": "pend"})
    record["batch"].update(priority="expedited", due_at="2026-11-05T09:30:00+00:00")
    store.upsert(record)
    row = case_row(store, "k")
    assert row["priority"] == "expedited"
    assert row["due_at"].replace(tzinfo=None) == datetime(2026, 11, 5, 9, 30)


def test_migration_0002_gives_old_rows_their_intake(make_store: Callable[[], ResultStore]) -> None:
    store = make_store()
    with store.engine.begin() as conn:
        command.upgrade(alembic_config(connection=conn), "0001")
        conn.execute(cases.insert().values(key="legacy", path="/packets/a.pdf", request_id="R1", kind="error",
                                           pipeline_version="0", record={"batch": {"key": "legacy"}},
                                           created_at=datetime.now(UTC), updated_at=datetime.now(UTC)))
    store.migrate()
    assert case_row(store, "legacy")["intake"] == intake_id("/packets/a.pdf", "R1")
    store.upsert(screening("new", {"aetna": "pend"}, path="/packets/a.pdf", request_id="R1"))
    assert _current(store) == {"new"}


def test_reviewer_work_queue_through_the_orm(store: ResultStore) -> None:
    """What the workbench will do: pended determinations for a payer, oldest first, with their case."""
    store.upsert_many([screening("s1", {"aetna": "pend", "cigna": "approve"}, request_id="R1"),
                       screening("s2", {"aetna": "approve"}, request_id="R2"),
                       screening("s3", {"aetna": "pend"}, request_id="R3")])
    with Session(store.engine) as session:
        queue = session.scalars(select(DeterminationRow).join(Case)
                                .where(DeterminationRow.decision == "pend", DeterminationRow.payer == "aetna")
                                .order_by(Case.created_at, Case.key)).all()
        assert [(d.case.key, d.case.request_id, d.outcome) for d in queue] == [
            ("s1", "R1", "insufficient_documentation"), ("s3", "R3", "insufficient_documentation")]
        assert [d.payer for d in session.get_one(Case, "s1").determinations] == ["aetna", "cigna"]
