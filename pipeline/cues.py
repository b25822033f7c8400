"""Cue files: the phrase lists, patterns, concept sets and value sets that clinical rules are made of.

A cue file is YAML data inside a package (e.g. `pipeline/facts/resources/cues.yaml`); its header comment
documents the format. Every entry has a stable `id` that code asks for by name and that evidence cites, so a
decision names the cue that made it. A file is read once, validated completely (unknown keys, duplicate ids,
patterns that do not compile, values YAML did not read as text, concepts the target vocabulary does not know)
and fails at load time with the file and the entry id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
POSITIONS = ("anywhere", "start", "first_word", "whole")
_CUE_KEYS = {"id", "description", "words", "patterns", "position"}
_SET_KEYS = {"id", "description", "concepts", "members"}
_MEMBER_KEYS = {"concept", "where", "label"}
_VALUE_KEYS = {"id", "description", "values"}
_SECTIONS = {"cues", "concept_sets", "value_sets"}


class CueFileError(ValueError):
    """A cue file that cannot be loaded; the message names the file and the entry id."""


@dataclass(frozen=True)
class CueHit:
    """Where a cue matched: the cue's id and the matched span (offsets in the text searched)."""

    cue_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Cue:
    """A named phrase list and/or pattern list, compiled into one case-insensitive regular expression.

    `position` says where in the text searched a match counts: anywhere, at the very start, as the first word
    (after any spaces and punctuation) or as the whole text. `spaced` is decided once, when the cue is built
    (`spaced_match`): the cue is matched on the text with its whitespace runs as one space.
    """

    id: str
    description: str
    position: str
    regex: re.Pattern[str]
    spaced: bool = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "spaced", spaced_match(self.regex, self.position))

    def search(self, text: str) -> CueHit | None:
        if self.spaced:
            spaced, offsets = one_spaced_with_offsets(text)
            hit = self.regex.search(spaced)
            if hit is None:
                return None
            start, end = offsets[hit.start()], offsets[hit.end()]
            return CueHit(cue_id=self.id, start=start, end=end, text=text[start:end])
        m = self.regex.search(text)
        if m is None:
            return None
        return CueHit(cue_id=self.id, start=m.start(), end=m.end(), text=m.group(0))

    def matches(self, text: str) -> bool:
        return self.regex.search(spaced_text(text, self.spaced)) is not None


@dataclass(frozen=True)
class ConceptMember:
    """A target concept in a set, optionally only with given rule attributes, optionally with a label."""

    concept: str
    where: tuple[tuple[str, frozenset[str]], ...] = ()
    label: str | None = None

    def accepts(self, concept: str, attrs: Mapping[str, str]) -> bool:
        return concept == self.concept and all(attrs.get(k) in v for k, v in self.where)


@dataclass(frozen=True)
class ConceptSet:
    """A named group of target concepts (e.g. the neoplasm concepts), in file order."""

    id: str
    description: str
    members: tuple[ConceptMember, ...]

    @property
    def concepts(self) -> tuple[str, ...]:
        """The distinct concepts, in file order (what `FactContext.mentions(*...)` takes)."""
        return tuple(dict.fromkeys(m.concept for m in self.members))

    def member_for(self, concept: str, attrs: Mapping[str, str]) -> ConceptMember | None:
        """The first member that accepts a mention of `concept` with `attrs`."""
        return next((m for m in self.members if m.accepts(concept, attrs)), None)

    def __contains__(self, concept: object) -> bool:
        return any(m.concept == concept for m in self.members)


@dataclass(frozen=True)
class ValueSet:
    """A named set of values (procedure codes, modality names, section categories)."""

    id: str
    description: str
    values: frozenset[str]

    def __contains__(self, value: object) -> bool:
        return value in self.values


@dataclass(frozen=True)
class CueBook:
    """Everything one cue file defines, looked up by id (an unknown id is an error, not a silent miss)."""

    file: str
    cues: Mapping[str, Cue]
    concept_sets: Mapping[str, ConceptSet]
    value_sets: Mapping[str, ValueSet]

    def cue(self, cue_id: str) -> Cue:
        return self._get(self.cues, cue_id, "cue")

    def concept_set(self, set_id: str) -> ConceptSet:
        return self._get(self.concept_sets, set_id, "concept set")

    def value_set(self, set_id: str) -> ValueSet:
        return self._get(self.value_sets, set_id, "value set")

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(self.cues) | frozenset(self.concept_sets) | frozenset(self.value_sets)

    def _get(self, table: Mapping[str, Any], key: str, what: str) -> Any:
        try:
            return table[key]
        except KeyError:
            raise CueFileError(f"{self.file}: no {what} with id {key!r}") from None


# ------------------------------------------------------------------------------------------- line wraps
_SPACE_RUN = re.compile(r"\s{2,}|[^\S ]")
_SPACED_LOOKBEHIND = re.compile(r"\(\?<[!=](?:[^()\\\[]|\\.|\[(?:[^\]\\]|\\.)*\])*?(?:\\s| )")
_LINE_BOUND = re.compile(r"\\[nrt]|\[[^\]]*\\[nt]|\(\?[a-zA-Z]*m[a-zA-Z]*[):]|[\n\r\t]")


