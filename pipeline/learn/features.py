"""Features of a target mention for the learned extractors, read from a processed spaCy Doc.

Assertion features (`assertion_features`): the concept, the section, the words of the context window before and
after the mention within its sentence (with their distance bucket, and as a bag), the ConText cue hits on the
mention (rule id, category, direction and distance bucket), the scope rules that carried a cue to it (section,
list and rule-extension scopes, `via` in the rule metadata), the plan-branch arrow, and whether its sentence is a
list item. Verdict features (`verdict_features`): the words of the mention's sentence and of the sentences that
follow it in the same section, and the target concepts (with their assertion) found there.

Feature names are plain strings (value 1.0); the model's vocabulary is the set of names seen in training.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..nlp.extract import MODIFIER_NAMES, PLAN_BRANCH_RULE, _is_plan_branch

WINDOW = 6
"""Context-window width in tokens on each side of a mention (within its sentence)."""
FOLLOW_ON = 3
"""Sentences after an imaging mention whose words are verdict features."""
ASSERTIONS = ("present", "negated", "possible", "historical", "hypothetical", "family")
"""The assertion labels, strongest first in `rule_assertion`'s precedence: family > hypothetical > negated >
possible > historical > present."""
_PRECEDENCE = ("family", "hypothetical", "negated", "possible", "historical")
_MODIFIER_TO_ASSERTION = {"negated": "negated", "uncertain": "possible", "historical": "historical",
                          "hypothetical": "hypothetical", "family": "family"}
ASSERTION_TO_MODIFIER = {v: k for k, v in _MODIFIER_TO_ASSERTION.items()}
"""An assertion label as the pipeline's modifier name (present has none)."""
_DIGITS = re.compile(r"\d")
_REPORT_HEAD = frozenset({"exam_title", "indication", "technique", "comparison", "findings"})
IMPRESSION_REACH = 600
"""How far (tokens) after a report-head mention its impression may start."""
_LIST_MARKS = frozenset({"-", "*", "•", "·", "o", "+"})


def rule_assertion(modifiers: list[str] | tuple[str, ...] | set[str]) -> str:
    """The one assertion label of a mention's modifiers (product names: negated, uncertain, ...), by precedence."""
    names = {_MODIFIER_TO_ASSERTION.get(m, m) for m in modifiers}
    for label in _PRECEDENCE:
        if label in names:
            return label
    return "present"


def bucket(distance: int) -> str:
    """Distance in tokens as a coarse bucket: 0 (inside), 1, 2-3, 4-6, 7+."""
    if distance <= 0:
        return "0"
    if distance == 1:
        return "1"
    if distance <= 3:
        return "2-3"
    if distance <= 6:
        return "4-6"
    return "7+"


def _word(token: Token) -> str:
    return _DIGITS.sub("0", token.lower_)


def _words(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if not t.is_space]


def modifier_hits(span: Span) -> list[tuple[str, str, str, str, int]]:
    """(rule id, category, scope rule or "", direction pre|post|in, token distance) of each ConText modifier on
    the span."""
    out = []
    for mod in span._.modifiers:
        meta = mod.rule.metadata or {}
        rule_id = str(meta.get("id") or mod.rule.literal)
        m_start, m_end = mod.modifier_span
        if m_end <= span.start:
            direction, distance = "pre", span.start - m_end + 1
        elif m_start >= span.end:
            direction, distance = "post", m_start - span.end + 1
        else:
            direction, distance = "in", 0
        out.append((rule_id, str(mod.category), str(meta.get("via") or ""), direction, distance))
    return out


