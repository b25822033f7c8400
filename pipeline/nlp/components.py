"""spaCy components of the clinical NLP stage, registered by name like spaCy's own.

- ``clinical_sentences``: sentence boundaries for fax-packet text (line structure + sentence punctuation).
- ``prior_auth_targets``: medspaCy's rule matcher over our rule file, with the rule file's
  ``unless_next``/``unless_prev``/``only_after`` filters and de-duplication; matches go to ``doc.spans["targets"]``
  so that concepts may overlap ("recurrent GBM" is both a recurrence and a glioma); a generic target told again about
  an earlier one of its sentence takes that one's concept (`refers_back`: a lesion after a cord lesion). The rule behind each span is
  kept per (start, end, concept) in the doc (`target_info`): two concepts may match the very same words
  ("subacute necrotizing encephalopathy" is Leigh syndrome and a worsening symptom), and span extension values
  are shared by spans with the same offsets.
"""


from bisect import bisect_left, bisect_right
from typing import Any

import numpy
from medspacy.common.medspacy_matcher import MedspacyMatcher
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..cues import load_cue_file
from .intervals import SpansByStart
from .rules import TARGETS_FILE, RuleFileError, TargetRuleInfo, read_resource, rehead_rules, target_rules

TARGET_GROUP = "targets"
_TARGET_INFO = "prior_auth_target_info"
_CLAIMS = "prior_auth_claims"
# doc.user_data key: the [start, end) character spans of the Doc's text that HL7 v2 messages take
# (NormalizedText.hl7_messages, set by pipeline/nlp/pipeline.py make_doc before the components run)
HL7_MESSAGES = "hl7_messages"

_ABBREVIATIONS = frozenset(load_cue_file("pipeline.nlp.resources", "cues.yaml").value_set("sentence.abbreviations").values)
"""Words whose full stop ends no sentence ("Dr.", "e.g.", "incl."): cue value set `sentence.abbreviations`."""
_CAPITAL_NAMES = frozenset(load_cue_file("pipeline.nlp.resources", "cues.yaml").value_set("sentence.capital_names").values)
"""Such words that, written exactly so ("MS."), are a name whose full stop ends a sentence before a word not in
capitals: cue value set `sentence.capital_names`."""


def _abbreviation(prev: Token, nxt: Token) -> bool:
    """The full stop after `prev` ends no sentence: an abbreviation ("Dr.", "Ms. Lee"), unless written as a name in
    capitals before a word that is not ("it is MS. Reassured ...")."""
    if prev.lower_.rstrip(".") not in _ABBREVIATIONS:
        return False
    return not (prev.text in _CAPITAL_NAMES and not (nxt.is_upper and len(nxt.text) > 1))


@Language.component("clinical_sentences", assigns=["token.is_sent_start"])
def clinical_sentences(doc: Doc) -> Doc:
    """Sentence starts at every hard line break, after . ! ? that end a sentence, and at each item of a numbered
    list ("1) GBM 2) abscess", "Impression: 1. ... 2. ..."): one scope per item, whatever its punctuation. A "?"
    written before a diagnosis as a hedge ("?toxoplasmosis ?PCNSL") ends nothing.

    The starts are computed in one pass and set in bulk (`Doc.from_array`): setting `token.is_sent_start` one
    token at a time costs time proportional to the document for each token (spaCy 3.7), quadratic in all."""
    n = len(doc)
    if not n:
        return doc
    starts = numpy.full(n, -1, dtype="int64")  # -1: not a start, 1: a start
    start_next = True
    last_item = 0  # the number of the last list item on this line
    closer = -1  # the "." or ")" of a list item's number: not a sentence end
    after_close = -1  # the token after the quotes or brackets a sentence end closes: a sentence start
    prev_text = ""
    for i, token in enumerate(doc):
        if i == after_close:
            start_next = True
        if token.is_space:
            if start_next and i == 0:
                starts[i] = 1
            if "\n" in token.text:
                start_next = True
                last_item = 0
            continue
        line_start = start_next or i == 0
        if _is_item_number(doc, i) and (line_start or (last_item and int(token.text) == last_item + 1)
                                        or (token.text == "1" and prev_text == ":")):
            start_next, last_item, closer = True, int(token.text), i + 1
        if start_next or i == 0:
            starts[i] = 1
        start_next = "\n" in token.whitespace_
        if "\n" in token.whitespace_:
            last_item = 0
        if token.text in {".", "!", "?"} and i + 1 < n and i != closer and not _is_query_mark(doc, i):
            nxt = doc[i + 1]
            abbreviation = i > 0 and _abbreviation(doc[i - 1], nxt)
            if not abbreviation and (nxt.is_space or nxt.text[:1].isupper() or nxt.text[:1].isdigit()):
                start_next = True
            elif not abbreviation and token.whitespace_ == "" and nxt.text in _CLOSING_MARKS:
                after_close = _after_closing_marks(doc, i + 1)
        prev_text = token.text
    doc.from_array([SENT_START], starts.astype("uint64").reshape(n, 1))  # type: ignore[arg-type]  # -1 wraps, as spaCy encodes it
    return doc


