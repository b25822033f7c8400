"""medspaCy's ConText, in time proportional to the document instead of its square.

medspaCy compares every modifier with every other modifier (to let them limit each other's scope) and every
target with every modifier: for a packet of a few hundred pages that is millions of comparisons, although a
modifier can only ever act within its scope (its sentence, or `max_scope` tokens of it). `ScopedConTextGraph`
makes exactly the comparisons whose scopes overlap, found by binary search over scopes sorted by start, in the
same order as medspaCy, so the edges are the same; `prior_auth_context` is medspaCy's ConText component using
it. `claimed_cues`, after it, confines a cue inside a target whose rule claims the cue's words (targets.yaml
`claims`) to that target. A cue whose rule is `quiet` (context.yaml) is kept only where the words it needs around
it are there, so that a cue as common as a colon or "normal" limits no other cue's scope where it means nothing.
A cue whose rule reads `through_asides` does not count the tokens of a parenthetical or bracketed aside (context.yaml
`asides`: a grade, a size, a site, a marker) in its `max_scope`: "meningioma (WHO grade I, 2 cm) excised in 2006"
links the removal to the tumor as "meningioma excised in 2006" does.
"""


from functools import cache
from typing import Any

from medspacy.common.util import prune_overlapping_matches
from medspacy.context import ConText
from medspacy.context.context_graph import ConTextGraph
from medspacy.util import tuple_overlaps
from spacy.language import Language
from spacy.tokens import Doc

from .components import TARGET_GROUP, claims_of
from .intervals import SpansByStart
from .rules import AsideSpec, aside_spec, cue_needs_after


class ScopedConTextGraph(ConTextGraph):
    """ConTextGraph with the same results, comparing only modifiers and targets whose scopes can overlap."""

    modifiers: list[Any]
    targets: Any
    edges: list[Any]

    passed: dict[int, list[tuple[int, int]]]  # id(modifier) -> the asides its scope passes over (through_asides)

    def update_scopes(self) -> None:
        # Scopes only shrink (limit_scope), so pairs that do not overlap at first never do: medspaCy's loop makes
        # no change for them. The others are visited in its order (i < j). A cue inside an aside that a cue's scope
        # passes over does not limit that scope: the aside reads as if absent ("meningioma (WHO grade I, 2 cm)
        # excised": neither "WHO" nor the comma ends the reach of "excised").
        mods: list[Any] = self.modifiers
        passed = getattr(self, "passed", {})
        index = SpansByStart([m.scope_span for m in mods])
        for i, first in enumerate(mods):
            start, end = first.scope_span
            for j in index.candidates(start, end):
                if j > i:
                    other = mods[j]
                    if not _inside(other, passed.get(id(first))):
                        first.limit_scope(other)
                    if not _inside(first, passed.get(id(other))):
                        other.limit_scope(first)

    def apply_modifiers(self) -> None:
        targets = list(self.targets)
        spans = [(t.start, t.end) for t in targets]
        modifiers: list[Any] = self.modifiers
        if self.prune_on_modifier_overlap:
            by_target = SpansByStart(spans)
            modifiers = [m for m in modifiers if not any(tuple_overlaps(spans[k], m.modifier_span)
                                                         for k in by_target.candidates(*m.modifier_span))]
            self.modifiers = modifiers
        by_scope = SpansByStart([m.scope_span for m in modifiers])
        for target in targets:
            for j in by_scope.candidates(target.start, target.end):
                modifier = modifiers[j]
                if modifier.modifies(target):
                    modifier.modify(target)
        edges: list[tuple[Any, Any]] = []
        for modifier in modifiers:
            modifier.reduce_targets()
            edges.extend((target, modifier) for target in modifier._targets)
        self.edges = edges


