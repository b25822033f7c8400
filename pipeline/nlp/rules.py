"""Load the rule files (targets, ConText modifiers, sections) into medspaCy rule objects.

Rules are data inside the package (`pipeline/nlp/resources/`); every rule carries a stable id in its
metadata so each match names the rule that made it. Malformed rules fail at load time with the file
and rule id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from typing import Any

import yaml
from medspacy.context import ConTextRule
from medspacy.section_detection import SectionRule
from medspacy.target_matcher import TargetRule
from spacy.tokenizer import Tokenizer
from spacy.tokens import Span

from ..cues import wrap_fit

RESOURCE_PACKAGE = "pipeline.nlp.resources"
TARGETS_FILE = "targets.yaml"
CONTEXT_FILE = "context.yaml"
SECTIONS_FILE = "sections.yaml"

_TARGET_KEYS = {"id", "concept", "attrs", "literals", "patterns", "regex", "case_sensitive", "unless_next",
                "unless_prev", "only_after", "only_after_tokens", "defined_by", "claims"}
_CONTEXT_KEYS = {"id", "category", "direction", "literals", "patterns", "max_scope", "terminated_by",
                 "allowed_types", "excluded_types", "also", "back_scope", "back_types", "back_excluded_types",
                 "needs_after", "needs_before", "needs_in_sentence", "needs_between", "needs_before_target",
                 "needs_in_lines", "quiet", "through_asides", "shares_words"}


# Token extensions a pattern may name under "_" (set in pipeline/nlp/components.py): `opens_sentence`, the first word
# of a sentence past the list markers that open it ("2. Should the lesion grow, ...").
_FLAG_EXTENSIONS = frozenset({"opens_sentence"})


class RuleFileError(ValueError):
    """A rule file that cannot be loaded; the message names the file and the rule id."""


@dataclass(frozen=True)
class TargetRuleInfo:
    """What a target match needs to know about its rule after matching."""

    rule_id: str
    concept: str
    attrs: dict[str, str]
    unless_next: frozenset[str]
    unless_prev: frozenset[str]
    only_after: frozenset[str] = frozenset()  # the match counts only after one of these words in its sentence
    only_after_tokens: int = 0  # ... at most this many tokens before it
    defined_by: tuple[re.Pattern[str], ...] = ()  # the match counts only in a document where one of these matches
    claims: frozenset[str] = frozenset()  # rules (targets or ConText cues) whose matches inside this one are its words


def read_resource(name: str) -> dict[str, Any]:
    text = resources.files(RESOURCE_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise RuleFileError(f"{name}: expected a mapping at the top level")
    return data


def _check_keys(file: str, rule: dict[str, Any], allowed: set[str]) -> str:
    rule_id = rule.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleFileError(f"{file}: a rule has no 'id': {sorted(rule)}")
    unknown = set(rule) - allowed
    if unknown:
        raise RuleFileError(f"{file}: rule {rule_id!r} has unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}")
    return rule_id


def _strings(file: str, rule_id: str, key: str, values: Any) -> list[str]:
    """A rule's list of phrases; YAML turns bare no/yes/on/off into booleans, so anything but str is an error."""
    if values is None:
        return []
    if not isinstance(values, list):
        raise RuleFileError(f"{file}: rule {rule_id!r}: {key} must be a list")
    bad = [v for v in values if not isinstance(v, str)]
    if bad:
        raise RuleFileError(f"{file}: rule {rule_id!r}: {key} must be strings; quote {bad!r} "
                            "(YAML reads bare no/yes/on/off as booleans and numbers as numbers)")
    return values


def _check_pattern(file: str, rule_id: str, pattern: Any) -> list[dict[str, Any]]:
    """A token pattern; booleans are allowed only for flag attributes (IS_*, LIKE_*, SPACY, and the token
    extensions of `_FLAG_EXTENSIONS` under "_")."""
    if not isinstance(pattern, list) or not all(isinstance(t, dict) for t in pattern):
        raise RuleFileError(f"{file}: rule {rule_id!r}: each pattern must be a list of token specs")
    for token in pattern:
        extensions = token.get("_", {})
        if not isinstance(extensions, dict) or set(extensions) - _FLAG_EXTENSIONS:
            raise RuleFileError(f"{file}: rule {rule_id!r}: a token's \"_\" may name only the extensions "
                                f"{sorted(_FLAG_EXTENSIONS)}")

    def walk(value: Any, key: str) -> None:
        if isinstance(value, bool) and not (key.startswith(("IS_", "LIKE_")) or key in {"SPACY", *_FLAG_EXTENSIONS}):
            raise RuleFileError(f"{file}: rule {rule_id!r}: {key} has the boolean {value}; quote the word "
                                "(YAML reads bare no/yes/on/off as booleans)")
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, key if k in {"IN", "NOT_IN", "REGEX", "==", "!="} else str(k))
        elif isinstance(value, list):
            for v in value:
                walk(v, key)

    for token in pattern:
        for k, v in token.items():
            walk(v, str(k))
    return pattern


