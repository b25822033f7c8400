"""ResultStore: where batch engines write screening records and the reviewer workbench reads them.

Any SQLAlchemy URL works; SQLite (the default, a file beside the batch output) and PostgreSQL
(`postgresql+psycopg://user:pass@host/db`, with the `postgres` extra installed) are tested.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.expression import Executable

from ..batch.items import intake_id
from ..errors import ErrorCode, PipelineError
from .models import cases, determinations

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_URL = "sqlite:///results.db"
_CHUNK = 500  # keys per IN (...) list


def alembic_config(url: str | None = None, *, connection: Connection | None = None) -> Config:
    """An alembic Config for the packaged migrations, built in code (no alembic.ini needed).

    Pass an open `connection` to run online commands on it, or a `url` (offline `sql=True` commands, or online
    ones that open their own engine)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    cfg.set_main_option("file_template", "v%%(rev)s_%%(slug)s")
    cfg.set_main_option("path_separator", "os")
    if url is not None:
        cfg.attributes["url"] = url
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    """The newest migration shipped with this package."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _json_dumps(obj: object) -> str:
    # sorted keys: identical records are stored identically; control characters (NUL too) stay escaped
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _clean(value: object) -> str | None:
    """A scalar column value: text, without NUL characters (PostgreSQL text cannot hold them)."""
    if value is None:
        return None
    return str(value).replace("\x00", "\ufffd")


def _make_engine(url: str) -> Engine:
    u = make_url(url)
    kwargs: dict[str, Any] = {"hide_parameters": True}  # errors must not quote record content
    if u.get_backend_name() in ("sqlite", "postgresql"):
        kwargs["json_serializer"] = _json_dumps
    if u.get_backend_name() == "sqlite":
        database = u.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": 60}  # wait for another writer's lock instead of failing at once
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(u, **kwargs)
    if u.get_backend_name() == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

    return engine


def _timestamp(value: object) -> datetime | None:
    """An ISO 8601 time of the record (UTC when it names no zone); None when absent or not a time."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _case_row(record: dict[str, Any], now: datetime) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The cases row and the determinations rows of one batch record."""
    batch = record.get("batch")
    if not isinstance(batch, dict) or not batch.get("key"):
        raise ValueError("not a batch record: it needs a 'batch' object with a 'key' "
                         "(see pipeline.batch.items.batch_record)")
    key = str(batch["key"])
    kind = record.get("kind")
    path = (record.get("document") or {}).get("path") if kind == "screening" else record.get("path")
    row: dict[str, Any] = {
        "key": key,
        "request_id": _clean(batch.get("request_id")),
        "received_at": _clean(batch.get("received_at")),
        "intake": _clean(batch.get("intake")) or intake_id(str(path or ""), batch.get("request_id")),
        "superseded_at": None,
        "priority": _clean(batch.get("priority")),
        "due_at": _timestamp(batch.get("due_at")),
        "kind": kind,
        "pipeline_version": _clean(record.get("pipeline_version")) or "unknown",
        "record": record,
        "created_at": now,
        "updated_at": now,
        "error_code": None, "error_stage": None, "error_message": None,
        "reference_date": None, "n_pages": None,
    }
    dets: list[dict[str, Any]] = []
    if kind == "screening":
        document = record.get("document") or {}
        row.update(path=_clean(document.get("path")) or "", document_sha256=_clean(document.get("sha256")),
                   reference_date=_clean(record.get("reference_date")), n_pages=document.get("n_pages"))
        seen: set[str] = set()
        for det in record.get("determinations") or []:
            payer = str(det["payer"])
            if payer in seen:
                raise ValueError(f"record {key}: two determinations for payer {payer!r}")
            seen.add(payer)
            policy = det.get("policy") or {}
            dets.append({
                "case_key": key, "payer": _clean(payer), "decision": _clean(det["decision"]),
                "outcome": _clean(det["outcome"]), "policy_id": _clean(policy.get("id")),
                "policy_version": _clean(policy.get("version")), "policy_sha256": _clean(policy.get("sha256")),
                "reasons": list(det.get("reasons") or []),
                "missing_documentation": list(det.get("missing_documentation") or []),
            })
    elif kind == "error":
        row.update(path=_clean(record.get("path")) or "", document_sha256=_clean(record.get("sha256")),
                   error_code=_clean(record.get("code")), error_stage=_clean(record.get("stage")),
                   error_message=_clean(record.get("message")))
    else:
        raise ValueError(f"record {key}: kind must be 'screening' or 'error', not {kind!r}")
    return row, dets