@cache
def wrap_proof(pattern: str) -> bool:
    """A pattern that guards a word with a fixed-width lookbehind holding whitespace ("(?<!\\bnot\\s)resulted") and
    is tied to no line break (no `\\n`, `\\t`, multi-line `^`/`$`): a note's line wrap or a double space ("not
    yet\\n   resulted") would put more whitespace before the word than the lookbehind sees, so such a pattern is
    matched on the text with its whitespace runs as one space (`one_spaced`; tests/facts/test_cue_line_wrap_facts.py)."""
    return _SPACED_LOOKBEHIND.search(pattern) is not None and _LINE_BOUND.search(pattern) is None


def one_spaced(text: str) -> str:
    """The text with each run of whitespace (a line break and its indentation, a double space) as one space."""
    return _SPACE_RUN.sub(" ", text)


def one_spaced_with_offsets(text: str) -> tuple[str, list[int]]:
    """`one_spaced(text)` and, for each of its offsets (and its end), the offset in `text`: a match from a to b
    in the spaced text is text[offsets[a]:offsets[b]] (a run matched is the whole run)."""
    parts: list[str] = []
    offsets: list[int] = []
    last = 0
    for run in _SPACE_RUN.finditer(text):
        parts.append(text[last:run.start()])
        offsets.extend(range(last, run.start()))
        parts.append(" ")
        offsets.append(run.start())
        last = run.end()
    parts.append(text[last:])
    offsets.extend(range(last, len(text) + 1))
    return "".join(parts), offsets


def spaced_match(regex: re.Pattern[str], position: str = "anywhere") -> bool:
    """Whether `regex` is matched on the text with its whitespace runs as one space: the one place this is decided,
    for a cue when it is built (`Cue.spaced`) and for a bare pattern (`wrap_fit`). A `wrap_proof` pattern is; a cue
    tied to the start of the text (`position` other than anywhere) keeps the text as it is."""
    return position == "anywhere" and wrap_proof(regex.pattern)


def spaced_text(text: str, spaced: bool) -> str:
    """The text a pattern is matched on, given its `spaced` flag: one-spaced, or the text as it is."""
    return one_spaced(text) if spaced else text


def wrap_fit(regex: re.Pattern[str], text: str) -> str:
    """The text to match `regex` on: one-spaced when the pattern is `wrap_proof` (`spaced_match`; a yes/no match
    only, as its offsets are those of the spaced text)."""
    return spaced_text(text, spaced_match(regex))


# ------------------------------------------------------------------------------------------- compiling
def phrase_regex(phrase: str) -> str:
    """A phrase as a regex: spaces match any whitespace, a trailing `*` any word ending, and a word boundary
    is required at each end that is a word character ("s/p" and "->" work as written)."""
    stem = phrase.endswith("*")
    body = phrase[:-1] if stem else phrase
    words = [re.escape(w) for w in body.split()]
    out = r"\s+".join(words) + (r"\w*" if stem else "")
    if body[:1].isalnum() or body[:1] == "_":
        out = r"\b" + out
    if stem or body[-1:].isalnum() or body[-1:] == "_":
        out = out + r"\b"
    return out


def compile_cue(file: str, cue_id: str, words: list[str], patterns: list[str], position: str) -> re.Pattern[str]:
    alternatives = [phrase_regex(w) for w in words] + [f"(?:{p})" for p in patterns]
    body = "|".join(alternatives)
    prefix = {"anywhere": "", "start": "^", "first_word": r"^\W*", "whole": r"^\s*"}[position]
    suffix = r"\s*$" if position == "whole" else ""
    try:
        return re.compile(f"{prefix}(?:{body}){suffix}", re.IGNORECASE)
    except re.error as exc:
        raise CueFileError(f"{file}: cue {cue_id!r}: a pattern does not compile: {exc}") from exc


# ------------------------------------------------------------------------------------------- loading
def _strings(file: str, entry_id: str, key: str, values: Any) -> list[str]:
    if values is None:
        return []
    if not isinstance(values, list):
        raise CueFileError(f"{file}: {entry_id!r}: {key} must be a list")
    bad = [v for v in values if not isinstance(v, str) or not v.strip()]
    if bad:
        raise CueFileError(f"{file}: {entry_id!r}: {key} must be non-empty strings; quote {bad!r} "
                           "(YAML reads bare no/yes/on/off as booleans and digits as numbers)")
    return values


def _entry_id(file: str, raw: Any, allowed: set[str], seen: set[str]) -> str:
    if not isinstance(raw, dict):
        raise CueFileError(f"{file}: every entry must be a mapping, got {type(raw).__name__}")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        raise CueFileError(f"{file}: an entry has no valid 'id' (dotted lower-case, e.g. lab.pending): {entry_id!r}")
    unknown = set(raw) - allowed
    if unknown:
        raise CueFileError(f"{file}: {entry_id!r} has unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}")
    if entry_id in seen:
        raise CueFileError(f"{file}: duplicate id {entry_id!r}")
    seen.add(entry_id)
    return entry_id


