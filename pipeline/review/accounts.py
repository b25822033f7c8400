"""Local accounts of the workbench: roles, Argon2 password hashes, and sign-in throttling.

Roles: `reviewer` (work the queue: confirm or override criteria, add evidence, approve or escalate),
`physician` (all a reviewer does, and the only role that may record an adverse determination), `admin`
(accounts, the audit trail and the training-data export; no access to cases).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from ..store.models import review_login_failures, review_sessions, review_users
from .audit import Actor, append
from .db import utcnow, write

ROLES = ("reviewer", "physician", "admin")
CASE_ROLES = frozenset({"reviewer", "physician"})
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
MIN_PASSWORD = 12
MAX_PASSWORD = 128
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_CLIENT = 20

_hasher = PasswordHasher()  # argon2id with the library's (RFC 9106 low-memory) parameters
# verified against when the account does not exist, so a wrong name costs as long as a wrong password
_DUMMY_HASH = _hasher.hash("not a password of anyone")


def use_hasher(hasher: PasswordHasher) -> None:
    """Replace the Argon2 parameters (tests use cheap ones; hashes made with other parameters still verify and
    are upgraded at the next sign-in)."""
    global _hasher, _DUMMY_HASH
    _hasher = hasher
    _DUMMY_HASH = hasher.hash("not a password of anyone")


class AccountError(ValueError):
    """A request about accounts that cannot be met (bad name, weak password, unknown user)."""


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    password_hash: str

    @property
    def can_review(self) -> bool:
        return self.role in CASE_ROLES

    @property
    def is_physician(self) -> bool:
        return self.role == "physician"


def check_username(username: str) -> str:
    name = username.strip().lower()
    if not USERNAME.fullmatch(name):
        raise AccountError("a user name is 1-64 characters: lower-case letters, digits, '.', '_' or '-', "
                           "starting with a letter or digit")
    return name


def check_password(password: str, *, username: str) -> None:
    """ASVS 2.1: at least 12 characters, at most 128, any characters, not the user name."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password needs at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"the password may have at most {MAX_PASSWORD} characters")
    if username and username.lower() in password.lower():
        raise AccountError("the password must not contain the user name")


def _user(row: object) -> User:
    return User(id=row.id, username=row.username, display_name=row.display_name, role=row.role,  # type: ignore[attr-defined]
                active=bool(row.active), password_hash=row.password_hash)  # type: ignore[attr-defined]


def add_user(engine: Engine, *, username: str, password: str, role: str, display_name: str | None = None,
             actor: Actor | None = None) -> User:
    """Create an account; AccountError for a taken or malformed name, an unknown role or a weak password."""
    name = check_username(username)
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    check_password(password, username=name)
    now = utcnow()
    with write(engine) as conn:
        if conn.scalar(select(review_users.c.id).where(review_users.c.username == name)) is not None:
            raise AccountError(f"user {name!r} already exists")
        uid = conn.execute(insert(review_users).values(
            username=name, display_name=(display_name or name).strip() or name, role=role,
            password_hash=_hasher.hash(password), active=True, created_at=now, password_changed_at=now)
        ).inserted_primary_key[0]  # type: ignore[index]
        append(conn, actor or Actor(username=None, role="cli"), "user_add", target=name,
               after={"username": name, "role": role, "display_name": display_name or name})
    got = get_user(engine, uid)
    assert got is not None
    return got


def set_password(engine: Engine, *, username: str, password: str, actor: Actor | None = None) -> None:
    """Replace a password; the account's sessions end."""
    name = check_username(username)
    check_password(password, username=name)
    with write(engine) as conn:
        uid = conn.scalar(select(review_users.c.id).where(review_users.c.username == name))
        if uid is None:
            raise AccountError(f"no user {name!r}")
        conn.execute(update(review_users).where(review_users.c.id == uid)
                     .values(password_hash=_hasher.hash(password), password_changed_at=utcnow()))
        conn.execute(delete(review_sessions).where(review_sessions.c.user_id == uid))
        append(conn, actor or Actor(username=None, role="cli"), "user_password", target=name)