def _lower_set(values: Iterable[Any] | None) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _positive(rule_id: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise RuleFileError(f"{TARGETS_FILE}: rule {rule_id!r}: only_after_tokens must be a number of tokens")
    return value


def _definitions(rule_id: str, raw: dict[str, Any]) -> tuple[re.Pattern[str], ...]:
    """A rule's `defined_by` patterns (case-insensitive unless the rule is `case_sensitive`)."""
    flags = 0 if raw.get("case_sensitive") else re.IGNORECASE
    try:
        return tuple(re.compile(p, flags) for p in _strings(TARGETS_FILE, rule_id, "defined_by", raw.get("defined_by")))
    except re.error as exc:
        raise RuleFileError(f"{TARGETS_FILE}: rule {rule_id!r}: a defined_by pattern does not compile: {exc}") from exc


def target_rules(data: dict[str, Any] | None = None) -> list[TargetRule]:
    """TargetRules from targets.yaml, each with {'id', 'info'} metadata."""
    data = data if data is not None else read_resource(TARGETS_FILE)
    out: list[TargetRule] = []
    seen: set[str] = set()
    for raw in data.get("rules", []):
        rule_id = _check_keys(TARGETS_FILE, raw, _TARGET_KEYS)
        if rule_id in seen:
            raise RuleFileError(f"{TARGETS_FILE}: duplicate rule id {rule_id!r}")
        seen.add(rule_id)
        concept = raw.get("concept")
        if not isinstance(concept, str) or not concept.isupper():
            raise RuleFileError(f"{TARGETS_FILE}: rule {rule_id!r} needs an upper-case 'concept'")
        info = TargetRuleInfo(
            rule_id=rule_id,
            concept=concept,
            attrs={str(k): str(v) for k, v in (raw.get("attrs") or {}).items()},
            unless_next=_lower_set(_strings(TARGETS_FILE, rule_id, "unless_next", raw.get("unless_next"))),
            unless_prev=_lower_set(_strings(TARGETS_FILE, rule_id, "unless_prev", raw.get("unless_prev"))),
            only_after=_lower_set(_strings(TARGETS_FILE, rule_id, "only_after", raw.get("only_after"))),
            only_after_tokens=_positive(rule_id, raw.get("only_after_tokens", 12 if raw.get("only_after") else 0)),
            defined_by=_definitions(rule_id, raw),
            claims=frozenset(_strings(TARGETS_FILE, rule_id, "claims", raw.get("claims"))),
        )
        meta = {"id": rule_id, "info": info}
        n_before = len(out)
        for literal in _strings(TARGETS_FILE, rule_id, "literals", raw.get("literals")):
            out.append(TargetRule(literal=literal, category=concept, metadata=meta))
        for pattern in raw.get("patterns") or []:
            pattern = _check_pattern(TARGETS_FILE, rule_id, pattern)
            out.append(TargetRule(literal=rule_id, category=concept, pattern=pattern, metadata=meta))
        for regex in raw.get("regex") or []:
            # medspaCy matches regexes case-insensitively; an inline flag group turns that off per rule
            pattern_text = f"(?-i:{regex})" if raw.get("case_sensitive") else str(regex)
            out.append(TargetRule(literal=rule_id, category=concept, pattern=pattern_text, metadata=meta))
        if len(out) == n_before:
            raise RuleFileError(f"{TARGETS_FILE}: rule {rule_id!r} has no literals, patterns or regex")
    return out


def not_inside_target(target: Span, modifier: Span, span_between: Span) -> bool:
    """A cue inside a target never modifies it ("pharynx pink without exudates" as one concept is not negated).

    medspaCy means to skip a modifier that overlaps its target, but its overlap test misses a modifier that lies
    strictly inside a longer target; every rule carries this check as its `on_modifies` callback."""
    return not (target.start <= modifier.start and modifier.end <= target.end)


NEEDS_KINDS = ("needs_after", "needs_before", "needs_in_sentence", "needs_between",  # the text a cue needs
               "needs_before_target", "needs_in_lines")
TARGET_NEEDS = frozenset({"needs_between", "needs_before_target"})  # the checks read only with a target


def needs_window(kind: str, doc_text: str, cue: tuple[int, int], sent: tuple[int, int],
                 target: tuple[int, int] | None = None) -> str | None:
    """The text a `needs_*` check of a cue reads (character offsets of the cue, its sentence and its target):
    `needs_after` the text after the cue in its sentence, `needs_before` the text before it in its sentence,
    `needs_in_sentence` the sentence, `needs_between` the text between the cue and its target, `needs_before_target`
    the text of the target's line before the target, within the cue's sentence (these two None without a target),
    `needs_in_lines` the cue's line with the line before and the line after it (the neighbouring items of a list)."""
    if kind == "needs_after":
        return doc_text[cue[1]:sent[1]]
    if kind == "needs_before":
        return doc_text[sent[0]:cue[0]]
    if kind == "needs_in_sentence":
        return doc_text[sent[0]:sent[1]]
    if kind == "needs_in_lines":
        line_start = doc_text.rfind("\n", 0, cue[0]) + 1
        start = doc_text.rfind("\n", 0, line_start - 1) + 1 if line_start > 1 else 0
        line_end = doc_text.find("\n", cue[1])
        end = len(doc_text) if line_end < 0 else doc_text.find("\n", line_end + 1)
        return doc_text[start:len(doc_text) if end < 0 else end]
    if kind == "needs_between":
        if target is None:
            return None
        lo, hi = (target[1], cue[0]) if target[0] < cue[0] else (cue[1], target[0])
        return doc_text[lo:hi]
    if kind == "needs_before_target":
        if target is None:
            return None
        start = max(sent[0], doc_text.rfind("\n", 0, target[0]) + 1)
        return doc_text[min(start, target[0]):target[0]]
    raise ValueError(f"unknown needs_* check {kind!r}")


def needs_holds(kind: str, pattern: re.Pattern[str], doc_text: str, cue: tuple[int, int], sent: tuple[int, int],
                target: tuple[int, int] | None = None) -> bool:
    """A cue's `needs_*` check: its pattern against the text the check reads (`needs_window`), matched on the text
    with its whitespace runs as one space when the pattern is wrap-proof (`wrap_fit`). `needs_after` must match at
    the start of the text after the cue ("Were" opens a condition only in "Were seizures to recur, ..."),
    `needs_before` be found in the text before it ("requires" states a rule of kinds only after "A glioma", not
    after "Her glioma"), `needs_in_sentence` (and `needs_in_lines`) be found in its sentence (its lines) ("treat it as" is a hypothetical frame only in
    a sentence that states a condition), and `needs_between` match the whole text between the cue and its target (a
    verdict reaches back only to what was tested: "testing for Krabbe disease was normal"), `needs_before_target`
    match the whole text of the target's line before it (a chain's verdict reaches only the diagnosis that opened
    the chain, before its first arrow). A check that cannot be read (without a target) holds."""
    window = needs_window(kind, doc_text, cue, sent, target)
    if window is None:
        return True
    text = wrap_fit(pattern, window)
    if kind == "needs_after":
        return pattern.match(text) is not None
    if kind in TARGET_NEEDS:
        return pattern.fullmatch(text) is not None
    return pattern.search(text) is not None


def _needs_check(kind: str, pattern: re.Pattern[str], target: Span, modifier: Span, span_between: Span) -> bool:
    """A ConText `on_modifies` callback for a cue's `needs_*` check (`needs_holds`, read around the modifier's
    sentence); context_rules runs it after not_inside_target."""
    sent = modifier.sent
    return needs_holds(kind, pattern, modifier.doc.text, (modifier.start_char, modifier.end_char),
                       (sent.start_char, sent.end_char), (target.start_char, target.end_char))


def _all_of(*checks: Any) -> Any:
    def check(target: Span, modifier: Span, span_between: Span) -> bool:
        return all(c(target, modifier, span_between) for c in checks)
    return check


def cue_needs_after(meta: dict[str, Any], doc_text: str, cue_end_char: int, sent_end_char: int,
                    sent_start_char: int | None = None, cue_start_char: int | None = None,
                    target: tuple[int, int] | None = None) -> bool:
    """The cue's `needs_after` pattern (if any) matches the text after it in its sentence, and its
    `needs_in_sentence` pattern (if any, and the sentence start is given) is found in its sentence, and its
    `needs_before` pattern (if any, and the cue start is given) is found in the text before it, and its
    `needs_between` pattern (if any, and the cue start and a target's offsets are given) matches the whole text
    between them: each check is `needs_holds`, the one the ConText callbacks run."""
    cue = (cue_start_char if cue_start_char is not None else cue_end_char, cue_end_char)
    sent = (sent_start_char if sent_start_char is not None else cue_end_char, sent_end_char)
    for kind in NEEDS_KINDS:
        pattern = meta.get(kind)
        if pattern is None or (kind != "needs_after" and sent_start_char is None) \
                or ((kind == "needs_before" or kind in TARGET_NEEDS) and cue_start_char is None) \
                or (kind in TARGET_NEEDS and target is None):
            continue
        if not needs_holds(kind, pattern, doc_text, cue, sent, target):
            return False
    return True


def _context_metadata(rule_id: str, raw: dict[str, Any]) -> dict[str, Any]:
    """A ConText rule's metadata: its id, and the extensions scopes.py reads (also, back_scope, back_types)."""
    meta: dict[str, Any] = {"id": rule_id}
    if raw.get("also"):
        meta["also"] = _strings(CONTEXT_FILE, rule_id, "also", raw["also"])
    if raw.get("back_scope") is not None:
        back = raw["back_scope"]
        if not isinstance(back, int) or isinstance(back, bool) or back < 1:
            raise RuleFileError(f"{CONTEXT_FILE}: rule {rule_id!r}: back_scope must be a positive number of tokens")
        types = _strings(CONTEXT_FILE, rule_id, "back_types", raw.get("back_types"))
        excluded = _strings(CONTEXT_FILE, rule_id, "back_excluded_types", raw.get("back_excluded_types"))
        if bool(types) == bool(excluded):
            raise RuleFileError(f"{CONTEXT_FILE}: rule {rule_id!r}: back_scope needs back_types or "
                                "back_excluded_types (one of them)")
        meta["back_scope"] = back
        meta["back_types" if types else "back_excluded_types"] = frozenset(types or excluded)
    for flag in ("quiet", "through_asides", "shares_words"):
        if raw.get(flag) is not None:
            if not isinstance(raw[flag], bool):
                raise RuleFileError(f"{CONTEXT_FILE}: rule {rule_id!r}: {flag} must be true or false")
            meta[flag] = raw[flag]
    for key in NEEDS_KINDS:
        if raw.get(key) is not None:
            try:
                meta[key] = re.compile(str(raw[key]), re.IGNORECASE)
            except re.error as exc:
                raise RuleFileError(f"{CONTEXT_FILE}: rule {rule_id!r}: {key} does not compile: {exc}") from exc
    return meta


def context_rules(data: dict[str, Any] | None = None) -> list[ConTextRule]:
    """ConTextRules from context.yaml, each with {'id'} metadata."""
    data = data if data is not None else read_resource(CONTEXT_FILE)
    out: list[ConTextRule] = []
    for raw in data.get("rules", []):
        rule_id = _check_keys(CONTEXT_FILE, raw, _CONTEXT_KEYS)
        metadata = _context_metadata(rule_id, raw)
        checks: list[Any] = [not_inside_target]
        checks += [partial(_needs_check, kind, metadata[kind]) for kind in NEEDS_KINDS if metadata.get(kind) is not None]
        common: dict[str, Any] = {
            "category": raw["category"],
            "direction": raw.get("direction", "BIDIRECTIONAL"),
            "max_scope": raw.get("max_scope"),
            "terminated_by": set(raw["terminated_by"]) if raw.get("terminated_by") else None,
            "allowed_types": set(raw["allowed_types"]) if raw.get("allowed_types") else None,
            "excluded_types": set(raw["excluded_types"]) if raw.get("excluded_types") else None,
            "metadata": metadata,
            "on_modifies": checks[0] if len(checks) == 1 else _all_of(*checks),
        }
        literals = _strings(CONTEXT_FILE, rule_id, "literals", raw.get("literals"))
        patterns = raw.get("patterns") or []
        if not literals and not patterns:
            raise RuleFileError(f"{CONTEXT_FILE}: rule {rule_id!r} has no literals or patterns")
        try:
            for literal in literals:
                out.append(ConTextRule(literal=str(literal), **common))
            for pattern in patterns:
                out.append(ConTextRule(literal=rule_id, pattern=_check_pattern(CONTEXT_FILE, rule_id, pattern),
                                       **common))
        except ValueError as exc:  # medspaCy validates direction/category combinations
            raise RuleFileError(f"{CONTEXT_FILE}: rule {rule_id!r}: {exc}") from exc
    return out


@dataclass(frozen=True)
class AsideSpec:
    """What a parenthetical or bracketed aside is (context.yaml `asides`): an opening mark and its closing mark
    (`pairs`) in one sentence and line, at most `max_tokens` tokens between them, no other opening mark inside, and
    no target inside but of `pass_types` (a grade, a size, a site, a marker, a date: "meningioma (WHO grade I, 2 cm)").
    A cue whose rule is `through_asides` does not count such an aside's tokens in its `max_scope`."""

    closers: dict[str, str]
    max_tokens: int
    pass_types: frozenset[str]


def aside_spec(data: dict[str, Any] | None = None) -> AsideSpec | None:
    """The `asides` of context.yaml, or None when the file defines none."""
    data = data if data is not None else read_resource(CONTEXT_FILE)
    raw = data.get("asides")
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) - {"pairs", "max_tokens", "pass_types"}:
        raise RuleFileError(f"{CONTEXT_FILE}: asides must be a mapping of pairs, max_tokens and pass_types")
    pairs = _strings(CONTEXT_FILE, "asides", "pairs", raw.get("pairs"))
    max_tokens = raw.get("max_tokens")
    if not pairs or any(len(p) != 2 for p in pairs) or not isinstance(max_tokens, int) \
            or isinstance(max_tokens, bool) or max_tokens < 1:
        raise RuleFileError(f"{CONTEXT_FILE}: asides needs pairs (an opening and a closing mark each: \"()\") and a "
                            "positive max_tokens")
    return AsideSpec(closers={p[0]: p[1] for p in pairs}, max_tokens=max_tokens,
                     pass_types=frozenset(_strings(CONTEXT_FILE, "asides", "pass_types", raw.get("pass_types"))))