_CLOSING_MARKS = frozenset(['"', "'", ")", "]", "\u201d", "\u2019"])


# The last character of a list marker ("2." "b)" "-" "*" "#3"): a word after any other token opens no sentence.
_MARKER_ENDS = frozenset(".):-*+o#\u2022\u25aa\u25e6\u2023\u2043")
_MARKER_TOKENS = 8  # a sentence's markers before its first word span at most this many tokens ("1. a)", "(iv)")
_ITEM_MARKER = load_cue_file("pipeline.nlp.resources", "cues.yaml").cue("layout.item_marker")


def opens_sentence(token: Token) -> bool:
    """The token is the first word of its sentence, past the list markers that open it (cue layout.item_marker):
    "Should" in "Should the lesion grow, ...", and in "2. Should ...", "(c) Should ...", "- Should ...". The token
    attribute `opens_sentence` that context.yaml patterns use where a cue counts only at a sentence's opening, as
    IS_SENT_START would if a list item's marker were no part of its sentence."""
    if token.is_sent_start or token.i == 0:
        return True
    doc = token.doc
    prev = doc[token.i - 1]
    if not prev.whitespace_ or not (prev.text[-1] in _MARKER_ENDS or prev.text[-1].isdigit()):
        return False  # the fast path: nearly every token follows a word
    for j in range(token.i - 1, max(-1, token.i - 1 - _MARKER_TOKENS), -1):
        if doc[j].is_sent_start:
            return _ITEM_MARKER.matches(doc[j:token.i].text_with_ws)  # (doc.text is built anew each call)
    return False


if not Token.has_extension("opens_sentence"):
    Token.set_extension("opens_sentence", getter=opens_sentence)


def _after_closing_marks(doc: Doc, i: int) -> int:
    """The index of the token that starts a sentence after the closing quotes or brackets glued to a sentence end
    from token i on ("... further workup?' The MRI is diagnostic", "... needed?\"" then a new line); -1 when the
    sentence goes on ("... 'glioma?' she asked")."""
    n = len(doc)
    while i < n and doc[i].text in _CLOSING_MARKS:
        if doc[i].whitespace_ or i + 1 == n or doc[i + 1].text not in _CLOSING_MARKS:
            break
        i += 1
    if i + 1 >= n:
        return -1
    nxt = doc[i + 1]
    return i + 1 if nxt.is_space or nxt.text[:1].isupper() or nxt.text[:1].isdigit() else -1


def _is_query_mark(doc: Doc, i: int) -> bool:
    """Token i is a "?" written before a word as a hedge ("?cerebral toxoplasmosis ?PCNSL", "r/o mets ?lymphoma"):
    glued to the word after it and apart from the word before it, so it ends no sentence (a real question's "?"
    follows its last word: "Is this a glioma? Biopsy showed PCNSL.")."""
    return (doc[i].text == "?" and doc[i].whitespace_ == "" and i + 1 < len(doc) and doc[i + 1].is_alpha
            and (i == 0 or doc[i - 1].whitespace_ != "" or doc[i - 1].is_space))


def _is_item_number(doc: Doc, i: int) -> bool:
    """Token i is a list item's number: one or two digits followed by "." or ")" and then a word."""
    text = doc[i].text
    return (len(text) <= 2 and text.isdigit() and i + 2 < len(doc) and doc[i + 1].text in {".", ")"}
            and doc[i + 1].whitespace_ != "" and not doc[i + 2].is_space)