def set_active(engine: Engine, *, username: str, active: bool, actor: Actor | None = None) -> None:
    """Disable (ending its sessions) or re-enable an account."""
    name = check_username(username)
    with write(engine) as conn:
        row = conn.execute(select(review_users).where(review_users.c.username == name)).first()
        if row is None:
            raise AccountError(f"no user {name!r}")
        conn.execute(update(review_users).where(review_users.c.id == row.id).values(active=active))
        if not active:
            conn.execute(delete(review_sessions).where(review_sessions.c.user_id == row.id))
        append(conn, actor or Actor(username=None, role="cli"), "user_enable" if active else "user_disable",
               target=name, before={"active": bool(row.active)}, after={"active": active})


def get_user(engine_or_conn: Engine | Connection, user_id: int) -> User | None:
    stmt = select(review_users).where(review_users.c.id == user_id)
    if isinstance(engine_or_conn, Engine):
        with engine_or_conn.connect() as conn:
            row = conn.execute(stmt).first()
    else:
        row = engine_or_conn.execute(stmt).first()
    return _user(row) if row is not None else None


def list_users(engine: Engine) -> list[User]:
    with engine.connect() as conn:
        return [_user(r) for r in conn.execute(select(review_users).order_by(review_users.c.username))]


def user_names(conn: Connection, ids: set[int]) -> dict[int, str]:
    """id -> display name (for showing who did what)."""
    if not ids:
        return {}
    rows = conn.execute(select(review_users.c.id, review_users.c.display_name, review_users.c.username)
                        .where(review_users.c.id.in_(ids)))
    return {r.id: f"{r.display_name} ({r.username})" for r in rows}


def password_fingerprint(user: User) -> str:
    """Changes when the password does: kept in the session, so a password change ends other sessions."""
    import hashlib

    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class SignIn:
    user: User | None
    throttled: bool = False


def authenticate(engine: Engine, *, username: str, password: str, client: str) -> SignIn:
    """Check a sign-in. Throttled (refused even with the right password) after 5 failures for the account or 20
    from the client address in 15 minutes; every failure is recorded and audited, without the password."""
    name = username.strip().lower()[:64]
    now = utcnow()
    since = now - THROTTLE_WINDOW
    client = client[:64]
    with engine.connect() as conn:
        by_user = conn.scalar(select(func.count()).select_from(review_login_failures)
                              .where(review_login_failures.c.username == name, review_login_failures.c.at >= since))
        by_client = conn.scalar(select(func.count()).select_from(review_login_failures)
                                .where(review_login_failures.c.client == client, review_login_failures.c.at >= since))
        row = conn.execute(select(review_users).where(review_users.c.username == name)).first()
    user = _user(row) if row is not None else None
    throttled = (by_user or 0) >= MAX_FAILURES_PER_USER or (by_client or 0) >= MAX_FAILURES_PER_CLIENT
    ok = False
    if not throttled:
        try:
            ok = _hasher.verify(user.password_hash if user else _DUMMY_HASH, password) and user is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
        ok = ok and user is not None and user.active
    actor = Actor(username=name if USERNAME.fullmatch(name) else None, role=user.role if user else None,
                  client=client)
    with write(engine) as conn:
        if ok and user is not None:
            values: dict[str, object] = {"last_login_at": now}
            if _hasher.check_needs_rehash(user.password_hash):
                values["password_hash"] = _hasher.hash(password)
            conn.execute(update(review_users).where(review_users.c.id == user.id).values(**values))
            conn.execute(delete(review_login_failures).where(review_login_failures.c.username == name))
            append(conn, actor, "login")
        else:
            conn.execute(insert(review_login_failures).values(username=name, client=client, at=now))
            conn.execute(delete(review_login_failures).where(review_login_failures.c.at < since))
            append(conn, actor, "login_throttled" if throttled else "login_failed",
                   target=None if actor.username else "(malformed user name)")
    if ok and user is not None:
        return SignIn(get_user(engine, user.id))
    return SignIn(None, throttled=throttled)