def section_assertion_rules(data: dict[str, Any] | None = None) -> list[ConTextRule]:
    """The `section_assertions` of context.yaml: everything under these section categories carries the category
    (metadata: id, sections)."""
    data = data if data is not None else read_resource(CONTEXT_FILE)
    out: list[ConTextRule] = []
    for raw in data.get("section_assertions") or []:
        rule_id = _check_keys(CONTEXT_FILE, raw, {"id", "category", "sections", "allowed_types", "excluded_types"})
        sections = _strings(CONTEXT_FILE, rule_id, "sections", raw.get("sections"))
        if not sections:
            raise RuleFileError(f"{CONTEXT_FILE}: section assertion {rule_id!r} names no sections")
        try:
            out.append(ConTextRule(
                literal=rule_id, category=raw["category"], direction="FORWARD",
                allowed_types=set(raw["allowed_types"]) if raw.get("allowed_types") else None,
                excluded_types=set(raw["excluded_types"]) if raw.get("excluded_types") else None,
                metadata={"id": rule_id, "sections": sections}))
        except (KeyError, ValueError) as exc:
            raise RuleFileError(f"{CONTEXT_FILE}: section assertion {rule_id!r}: {exc}") from exc
    return out


_SCOPE_KEYS = {"id", "asker", "named_before", "blockers", "max_between", "result", "tests",
               "categories", "max_lines", "max_header_words", "max_unmarked_words", "heads", "links", "types",
               "max_gap", "stops", "max_tokens", "releases", "pass_types", "patterns", "verbs",
               "active", "back_rules", "back_skip", "back_bounds", "back_stops", "coded_rules", "coded_marks", "coded_stops",
               "coded_types", "coded_closers", "reopened_by", "hedges", "verdicts", "back_hedges", "withdrawals", "references",
               "reference_reach", "reference_after", "rules", "remote", "same_history", "reopened_in_sentence",
               "reopened_near", "unless", "reopened_about_tumor", "qualifiers", "care_ended", "words", "separators",
               "min_items", "max_item_words", "openers", "pass_negated_rules", "coordinators", "subjects",
               "determiners", "auxiliaries", "stop_categories", "hedge_marks", "resolutions",
               "resolution_unless_after", "status_words", "status_end", "later_types", "excluded_rules",
               "same_findings", "generic", "family", "consequence", "main_clause", "modals", "asserts", "opening", "purpose",
               "max_chars", "test", "imaging", "name", "after_opening", "tail", "verdict", "genetic_verdict",
               "after_verdict", "explanations", "closing_words", "explanation_unless", "pronouns",
               "max_sentences", "title_rules", "owners", "status", "listed", "item", "heading", "unless_after",
               "taken_up_id", "lead", "denials", "taken_up", "clause_end", "denial_unless", "between", "before", "after",
               "children", "writes_about", "patient_aside", "named_child", "signed", "patient_field", "owner",
               "max_items", "before_words", "before_unless", "before_left_open", "decided", "vague_rules",
               "read_types", "open_types", "subject_types", "reads", "subject_words", "subject_phrases", "hedged", "gap", "keeps",
               "dismissals", "dismissal_unless", "dismissal_skip_rules", "groups", "persons", "bare_answer", "answered",
               "inline_marks", "inline_ends", "inline_last_ends", "turn_marks", "raised_before",
               "raised_after", "co_item"}