def _cue(file: str, raw: dict[str, Any], seen: set[str]) -> Cue:
    cue_id = _entry_id(file, raw, _CUE_KEYS, seen)
    words = _strings(file, cue_id, "words", raw.get("words"))
    patterns = _strings(file, cue_id, "patterns", raw.get("patterns"))
    if not words and not patterns:
        raise CueFileError(f"{file}: cue {cue_id!r} has no words or patterns")
    position = raw.get("position", "anywhere")
    if position not in POSITIONS:
        raise CueFileError(f"{file}: cue {cue_id!r}: position must be one of {', '.join(POSITIONS)}")
    return Cue(id=cue_id, description=str(raw.get("description", "")), position=position,
               regex=compile_cue(file, cue_id, words, patterns, position))


def _concept(file: str, set_id: str, value: Any, known: frozenset[str] | None) -> str:
    if not isinstance(value, str) or not value.isupper():
        raise CueFileError(f"{file}: concept set {set_id!r}: {value!r} is not an upper-case concept name")
    if known is not None and value not in known:
        raise CueFileError(f"{file}: concept set {set_id!r}: unknown concept {value!r} (not in the target rules)")
    return value


def _concept_set(file: str, raw: dict[str, Any], seen: set[str], known: frozenset[str] | None) -> ConceptSet:
    set_id = _entry_id(file, raw, _SET_KEYS, seen)
    members: list[ConceptMember] = []
    for c in raw.get("concepts") or []:
        members.append(ConceptMember(concept=_concept(file, set_id, c, known)))
    for item in raw.get("members") or []:
        if not isinstance(item, dict) or set(item) - _MEMBER_KEYS or "concept" not in item:
            raise CueFileError(f"{file}: concept set {set_id!r}: a member must be a mapping with 'concept' "
                               f"(and optional 'where', 'label'): {item!r}")
        where = item.get("where") or {}
        if not isinstance(where, dict):
            raise CueFileError(f"{file}: concept set {set_id!r}: 'where' must map attributes to values")
        label = item.get("label")
        if label is not None and not isinstance(label, str):
            raise CueFileError(f"{file}: concept set {set_id!r}: label {label!r} must be a string")
        members.append(ConceptMember(
            concept=_concept(file, set_id, item["concept"], known),
            where=tuple((str(k), frozenset(_strings(file, set_id, f"where.{k}", v if isinstance(v, list) else [v])))
                        for k, v in sorted(where.items())),
            label=label,
        ))
    if not members:
        raise CueFileError(f"{file}: concept set {set_id!r} has no concepts or members")
    return ConceptSet(id=set_id, description=str(raw.get("description", "")), members=tuple(members))


def _value_set(file: str, raw: dict[str, Any], seen: set[str]) -> ValueSet:
    set_id = _entry_id(file, raw, _VALUE_KEYS, seen)
    values = _strings(file, set_id, "values", raw.get("values"))
    if not values:
        raise CueFileError(f"{file}: value set {set_id!r} has no values")
    return ValueSet(id=set_id, description=str(raw.get("description", "")), values=frozenset(values))


def parse_cue_file(file: str, data: Any, *, known_concepts: Iterable[str] | None = None) -> CueBook:
    """Validate and compile the parsed YAML of a cue file (`known_concepts`: the concepts sets may name)."""
    if not isinstance(data, dict):
        raise CueFileError(f"{file}: expected a mapping at the top level")
    unknown = set(data) - _SECTIONS
    if unknown:
        raise CueFileError(f"{file}: unknown top-level keys {sorted(unknown)}; allowed: {sorted(_SECTIONS)}")
    for section in _SECTIONS:
        if data.get(section) is not None and not isinstance(data[section], list):
            raise CueFileError(f"{file}: {section} must be a list of entries")
    known = frozenset(known_concepts) if known_concepts is not None else None
    seen: set[str] = set()
    cues = {c.id: c for c in (_cue(file, raw, seen) for raw in data.get("cues") or [])}
    sets = {s.id: s for s in (_concept_set(file, raw, seen, known) for raw in data.get("concept_sets") or [])}
    values = {v.id: v for v in (_value_set(file, raw, seen) for raw in data.get("value_sets") or [])}
    return CueBook(file=file, cues=cues, concept_sets=sets, value_sets=values)


@cache
def target_concepts() -> frozenset[str]:
    """Every concept the target rules (pipeline/nlp/resources/targets.yaml) can produce."""
    from .nlp.rules import TARGETS_FILE, read_resource

    return frozenset(str(r.get("concept")) for r in read_resource(TARGETS_FILE).get("rules", []))


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader that refuses a key given twice in one mapping (the later one would silently win)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} is given twice",
                                                        key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_cue_yaml(name: str, text: str) -> Any:
    """The YAML data of a cue file; invalid YAML or a key given twice is a CueFileError naming the file."""
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        raise CueFileError(f"{name}: not valid YAML: {exc}") from exc


@cache
def load_cue_file(package: str, name: str) -> CueBook:
    """The cue file `name` of `package`, read and validated once per process."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return parse_cue_file(name, read_cue_yaml(name, text), known_concepts=target_concepts())
