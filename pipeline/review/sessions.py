"""Django session backend on the store's `review_sessions` table (SQLAlchemy; Alembic owns the schema).

The cookie holds only a random key; the data (signed by Django) stays on the server, so signing out, a
password change or disabling an account ends a session at once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.contrib.sessions.backends.base import CreateError, SessionBase
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from ..store.models import review_sessions
from .app import current


class SessionStore(SessionBase):
    def _engine(self) -> Any:
        return current().engine

    def load(self) -> dict[str, Any]:
        now = datetime.now(UTC)
        with self._engine().connect() as conn:
            data = conn.scalar(select(review_sessions.c.data).where(
                review_sessions.c.session_key == self.session_key, review_sessions.c.expire_at > now))
        if data is None:
            self._session_key = None
            return {}
        return self.decode(data)

    def exists(self, session_key: str | None) -> bool:
        with self._engine().connect() as conn:
            return conn.scalar(select(review_sessions.c.session_key)
                               .where(review_sessions.c.session_key == session_key)) is not None

    def create(self) -> None:
        while True:
            self._session_key = self._get_new_session_key()
            try:
                self.save(must_create=True)
            except CreateError:
                continue
            self.modified = True
            return

    def save(self, must_create: bool = False) -> None:
        if self.session_key is None:
            return self.create()
        session = self._get_session(no_load=must_create)
        values = {"data": self.encode(session), "expire_at": self.get_expiry_date(),
                  "user_id": session.get("uid")}
        with self._engine().begin() as conn:
            if must_create:
                try:
                    conn.execute(insert(review_sessions).values(session_key=self._get_or_create_session_key(),
                                                                **values))
                except IntegrityError:
                    raise CreateError from None
                return None
            done = conn.execute(update(review_sessions)
                                .where(review_sessions.c.session_key == self.session_key).values(**values))
            if done.rowcount == 0:
                conn.execute(insert(review_sessions).values(session_key=self.session_key, **values))
        return None

    def delete(self, session_key: str | None = None) -> None:
        key = session_key or self.session_key
        if key is None:
            return
        with self._engine().begin() as conn:
            conn.execute(delete(review_sessions).where(review_sessions.c.session_key == key))

    @classmethod
    def clear_expired(cls) -> None:
        with current().engine.begin() as conn:
            conn.execute(delete(review_sessions).where(review_sessions.c.expire_at <= datetime.now(UTC)))