def scope_rules(data: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """The `scopes` of context.yaml (scopes wider than a sentence, by name), each with a stable id."""
    data = data if data is not None else read_resource(CONTEXT_FILE)
    out: dict[str, dict[str, Any]] = {}
    for name, raw in (data.get("scopes") or {}).items():
        if not isinstance(raw, dict):
            raise RuleFileError(f"{CONTEXT_FILE}: scope {name!r} must be a mapping")
        _check_keys(CONTEXT_FILE, raw, _SCOPE_KEYS)
        out[str(name)] = raw
    return out


def section_rules(tokenizer: Tokenizer, data: dict[str, Any] | None = None) -> list[SectionRule]:
    """SectionRules from sections.yaml.

    Each header phrase becomes three token patterns: any case followed by a colon ("Findings:") or by a dash that
    stands apart ("Exam - normal"; not a hyphen joined to a word, "Neuro-oncology"), and any case alone on its
    line ("IMPRESSION", "Exam"). Both must start a line (the sectionizer's require_start_line). A section with
    `qualified` also takes each phrase with its qualifier words before and between its words and a tail of ids,
    dates, parentheticals and tail words after it ("HIM final coding summary - acct 7712", "CDI follow-up query
    #55 (multiple choice)"), in the same three forms (`_qualified_forms`).
    """
    data = data if data is not None else read_resource(SECTIONS_FILE)
    out: list[SectionRule] = []
    for raw in data.get("sections", []):
        rule_id = _check_keys(SECTIONS_FILE, raw, {"id", "category", "headers", "patterns", "qualified"})
        meta = {"id": rule_id}
        for pattern in raw.get("patterns") or []:
            out.append(SectionRule(literal=rule_id, category=raw["category"],
                                   pattern=_check_pattern(SECTIONS_FILE, rule_id, pattern), metadata=meta))
        qualified = _qualifier_specs(rule_id, raw.get("qualified"))
        for header in _strings(SECTIONS_FILE, rule_id, "headers", raw.get("headers")):
            tokens = [t.text for t in tokenizer(str(header)) if not t.is_space]
            if qualified is not None:
                for pattern in _qualified_forms(tokens, *qualified):
                    out.append(SectionRule(literal=str(header), category=raw["category"], pattern=pattern,
                                           metadata=meta))
            # a colon, or a dash that stands apart ("Neuro - alert"): a hyphen joined to the next word
            # ("Neuro-oncology", "Neuro-" / "Radiology") makes a longer word, no header
            colon_form = [{"LOWER": t.lower()} for t in tokens] + [{"ORTH": ":"}]
            dash_form = [{"LOWER": t.lower()} for t in tokens] + [{"ORTH": "-", "SPACY": True}]
            alone_form = [{"LOWER": t.lower()} for t in tokens] + [{"ORTH": "*", "OP": "?"},
                                                                  {"IS_SPACE": True, "TEXT": {"REGEX": "\n"}}]
            for pattern in (colon_form, dash_form, alone_form):
                out.append(SectionRule(literal=str(header), category=raw["category"], pattern=pattern, metadata=meta))
    return out


def _qualifier_specs(rule_id: str, raw: Any) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The token specs of a section's `qualified` (sections.yaml): a qualifier word (`words`), and a tail token (a
    `tail_words` word or a token matching `tail_tokens`)."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) != {"words", "tail_words", "tail_tokens"}:
        raise RuleFileError(f"{SECTIONS_FILE}: rule {rule_id!r}: qualified needs exactly words, tail_words and "
                            "tail_tokens")
    words = [w.lower() for w in _strings(SECTIONS_FILE, rule_id, "qualified.words", raw["words"])]
    tail_words = _strings(SECTIONS_FILE, rule_id, "qualified.tail_words", raw["tail_words"])
    tail_tokens = raw["tail_tokens"]
    if not isinstance(tail_tokens, str):
        raise RuleFileError(f"{SECTIONS_FILE}: rule {rule_id!r}: qualified.tail_tokens must be a regex string")
    tail = "(?i)^(?:" + "|".join(re.escape(w) for w in tail_words) + "|" + tail_tokens + ")$"
    try:
        re.compile(tail)
    except re.error as err:
        raise RuleFileError(f"{SECTIONS_FILE}: rule {rule_id!r}: qualified tail: {err}") from err
    return {"LOWER": {"IN": words}}, {"TEXT": {"REGEX": tail}}


