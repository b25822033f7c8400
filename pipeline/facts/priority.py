"""The review priority a request form asks for (expedited or standard), by the rules in resources/priority.yaml.

    find_priority("Priority: Expedited (inpatient)")   # -> PriorityFinding(priority=EXPEDITED, matches=[...])

The rules are matched line by line on the lines a caller puts in scope (the derivation `request_priority`
passes the request form: the first page and the request sections). The decision windows (72 h / 7 days) are
in the same file, so the clock and the extraction cite one source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from functools import cache
from importlib import resources

import yaml

_LINE = re.compile(r"[^\n\f]+")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
MAX_LINE_CHARS = 300
"""Longer lines are running text, not form fields (also bounds the regex work)."""


class Priority(StrEnum):
    EXPEDITED = "expedited"
    STANDARD = "standard"


class PriorityRulesError(ValueError):
    """priority.yaml is malformed; the message names the rule."""


@dataclass(frozen=True)
class PriorityRule:
    id: str
    priority: Priority
    pattern: re.Pattern[str]
    description: str


@dataclass(frozen=True)
class PriorityRules:
    rules: tuple[PriorityRule, ...]
    windows: dict[Priority, timedelta]


@dataclass(frozen=True)
class PriorityMatch:
    """One rule matching one span of the text (offsets in the text the rules were run on)."""

    rule_id: str
    priority: Priority
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PriorityFinding:
    """What the form says: the priority (None when no rule matched), every match, and whether it contradicts
    itself (rules of both priorities matched; the expedited one wins)."""

    priority: Priority | None
    matches: list[PriorityMatch] = field(default_factory=list)

    @property
    def conflicting(self) -> bool:
        return len({m.priority for m in self.matches}) > 1


def _expand(pattern: str, lexicon: dict[str, str], rule_id: str) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in lexicon:
            raise PriorityRulesError(f"priority.yaml: rule {rule_id!r} uses unknown lexicon entry {{{name}}}")
        return lexicon[name]

    return _PLACEHOLDER.sub(sub, pattern)


@cache
def load_priority_rules() -> PriorityRules:
    """The packaged rules and decision windows, validated (unique ids, known priorities, patterns compile)."""
    text = resources.files("pipeline.facts.resources").joinpath("priority.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    lexicon = {str(k): str(v) for k, v in (raw.get("lexicon") or {}).items()}
    rules: list[PriorityRule] = []
    for item in raw.get("rules") or []:
        rule_id = str(item.get("id") or "")
        if not rule_id or any(r.id == rule_id for r in rules):
            raise PriorityRulesError(f"priority.yaml: missing or duplicate rule id {rule_id!r}")
        try:
            priority = Priority(item.get("priority"))
            flags = 0 if item.get("case_sensitive") else re.IGNORECASE
            pattern = re.compile(_expand(str(item["pattern"]), lexicon, rule_id), flags)
        except (ValueError, KeyError, re.error) as exc:
            raise PriorityRulesError(f"priority.yaml: rule {rule_id!r}: {exc}") from exc
        rules.append(PriorityRule(rule_id, priority, pattern, str(item.get("description", ""))))
    try:
        windows = {Priority(k): timedelta(hours=float(v)) for k, v in (raw.get("windows_hours") or {}).items()}
    except ValueError as exc:
        raise PriorityRulesError(f"priority.yaml: windows_hours: {exc}") from exc
    if set(windows) != set(Priority):
        raise PriorityRulesError("priority.yaml: windows_hours needs exactly expedited and standard")
    return PriorityRules(tuple(rules), windows)


def find_priority(text: str, *, in_scope: Callable[[int], bool] | None = None) -> PriorityFinding:
    """Every rule match on the lines of `text` whose first character is in scope (default: every line)."""
    matches: list[PriorityMatch] = []
    rules = load_priority_rules().rules
    for line in _LINE.finditer(text):
        if len(line.group()) > MAX_LINE_CHARS or (in_scope is not None and not in_scope(line.start())):
            continue
        for rule in rules:
            for m in rule.pattern.finditer(line.group()):
                raw = m.group()
                start = line.start() + m.start() + (len(raw) - len(raw.lstrip()))
                end = line.start() + m.end() - (len(raw) - len(raw.rstrip()))
                if end <= start:
                    continue
                matches.append(PriorityMatch(rule.id, rule.priority, start, end, text[start:end]))
    matches.sort(key=lambda m: (m.start, m.end, m.rule_id))
    found = {m.priority for m in matches}
    priority = Priority.EXPEDITED if Priority.EXPEDITED in found else Priority.STANDARD if found else None
    return PriorityFinding(priority, matches)