def assertion_features(span: Span) -> dict[str, float]:
    """The assertion classifier's features of one target span (see the module docstring)."""
    doc = span.doc
    sent = span.sent
    f: dict[str, float] = {"bias": 1.0, f"concept={span.label_.upper()}": 1.0}
    section = span[0]._.section
    f[f"section={section.category if section is not None and section.category else 'none'}"] = 1.0
    before = _words(list(doc[sent.start:span.start]))
    after = _words(list(doc[span.end:sent.end]))
    for distance, tok in enumerate(reversed(before[-WINDOW:]), 1):
        f[f"pre:{bucket(distance)}:{_word(tok)}"] = 1.0
    for distance, tok in enumerate(after[:WINDOW], 1):
        f[f"post:{bucket(distance)}:{_word(tok)}"] = 1.0
    for tok in before:
        f[f"pre_bag:{_word(tok)}"] = 1.0
    for tok in after:
        f[f"post_bag:{_word(tok)}"] = 1.0
    hits = modifier_hits(span)
    for rule_id, category, via, direction, distance in hits:
        name = MODIFIER_NAMES.get(category, category.lower())
        f[f"cue={rule_id}"] = 1.0
        f[f"cue={rule_id}:{direction}:{bucket(distance)}"] = 1.0
        f[f"cat={name}"] = 1.0
        f[f"cat={name}:{direction}:{bucket(distance)}"] = 1.0
        if via:
            f[f"scope={via}"] = 1.0
            f[f"scope_cat={name}"] = 1.0
    if not hits:
        f["no_cue"] = 1.0
    if _is_plan_branch(span):
        f[f"cue={PLAN_BRANCH_RULE}"] = 1.0
        f["cat=hypothetical"] = 1.0
    first = next((t for t in sent if not t.is_space), None)
    if first is not None and (first.text in _LIST_MARKS or (first.is_digit and len(first.text) <= 2)):
        f["list_item"] = 1.0
    return f


def _report_impression(span: Span) -> Span | None:
    """The impression (or addendum) of the report a mention in its title, indication, technique, comparison or
    findings belongs to: the next such section within IMPRESSION_REACH tokens, with no other exam title between."""
    section = span[0]._.section
    if section is None or section.category not in _REPORT_HEAD:
        return None
    doc = span.doc
    for other in doc._.sections:
        start, end = other.section_span
        if start <= span.start:
            continue
        if start - span.end > IMPRESSION_REACH or other.category == "exam_title":
            return None
        if other.category in ("impression", "addendum"):
            return doc[other.title_span[1] if other.title_span[1] < end else start:end]
    return None


def verdict_features(span: Span, targets: list[Span]) -> dict[str, float]:
    """The verdict classifier's features of an imaging-study span: words of its sentence and of up to FOLLOW_ON
    following sentences in its section, of its report's impression when it is in a report's head or findings,
    and the concepts (with assertion) of the targets found there."""
    doc = span.doc
    f: dict[str, float] = {"bias": 1.0, f"concept={span.label_.upper()}": 1.0}
    section = span[0]._.section
    category = section.category if section is not None and section.category else "none"
    f[f"section={category}"] = 1.0
    sent = span.sent
    sentences = [sent]
    nxt = sent.end
    while len(sentences) <= FOLLOW_ON and nxt < len(doc):
        following = doc[nxt].sent
        if following.start < nxt:  # pragma: no cover (a sentence always starts at its first token)
            break
        head = following[0]._.section
        if (head.category if head is not None else None) != (section.category if section is not None else None):
            break
        sentences.append(following)
        nxt = following.end
    for i, s in enumerate(sentences):
        where = "sent" if i == 0 else "next"
        for tok in _words(list(s)):
            f[f"{where}:{_word(tok)}"] = 1.0
    bounds = [(s.start, s.end) for s in sentences]
    impression = _report_impression(span)
    if impression is not None:  # a report's title or technique line: its verdict is in its impression
        f["has_impression"] = 1.0
        for tok in _words(list(impression)):
            f[f"impr:{_word(tok)}"] = 1.0
        bounds.append((impression.start, impression.end))
    for other in targets:
        if other.start == span.start and other.end == span.end:
            continue
        for i, (lo, hi) in enumerate(bounds):
            if lo <= other.start < hi:
                where = "sent" if i == 0 else "impr" if impression is not None and i == len(bounds) - 1 else "next"
                assertion = rule_assertion([MODIFIER_NAMES.get(m.category, "") for m in other._.modifiers])
                f[f"{where}_concept={other.label_.upper()}"] = 1.0
                f[f"{where}_concept={other.label_.upper()}:{assertion}"] = 1.0
                break
    return f