def _qualified_forms(tokens: list[str], word: dict[str, Any], tail: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """A header phrase with up to four qualifier tokens before it and up to three between its words ("follow-up" is
    three tokens), then any tail tokens, closed by a colon, a dash that stands apart or the end of its line."""
    core: list[dict[str, Any]] = [{**word, "OP": "{0,4}"}]
    for i, t in enumerate(tokens):
        if i:
            core.append({**word, "OP": "{0,3}"})
        core.append({"LOWER": t.lower()})
    core.append({**tail, "OP": "*"})
    return [core + [{"ORTH": ":"}], core + [{"ORTH": "-", "SPACY": True}],
            core + [{"IS_SPACE": True, "TEXT": {"REGEX": "\n"}}]]


@dataclass(frozen=True)
class ReheadRule:
    """A header that starts `category` (and cites `id`) where the section before it is of a rule in `after` and a
    section of a category in `before` follows it with only `through` sections between (sections.yaml `reheaded`)."""

    id: str
    category: str
    headers: frozenset[str]
    after: frozenset[str]
    through: frozenset[str]
    before: frozenset[str]


def rehead_rules(data: dict[str, Any] | None = None) -> list[ReheadRule]:
    """ReheadRules from sections.yaml `reheaded`: headers matched in lower case without their colon or dash."""
    data = data if data is not None else read_resource(SECTIONS_FILE)
    out: list[ReheadRule] = []
    for raw in data.get("reheaded") or []:
        rule_id = _check_keys(SECTIONS_FILE, raw, {"id", "category", "headers", "after", "through", "before"})
        if not isinstance(raw.get("category"), str):
            raise RuleFileError(f"{SECTIONS_FILE}: rule {rule_id!r}: category must be a string")

        def words(key: str, rule_id: str = rule_id, raw: dict[str, Any] = raw) -> frozenset[str]:
            return frozenset(" ".join(v.lower().split()) for v in _strings(SECTIONS_FILE, rule_id, key, raw.get(key)))

        out.append(ReheadRule(id=rule_id, category=raw["category"], headers=words("headers"), after=words("after"),
                              through=words("through"), before=words("before")))
    return out


@cache
def rule_file_digest() -> str:
    """A short hash of the three rule files, recorded with the pipeline version."""
    import hashlib

    h = hashlib.sha256()
    for name in (TARGETS_FILE, CONTEXT_FILE, SECTIONS_FILE):
        h.update(resources.files(RESOURCE_PACKAGE).joinpath(name).read_bytes())
    return h.hexdigest()[:12]