class PriorAuthTargets:
    """Target concept matching with data-driven filters; results in ``doc.spans['targets']``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        data = read_resource(TARGETS_FILE)
        self._vocab = nlp.vocab
        self._matcher = MedspacyMatcher(nlp, name=f"{name}_matcher", phrase_matcher_attr="LOWER", prune=False)
        self._matcher.add(target_rules(data))
        self._suppress_inside: dict[str, frozenset[str]] = {
            str(k): frozenset(v) for k, v in (data.get("suppress_inside") or {}).items()
        }
        self._refers_back = [_ReferBack.load(raw) for raw in data.get("refers_back") or []]

    def __call__(self, doc: Doc) -> Doc:
        kept: dict[tuple[int, int, str], Span] = {}
        infos: dict[tuple[int, int, str], TargetRuleInfo] = {}
        defined: dict[str, bool] = {}  # rule id -> the document defines what the rule's matches abbreviate
        for match_id, start, end in self._matcher(doc):
            info: TargetRuleInfo = self._matcher.rule_map[self._vocab.strings[match_id]].metadata["info"]
            span = Span(doc, start, end, label=info.concept)
            if _blocked(span, info):
                continue
            if info.defined_by:
                if info.rule_id not in defined:
                    defined[info.rule_id] = any(p.search(doc.text) for p in info.defined_by)
                if not defined[info.rule_id]:
                    continue
            key = (start, end, info.concept)
            if key not in kept:
                kept[key], infos[key] = span, info
        spans = self._drop_suppressed(_drop_contained(list(kept.values())))
        for refer in self._refers_back:
            spans = refer.apply(doc, spans, infos)
        spans, claims = _drop_claimed(spans, infos)
        doc.spans[TARGET_GROUP] = spans
        doc.user_data[_TARGET_INFO] = {(s.start, s.end, s.label_): infos[(s.start, s.end, s.label_)] for s in spans}
        doc.user_data[_CLAIMS] = claims
        return doc

    def _drop_suppressed(self, spans: list[Span]) -> list[Span]:
        """Drop a span lying inside a longer span of a concept it is suppressed in (only spans that overlap it
        are compared: spans are sorted by start)."""
        if not self._suppress_inside:
            return spans
        index = SpansByStart([(o.start, o.end) for o in spans])
        out = []
        for span in spans:
            hosts = self._suppress_inside.get(span.label_)
            if hosts and any(
                (o := spans[k]).label_ in hosts and o.start <= span.start and span.end <= o.end
                and len(o) > len(span)
                for k in index.candidates(span.start, span.end)
            ):
                continue
            out.append(span)
        return out


class _ReferBack:
    """A generic target told again about an earlier target of its sentence (targets.yaml `refers_back`): "an
    inflammatory lesion" after "Intramedullary cervical cord lesion C3-C5; ..." is the cord lesion. The target takes
    the rule's concept and attributes; its evidence names the rule."""

    _KEYS = frozenset({"id", "host_rules", "rules", "concept", "attrs", "site_words", "stops"})

    def __init__(self, info: TargetRuleInfo, hosts: frozenset[str], rules: frozenset[str],
                 stops: frozenset[str]) -> None:
        self.info, self.hosts, self.rules, self.stops = info, hosts, rules, stops

    @classmethod
    def load(cls, raw: dict[str, Any]) -> "_ReferBack":
        rule_id = raw.get("id")
        unknown = set(raw) - cls._KEYS
        if not isinstance(rule_id, str) or unknown or not raw.get("host_rules") or not raw.get("rules") \
                or not str(raw.get("concept", "")).isupper():
            raise RuleFileError(f"{TARGETS_FILE}: refers_back {rule_id!r} needs id, host_rules, rules and an "
                                f"upper-case concept (unknown keys: {sorted(unknown)})")
        info = TargetRuleInfo(rule_id=rule_id, concept=str(raw["concept"]),
                              attrs={str(k): str(v) for k, v in (raw.get("attrs") or {}).items()},
                              unless_next=frozenset(), unless_prev=frozenset())
        stops = frozenset(str(w).lower() for w in [*(raw.get("site_words") or ()), *(raw.get("stops") or ())])
        return cls(info, frozenset(map(str, raw["host_rules"])), frozenset(map(str, raw["rules"])), stops)

    def apply(self, doc: Doc, spans: list[Span], infos: dict[tuple[int, int, str], TargetRuleInfo]) -> list[Span]:
        """Spans sorted by start: each target of `rules` after a host in its sentence, with no stop word from the
        host's end to its own end, becomes a target of this rule."""
        out: list[Span] = []
        taken = {(s.start, s.end, s.label_) for s in spans}
        host_end: int | None = None  # the end of the last host in the current sentence
        sent_start = -1
        for span in spans:
            start = span.sent.start
            if start != sent_start:
                sent_start, host_end = start, None
            info = infos[(span.start, span.end, span.label_)]
            if info.rule_id in self.hosts:
                host_end = max(host_end or 0, span.end)
            elif host_end is not None and info.rule_id in self.rules and span.start >= host_end \
                    and not any(t.lower_ in self.stops for t in doc[host_end:span.end]):
                if (span.start, span.end, self.info.concept) in taken:
                    continue  # already a target of that concept
                span = Span(doc, span.start, span.end, label=self.info.concept)
                infos[(span.start, span.end, span.label_)] = self.info
            out.append(span)
        return out