def _chunks(items: Sequence[str], size: int = _CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def safe_url(url: str) -> str:
    """The URL as messages may show it: password hidden; "?" when it does not parse."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - any unparsable URL: show nothing of it
        return "?"


def open_store(url: str) -> ResultStore:
    """A migrated ResultStore; PipelineError E305 (one line, password and record content withheld) when the URL is
    malformed, its driver missing, the database unreachable or its schema cannot be brought up to date."""
    try:
        store = ResultStore(url)
        store.migrate()
    except (SQLAlchemyError, ImportError, ValueError, OSError) as exc:
        raise PipelineError(ErrorCode.E305_STORE_UNAVAILABLE,
                            f"cannot open the results store {safe_url(url)} ({type(exc).__name__}); check --store",
                            stage="batch") from None
    return store


class ResultStore:
    """Screening records in a SQL database: `cases` (one per batch key) and `determinations` (one per payer).

    Call `migrate()` once before writing (it is a no-op when the schema is current). One instance per process:
    the engine's connection pool must not cross a fork.
    """

    def __init__(self, url: str = DEFAULT_URL) -> None:
        self.url = url
        self.engine = _make_engine(url)

    def __repr__(self) -> str:
        return f"ResultStore({make_url(self.url).render_as_string(hide_password=True)!r})"

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the pooled connections."""
        self.engine.dispose()

    # -- schema ---------------------------------------------------------------------------------------------

    def migrate(self) -> None:
        """Bring the schema to the newest packaged migration (creating the tables in an empty database)."""
        with self.engine.begin() as conn:
            command.upgrade(alembic_config(connection=conn), "head")

    def revision(self) -> str | None:
        """The migration the database is at (None: never migrated)."""
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    # -- writing --------------------------------------------------------------------------------------------

    def upsert(self, record: dict[str, Any]) -> None:
        """Insert or replace one batch record (a case and its determinations), in its own transaction."""
        self.upsert_many([record])

    def upsert_many(self, records: Iterable[dict[str, Any]]) -> int:
        """Insert or replace many batch records in one transaction; returns how many distinct keys were written.

        A key written again (the same record, or the item screened again) keeps one case row, its `created_at`,
        and exactly the determinations of the newest record. When a key repeats within `records`, the last wins.
        A record written is its intake's current case: the intake's other cases are marked superseded (when an
        intake repeats within `records`, the last record is the current one).
        """
        now = datetime.now(UTC)
        rows: dict[str, dict[str, Any]] = {}
        dets: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            row, case_dets = _case_row(record, now)
            rows[row["key"]] = row
            dets[row["key"]] = case_dets
        if not rows:
            return 0
        current = {row["intake"]: key for key, row in rows.items()}
        with self.engine.begin() as conn:
            self._write_cases(conn, list(rows.values()))
            for intake, key in current.items():
                conn.execute(update(cases).where(cases.c.intake == intake, cases.c.key != key,
                                                 cases.c.superseded_at.is_(None)).values(superseded_at=now))
            keys = list(rows)
            for chunk in _chunks(keys):
                conn.execute(delete(determinations).where(determinations.c.case_key.in_(chunk)))
            det_rows = [d for key in keys for d in dets[key]]
            if det_rows:
                conn.execute(insert(determinations), det_rows)
        return len(rows)

    def supersede(self, keys: Sequence[str]) -> None:
        """Mark cases as no longer current (their input is gone, e.g. a folder error that no longer occurs)."""
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            for chunk in _chunks(list(keys)):
                conn.execute(update(cases).where(cases.c.key.in_(chunk), cases.c.superseded_at.is_(None))
                             .values(superseded_at=now))

    @staticmethod
    def _write_cases(conn: Connection, rows: list[dict[str, Any]]) -> None:
        keep = {"key", "created_at"}
        name = conn.dialect.name
        if name in ("sqlite", "postgresql"):
            if name == "sqlite":
                from sqlalchemy.dialects.sqlite import insert as sqlite_insert

                lite = sqlite_insert(cases)
                stmt: Executable = lite.on_conflict_do_update(
                    index_elements=[cases.c.key],
                    set_={c.name: lite.excluded[c.name] for c in cases.columns if c.name not in keep})
            else:
                from sqlalchemy.dialects.postgresql import insert as pg_insert

                pg = pg_insert(cases)
                stmt = pg.on_conflict_do_update(
                    index_elements=[cases.c.key],
                    set_={c.name: pg.excluded[c.name] for c in cases.columns if c.name not in keep})
            conn.execute(stmt, rows)
            return
        # any other dialect: look the keys up, then update or insert (one writer per key assumed)
        existing: set[str] = set()
        keys = [r["key"] for r in rows]
        for chunk in _chunks(keys):
            existing.update(conn.scalars(select(cases.c.key).where(cases.c.key.in_(chunk))))
        new = [r for r in rows if r["key"] not in existing]
        if new:
            conn.execute(insert(cases), new)
        for r in rows:
            if r["key"] in existing:
                conn.execute(update(cases).where(cases.c.key == r["key"])
                             .values({k: v for k, v in r.items() if k not in keep}))

    # -- reading --------------------------------------------------------------------------------------------

    def keys(self, kind: str | None = None, *, current: bool = False) -> set[str]:
        """Keys that have a record (for resume); `kind="screening"` leaves out error records, to retry them;
        `current=True` leaves out superseded cases."""
        stmt = select(cases.c.key)
        if kind is not None:
            stmt = stmt.where(cases.c.kind == kind)
        if current:
            stmt = stmt.where(cases.c.superseded_at.is_(None))
        with self.engine.connect() as conn:
            return set(conn.scalars(stmt))

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored batch record of a key, as written (None when the key has none)."""
        with self.engine.connect() as conn:
            record = conn.scalar(select(cases.c.record).where(cases.c.key == key))
        if isinstance(record, str):  # a dialect whose JSON type comes back as text
            record = json.loads(record)
        return record

    def counts(self) -> dict[str, Any]:
        """Totals of the current cases (superseded ones are not counted), for a batch summary:

            {"cases": 12, "screenings": 10, "errors": 2, "error_codes": {"E101": 1, "E104": 1},
             "payers": {"aetna": {"approve": 4, "pend": 6}, ...}}

        Every payer has "approve" and "pend" (0 when none); another decision value, if one ever appears, is
        counted under its own name."""
        with self.engine.connect() as conn:
            live = cases.c.superseded_at.is_(None)
            by_kind = {str(kind): int(n) for kind, n in
                       conn.execute(select(cases.c.kind, func.count()).where(live).group_by(cases.c.kind))}
            by_code = sorted((str(code), int(n)) for code, n in
                             conn.execute(select(cases.c.error_code, func.count())
                                          .where(live, cases.c.kind == "error").group_by(cases.c.error_code)))
            by_payer = sorted((str(payer), str(decision), int(n)) for payer, decision, n in
                              conn.execute(select(determinations.c.payer, determinations.c.decision, func.count())
                                           .join(cases, cases.c.key == determinations.c.case_key).where(live)
                                           .group_by(determinations.c.payer, determinations.c.decision)))
        payers: dict[str, dict[str, int]] = {}
        for payer, decision, n in by_payer:
            payers.setdefault(payer, {"approve": 0, "pend": 0})[decision] = n
        return {
            "cases": sum(by_kind.values()),
            "screenings": by_kind.get("screening", 0),
            "errors": by_kind.get("error", 0),
            "error_codes": dict(by_code),
            "payers": payers,
        }