def _beside(pruned: list[tuple[int, int, int]], sharing: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The pruned cue matches with the matches of rules that share their words (context.yaml `shares_words`): such a
    match on exactly the words of a kept cue stays beside it (each reads its own targets), elsewhere it is pruned
    with the others (a longer cue over it wins)."""
    if not sharing:
        return pruned
    spans = {(start, end) for _, start, end in pruned}
    beside = [m for m in dict.fromkeys(sharing) if (m[1], m[2]) in spans]
    alone = [m for m in sharing if (m[1], m[2]) not in spans]
    kept = prune_overlapping_matches(pruned + alone) if alone else pruned
    return sorted(kept + beside, key=lambda m: (m[1], m[2]))


def _inside(modifier: Any, asides: list[tuple[int, int]] | None) -> bool:
    """The cue lies inside one of the asides."""
    if not asides:
        return False
    start, end = modifier.modifier_span
    return any(lo <= start and end <= hi for lo, hi in asides)


class PriorAuthContext(ConText):
    """medspaCy's ConText with ScopedConTextGraph (same rules, options and span extensions), and quiet cues."""

    graph_class: type[ConTextGraph] = ScopedConTextGraph  # medspaCy's own graph gives the same edges, quadratically

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The cue matches, of the longest of overlapping cues, after the quiet cues without the words they need
        around them are dropped: such a cue is no cue, so it neither limits another cue's scope nor takes the place
        of a shorter or equally long cue of other words ("exclude" stays poss.evaluate_for's hedge in "does not
        exclude" where the quiet neg.subject_excludes does not hold). A cue of a rule that `shares_words` neither
        wins nor loses the tie with an equally long cue on the same words: both are kept (`_beside`)."""
        matcher = self._ConText__matcher
        pruning = matcher._prune
        matcher._prune = False
        try:
            matches = matcher(doc)
        finally:
            matcher._prune = pruning
        kept: list[tuple[int, int, int]] = []
        sharing: list[tuple[int, int, int]] = []  # matches of rules that share their words (`_beside`)
        for match_id, start, end in matches:
            rule = matcher.rule_map[self.nlp.vocab[match_id].text]
            meta = rule.metadata or {}
            if meta.get("quiet") and not _cue_text_holds(doc, meta, start, end):
                continue  # a quiet cue without the words it needs around it is no cue: it limits no other scope
            (sharing if meta.get("shares_words") else kept).append((match_id, start, end))
        if not pruning:
            return kept + sharing
        return _beside(prune_overlapping_matches(kept) if kept else kept, sharing)

    def __call__(self, doc: Doc, targets: str | None = None) -> Doc:
        if targets:
            spans = getattr(doc._, targets)
        elif self.input_span_type == "ents":
            spans = doc.ents
        else:
            spans = doc.spans[self.span_group_name]
        graph = self.graph_class(prune_on_modifier_overlap=self.prune_on_target_overlap)
        graph.targets = spans
        graph.modifiers = []
        matcher = self._ConText__matcher
        from medspacy.context import ConTextModifier

        asides: _Asides | None = None
        graph.passed = {}
        for match_id, start, end in self._matches(doc):
            rule = matcher.rule_map[self.nlp.vocab[match_id].text]
            modifier = ConTextModifier(rule, start, end, doc, max_scope=self.max_scope)
            if (rule.metadata or {}).get("through_asides") and rule.max_scope:
                asides = asides if asides is not None else _Asides(doc, spans, _aside_spec())
                passed = asides.widen(modifier)
                if passed:
                    graph.passed[id(modifier)] = passed
            graph.modifiers.append(modifier)
        graph.update_scopes()
        graph.apply_modifiers()
        for target, modifier in graph.edges:
            target._.modifiers += (modifier,)
        if self.context_attributes_mapping:
            self.set_context_attributes(graph.edges)
        doc._.context_graph = graph
        return doc


@cache
def _aside_spec() -> AsideSpec | None:
    return aside_spec()


class _Asides:
    """The asides of a document (context.yaml `asides`): an opening mark and its closing mark in one sentence and
    line, at most `max_tokens` tokens apart with no other opening mark between, holding no target but of
    `pass_types` ("(WHO grade I, 2 cm)", "[posterior fossa]"; not "(along with a schwannoma)", "(regrowing on the
    2026 MRI)")."""

    def __init__(self, doc: Doc, targets: Any, spec: AsideSpec | None) -> None:
        self.doc = doc
        self.ending_at: dict[int, int] = {}  # token index after an aside's closing mark -> its opening mark's index
        self.starting_at: dict[int, int] = {}  # an aside's opening mark's index -> the index after its closing mark
        if spec is None or not any(mark in doc.text for mark in spec.closers):
            return
        found: list[tuple[int, int]] = []
        n = len(doc)
        for i, token in enumerate(doc):
            closer = spec.closers.get(token.text)
            if closer is None:
                continue
            for j in range(i + 1, min(n, i + spec.max_tokens + 2)):
                inner = doc[j]
                if inner.is_sent_start or "\n" in inner.text or "\n" in doc[j - 1].whitespace_ \
                        or inner.text in spec.closers:
                    break
                if inner.text == closer:
                    found.append((i, j + 1))
                    break
        if not found:
            return
        # a target that begins inside the aside is its own (a target that begins before it and spans it,
        # "meningioma (...) excised", is not)
        own = [(t.start, t.end) for t in targets if t.label_ not in spec.pass_types]
        index = SpansByStart(own)
        for lo, hi in found:
            if any(lo <= own[k][0] < hi for k in index.candidates(lo, hi)):
                continue  # the aside says something of its own: another tumor, a recurrence, a current study
            self.ending_at[hi] = lo
            self.starting_at[lo] = hi

    def widen(self, modifier: Any) -> list[tuple[int, int]]:
        """Let the cue's `max_scope` pass over the asides in its reach without counting their tokens (within its
        sentence); the asides it passes over."""
        passed: list[tuple[int, int]] = []
        if not self.ending_at:
            return passed
        start, end = modifier.modifier_span
        reach = modifier.rule.max_scope
        sent = self.doc[start].sent
        direction = modifier.direction.upper()
        scope_start, scope_end = modifier.scope_span
        if direction in ("BACKWARD", "BIDIRECTIONAL"):
            i, counted = start, 0
            while i > sent.start and counted < reach:
                lo = self.ending_at.get(i)
                if lo is not None and lo >= sent.start:
                    passed.append((lo, i))
                    i = lo
                    continue
                i, counted = i - 1, counted + 1
            modifier._scope_start = min(scope_start, i)
        if direction in ("FORWARD", "BIDIRECTIONAL"):
            i, counted = end, 0
            while i < sent.end and counted < reach:
                hi = self.starting_at.get(i)
                if hi is not None and hi <= sent.end:
                    passed.append((i, hi))
                    i = hi
                    continue
                i, counted = i + 1, counted + 1
            modifier._scope_end = max(scope_end, i)
        return passed


def _cue_text_holds(doc: Doc, meta: dict[str, Any], start: int, end: int) -> bool:
    """The cue's `needs_after`, `needs_before` and `needs_in_sentence` patterns hold around doc[start:end]. A cue
    that runs past its first token's sentence ("Dx -" | "r/o glioma" split after the dash) is read to the end of its
    last token's sentence."""
    sent = doc[start].sent
    sent_end = max(sent.end_char, doc[end - 1].sent.end_char)
    return cue_needs_after(meta, doc.text, doc[end - 1].idx + len(doc[end - 1].text), sent_end, sent.start_char,
                           doc[start].idx)


@Language.factory("prior_auth_context", default_config={
    "rules": None, "span_attrs": None, "input_span_type": "group", "span_group_name": "targets",
    "prune_on_modifier_overlap": True, "max_scope": None,
})
def make_prior_auth_context(nlp: Language, name: str, rules: str | None, span_attrs: Any, input_span_type: str,
                            span_group_name: str, prune_on_modifier_overlap: bool, max_scope: int | None
                            ) -> PriorAuthContext:
    return PriorAuthContext(nlp, name=name, rules=rules, span_attrs=span_attrs, input_span_type=input_span_type,
                            span_group_name=span_group_name, prune_on_modifier_overlap=prune_on_modifier_overlap,
                            max_scope=max_scope)


@Language.component("claimed_cues")
def claimed_cues(doc: Doc) -> Doc:
    """A ConText cue inside targets whose rules claim its words (targets.yaml `claims`) reaches no further than
    they do: its scope is cut to them and the targets outside lose it ("SRS vs microsurgery" hedges the two
    options, not the meningioma before them; the "VS" of "R VS, 11 mm" hedges nothing)."""
    claims = claims_of(doc)
    graph = getattr(doc._, "context_graph", None)
    if not claims or graph is None:
        return doc
    index = SpansByStart([(lo, hi) for lo, hi, _ in claims])
    bounds: dict[int, tuple[int, int]] = {}  # id(modifier) -> the span it is confined to
    for modifier in graph.modifiers:
        start, end = modifier.modifier_span
        rule_id = (modifier.rule.metadata or {}).get("id")
        around = [(lo, hi) for lo, hi, claimed in (claims[k] for k in index.candidates(start, end))
                  if lo <= start and end <= hi and rule_id in claimed]
        if not around:
            continue
        lo, hi = min(b[0] for b in around), max(b[1] for b in around)
        bounds[id(modifier)] = (lo, hi)
        modifier._scope_start = max(modifier.scope_span[0], lo)
        modifier._scope_end = min(modifier.scope_span[1], hi)
        modifier._targets = [t for t in modifier._targets if lo <= t.start and t.end <= hi]

    def outside(target: Any, modifier: Any) -> bool:
        b = bounds.get(id(modifier))
        return b is not None and not (b[0] <= target.start and target.end <= b[1])

    if bounds:
        graph.edges = [(t, m) for t, m in graph.edges if not outside(t, m)]
        for target in doc.spans[TARGET_GROUP]:
            modifiers = target._.modifiers
            kept = tuple(m for m in modifiers if not outside(target, m))
            if len(kept) != len(modifiers):
                target._.modifiers = kept
    return doc