Claim = tuple[int, int, frozenset[str]]
"""A target of a rule with `claims`: its token start and end, and the ids of the rules whose matches inside it are
its own words."""


def _drop_claimed(spans: list[Span], infos: dict[tuple[int, int, str], TargetRuleInfo]
                  ) -> tuple[list[Span], list[Claim]]:
    """Drop each target of a rule that a target around it claims (targets.yaml `claims`: the "VS" verdict word
    inside the tumour "VS", inside "SRS vs microsurgery"); return the rest and the claims (spans sorted by start)."""
    claims: list[Claim] = []
    for s in spans:
        info = infos[(s.start, s.end, s.label_)]
        if info.claims:
            claims.append((s.start, s.end, info.claims))
    if not claims:
        return spans, claims
    index = SpansByStart([(c[0], c[1]) for c in claims])
    out = []
    for s in spans:
        rule_id = infos[(s.start, s.end, s.label_)].rule_id
        if any((c := claims[k])[0] <= s.start and s.end <= c[1] and rule_id in c[2]
               for k in index.candidates(s.start, s.end)):
            continue
        out.append(s)
    return out, claims


def claims_of(doc: Doc) -> list[Claim]:
    """The claims the target matcher recorded in the doc (none before it ran)."""
    claims: list[Claim] = doc.user_data.get(_CLAIMS, [])
    return claims


def target_info(span: Span) -> TargetRuleInfo:
    """The rule that matched a target span (its id, concept and attributes)."""
    info: TargetRuleInfo = span.doc.user_data[_TARGET_INFO][(span.start, span.end, span.label_)]
    return info


def _blocked(span: Span, info: TargetRuleInfo) -> bool:
    doc = span.doc
    if info.unless_next:
        nxt = _neighbour(doc, span.end, step=1)
        if nxt is not None and (nxt.lower_ in info.unless_next and _hyphen_joined(doc[span.end - 1], nxt)
                                or _standing_dash(doc[span.end - 1], nxt, info.unless_next)):
            return True
    if info.unless_prev:
        prev = _neighbour(doc, span.start - 1, step=-1)
        if prev is not None and (prev.lower_ in info.unless_prev and _hyphen_joined(prev, doc[span.start])
                                 or _standing_dash(prev, doc[span.start], info.unless_prev)):
            return True
    if info.only_after:
        lo = max(_label_start(span.sent), span.start - info.only_after_tokens)
        if not any(tok.lower_ in info.only_after for tok in doc[lo:span.start]):
            return True
    return False


def _label_start(sent: Span) -> int:
    """Where an `only_after` word may stand for a match in `sent`: from the sentence's start, or from the start of
    the label its line opens with when the sentence is that label's value ("Dx: MS -": the sectionizer makes "Dx:"
    a sentence of its own)."""
    doc, start = sent.doc, sent.start
    if start > 0 and doc[start - 1].text == ":" and "\n" not in doc[start - 1].whitespace_:
        return doc[start - 1].sent.start
    return start


def _hyphen_joined(left: Token, right: Token) -> bool:
    """A hyphen in an `unless_next`/`unless_prev` list is one joined to the match ("non-neoplastic", "mass-like",
    "spheno-orbital"); a dash standing apart is punctuation between two words ("gliosis - tumour excluded") and
    blocks nothing. Any other filter word always counts."""
    if left.text != "-" and right.text != "-":
        return True
    return left.i + 1 == right.i and not left.whitespace_


def _standing_dash(left: Token, right: Token, words: frozenset[str]) -> bool:
    """A " - " entry in a filter list is a dash standing apart, the label separator of an abbreviation used as a
    field name ("MS - alert, oriented": mental status), which a bare "-" entry no longer catches."""
    dash = right if right.text == "-" else left
    return " - " in words and dash.text == "-" and not _hyphen_joined(left, right)


def _neighbour(doc: Doc, i: int, *, step: int) -> Token | None:
    """The nearest non-whitespace token from index i in direction step, within the same line."""
    while 0 <= i < len(doc):
        tok = doc[i]
        if tok.is_space:
            if "\n" in tok.text:
                return None
            i += step
            continue
        return tok
    return None


