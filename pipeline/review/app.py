"""The workbench as a WSGI application: Django for HTTP, sessions, CSRF and templates; the results store
(SQLAlchemy, schema owned by Alembic) for everything kept.

    app = create_app("sqlite:///out/demo-batch/results.db", cache_dir=Path("out/review-cache"))
    serve(app, host="127.0.0.1", port=8000)

Django is configured in code (no settings module, no Django ORM, no Django migrations): `INSTALLED_APPS` is
empty, sessions use `pipeline.review.sessions` and accounts are the store's `review_users`.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from ..store import ResultStore
from ..store.models import review_config
from .db import make_engine

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
SECRET_ENV = "PRESCREEN_REVIEW_SECRET_KEY"
IDLE_TIMEOUT_SECONDS = 30 * 60
ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60
PAGE_DPI = 110

log = logging.getLogger(__name__)


@dataclass
class Workbench:
    """What the views need at run time."""

    engine: Engine
    store_url: str
    cache_dir: Path
    page_dpi: int = PAGE_DPI
    low_confidence: float = 80.0


_current: Workbench | None = None


def current() -> Workbench:
    if _current is None:
        raise RuntimeError("the workbench is not configured (create_app)")
    return _current


def _secret_key(engine: Engine) -> str:
    """The key Django signs session data with: $PRESCREEN_REVIEW_SECRET_KEY, else one kept in the store (made at
    first start, so that every process of one store agrees)."""
    import os

    if os.environ.get(SECRET_ENV):
        return os.environ[SECRET_ENV]
    with engine.connect() as conn:
        value = conn.scalar(select(review_config.c.value).where(review_config.c.name == "secret_key"))
    if value:
        return str(value)
    try:
        with engine.begin() as conn:
            conn.execute(insert(review_config).values(name="secret_key", value=secrets.token_urlsafe(48)))
    except IntegrityError:
        pass
    with engine.connect() as conn:
        return str(conn.scalar(select(review_config.c.value).where(review_config.c.name == "secret_key")))


class _NoDetail(logging.Filter):
    """Log records of request errors keep the exception's type and drop its message and traceback (which could
    hold packet text)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[0] is not None:
            record.msg = f"{record.getMessage()} ({record.exc_info[0].__name__})"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


def django_settings(*, secret_key: str, allowed_hosts: list[str], tls_proxy: bool,
                    trusted_origins: list[str]) -> dict[str, Any]:
    secure = "__Host-" if tls_proxy else ""
    return dict(
        DEBUG=False,
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS=allowed_hosts,
        ROOT_URLCONF="pipeline.review.urls",
        INSTALLED_APPS=[],
        DATABASES={},
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "pipeline.review.middleware.SecurityHeadersMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "pipeline.review.middleware.AuthenticationMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
        SESSION_ENGINE="pipeline.review.sessions",
        SESSION_COOKIE_NAME=f"{secure}prescreen-session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=tls_proxy,
        SESSION_COOKIE_AGE=IDLE_TIMEOUT_SECONDS,
        SESSION_SAVE_EVERY_REQUEST=True,
        SESSION_EXPIRE_AT_BROWSER_CLOSE=True,
        CSRF_USE_SESSIONS=True,
        CSRF_COOKIE_SECURE=tls_proxy,
        CSRF_FAILURE_VIEW="pipeline.review.views.csrf_failure",
        CSRF_TRUSTED_ORIGINS=trusted_origins,
        SECURE_CONTENT_TYPE_NOSNIFF=True,
        SECURE_REFERRER_POLICY="same-origin",  # "no-referrer" makes browsers send "Origin: null" (CSRF check fails),
        SECURE_CROSS_ORIGIN_OPENER_POLICY="same-origin",
        SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https") if tls_proxy else None,
        SECURE_HSTS_SECONDS=31_536_000 if tls_proxy else 0,
        X_FRAME_OPTIONS="DENY",
        USE_TZ=True,
        TIME_ZONE="UTC",
        DATA_UPLOAD_MAX_MEMORY_SIZE=256 * 1024,
        DATA_UPLOAD_MAX_NUMBER_FIELDS=100,
        TEMPLATES=[{
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [str(TEMPLATES)],
            "APP_DIRS": False,
            "OPTIONS": {"autoescape": True, "context_processors": ["pipeline.review.views.context"]},
        }],
        LOGGING_CONFIG="logging.config.dictConfig",
        LOGGING={
            "version": 1,
            "disable_existing_loggers": False,
            "filters": {"no_detail": {"()": "pipeline.review.app._NoDetail"}},
            "handlers": {"stderr": {"class": "logging.StreamHandler", "filters": ["no_detail"]}},
            "loggers": {
                "django": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
                "django.security": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
            },
        },
    )


def create_app(store_url: str, *, cache_dir: Path, allowed_hosts: tuple[str, ...] = (), tls_proxy: bool = False,
               trusted_origins: tuple[str, ...] = (), page_dpi: int = PAGE_DPI) -> Any:
    """Migrate the store, configure Django (once per process) and return the WSGI application."""
    global _current
    import django
    from django.conf import settings

    ResultStore(store_url).migrate()
    engine = make_engine(store_url)
    from .audit import ensure_head

    ensure_head(engine)
    cache_dir.mkdir(parents=True, exist_ok=True)
    if _current is not None:
        _current.engine.dispose()
    _current = Workbench(engine=engine, store_url=store_url, cache_dir=cache_dir, page_dpi=page_dpi)
    if not settings.configured:
        hosts = ["127.0.0.1", "localhost", "[::1]", *allowed_hosts]
        settings.configure(**django_settings(secret_key=_secret_key(engine), allowed_hosts=hosts,
                                             tls_proxy=tls_proxy, trusted_origins=list(trusted_origins)))
        django.setup()
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


def serve(app: Any, *, host: str, port: int, threads: int = 8, tls_proxy: str | None = None) -> None:
    """Serve with waitress (a production WSGI server, pure Python). `tls_proxy`: the address of the TLS reverse
    proxy whose X-Forwarded-Proto/For headers are trusted (all others are dropped)."""
    from waitress import serve as waitress_serve

    proxy: dict[str, Any] = {}
    if tls_proxy:
        proxy = {"trusted_proxy": tls_proxy, "trusted_proxy_count": 1,
                 "trusted_proxy_headers": {"x-forwarded-proto", "x-forwarded-for"}}
    waitress_serve(app, host=host, port=port, threads=threads, ident="prescreen-review",
                   clear_untrusted_proxy_headers=True, **proxy)
