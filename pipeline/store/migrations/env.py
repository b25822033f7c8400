"""Alembic environment of the results store.

Used two ways:
- programmatically by `ResultStore.migrate()` / `alembic_config()`: the caller puts an open connection in
  `config.attributes["connection"]` (online) or a URL in `config.attributes["url"]` (offline, `--sql`);
- from the alembic CLI with the packaged ini: `alembic -c pipeline/store/alembic.ini -x url=URL <command>`
  (the URL may also come from $PRESCREEN_STORE_URL; the default is sqlite:///results.db).
"""

from __future__ import annotations

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from pipeline.store.models import Base

config = context.config
target_metadata = Base.metadata

if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.attributes.get("url")
    return str(url or os.environ.get("PRESCREEN_STORE_URL") or config.get_main_option("sqlalchemy.url")
               or "sqlite:///results.db")


def _configure(**kwargs: object) -> None:
    context.configure(
        target_metadata=target_metadata,
        compare_type=True,
        # SQLite cannot ALTER most things: later migrations run as copy-and-move "batch" operations there
        render_as_batch=True,
        **kwargs,  # type: ignore[arg-type]
    )


def run_offline() -> None:
    _configure(url=_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_online(connection: Connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    shared = config.attributes.get("connection")
    if shared is not None:
        run_online(shared)
    else:
        engine = create_engine(_url())
        try:
            with engine.connect() as conn:
                run_online(conn)
        finally:
            engine.dispose()