def _drop_contained(spans: list[Span]) -> list[Span]:
    """Within one concept keep the longest match; concepts of different kinds may overlap."""
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    widest: dict[str, int] = {}
    for span in spans:
        label = span.label_
        if widest.get(label, -1) >= span.end:
            continue
        widest[label] = span.end
        out.append(span)
    return out


@Language.component("hl7_message_sections", assigns=["doc._.sections", "token._.section"],
                    requires=["doc._.sections"])
def hl7_message_sections(doc: Doc) -> Doc:
    """A section that a heading inside an HL7 v2 message opens ("OBX|9|TX|||IMPRESSION: ...") ends where the message
    ends (cue layout.hl7_message_end: the first line after its segments that is no segment and no page break
    inside the message, or the next MSH segment; pipeline/nlp/normalize.py _hl7_messages). The text after the message
    reads in the section it would have had with no message before it: the section open before the message, or
    none. Segments after the heading inside the message stay in its section. The messages travel on the Doc
    (doc.user_data[HL7_MESSAGES], from NormalizedText.hl7_messages through pipeline.py make_doc): a Doc made from a
    plain string has none, and no section is cut."""
    from medspacy.section_detection import Section

    messages: tuple[tuple[int, int], ...] = doc.user_data.get(HL7_MESSAGES, ())
    if not messages or not len(doc):
        return doc
    starts = [t.idx for t in doc]
    # each message's [first, after) tokens; messages do not overlap and come in order
    spans = [(bisect_left(starts, start), bisect_left(starts, end)) for start, end in messages]
    firsts = [first for first, _ in spans]
    sections: list[Any] = []
    for section in doc._.sections:
        sections.append(section)
        title = section.title_span[0]
        k = bisect_right(firsts, title) - 1
        if section.category is None or k < 0:
            continue
        first, after = spans[k]
        body_end = section.body_end
        if not title < after < body_end:
            continue
        before = doc[first - 1]._.section if first > 0 else None
        section.body_end = after
        if before is not None and before.category is not None:
            rest = Section(before.category, after, after, after, body_end, before.parent, before.rule)
        else:
            rest = Section(None, after, after, after, body_end)
        sections.append(rest)
        for token in doc[after:body_end]:
            token._.section = rest
    doc._.sections = sections
    return doc


class ReheadedSections:
    """A header that starts another section in its place (sections.yaml `reheaded`): "History:" right under an
    imaging report's title and before its read is the report's indication, not a clinic note's history."""

    def __init__(self) -> None:
        from medspacy.section_detection import SectionRule

        self.rules = rehead_rules()
        self.section_rules = {r.id: SectionRule(literal=r.id, category=r.category, metadata={"id": r.id})
                              for r in self.rules}

    @staticmethod
    def _rule_id(section: Any) -> str:
        rule = section.rule
        return str((rule.metadata or {}).get("id", "")).lower() if rule is not None else ""

    def __call__(self, doc: Doc) -> Doc:
        sections = [s for s in doc._.sections if s.category is not None]
        for i in range(1, len(sections)):
            section = sections[i]
            start, end = section.title_span
            header = " ".join(doc[start:end].text.lower().rstrip(" \t\n:-*").split())
            for rule in self.rules:
                if header not in rule.headers or self._rule_id(sections[i - 1]) not in rule.after:
                    continue
                later = next((s.category for s in sections[i + 1:] if s.category not in rule.through), None)
                if later in rule.before:
                    section.category = rule.category
                    section.rule = self.section_rules[rule.id]
                    break
        return doc


@Language.factory("reheaded_sections", assigns=["doc._.sections"], requires=["doc._.sections"])
def make_reheaded_sections(nlp: Language, name: str) -> ReheadedSections:
    return ReheadedSections()


@Language.component("section_sentence_starts", assigns=["token.is_sent_start"], requires=["doc._.sections"])
def section_sentence_starts(doc: Doc) -> Doc:
    """A section header is a sentence of its own: sentences start at each header and right after it. (What
    medspaCy's sectionizer does with `apply_sentence_boundary`, but set in bulk: it sets them one token at a
    time, each set costing time proportional to the document.)"""
    n = len(doc)
    if not n:
        return doc
    starts = doc.to_array([SENT_START]).astype("int64").reshape(n)
    for section in doc._.sections:
        if section.category is None:
            continue
        start, end = section.title_span
        starts[start] = 1
        if end < n:
            starts[end] = 1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(n, 1))  # type: ignore[arg-type]
    return doc


@Language.factory("prior_auth_targets", assigns=["doc.spans"])
def make_prior_auth_targets(nlp: Language, name: str) -> PriorAuthTargets:
    return PriorAuthTargets(nlp, name)
