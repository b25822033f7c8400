"""The results store: batch records in SQL (SQLite or PostgreSQL), for resume and for the reviewer workbench.

    store = ResultStore("sqlite:///out/batch/results.db")   # or "postgresql+psycopg://user:pw@host/db"
    store.migrate()                                          # once per run; a no-op when current
    store.upsert_many(records)                               # batch records (pipeline.batch.items.batch_record)
    done = store.keys()

See docs/results-store.md.
"""

from .models import Base, Case, Determination
from .store import DEFAULT_URL, ResultStore, alembic_config, head_revision, open_store, safe_url

__all__ = ["DEFAULT_URL", "Base", "Case", "Determination", "ResultStore", "alembic_config", "head_revision",
           "open_store", "safe_url"]
