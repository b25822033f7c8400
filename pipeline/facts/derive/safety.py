"""MRI safety: implanted devices, their MR-conditional status, and stent recency."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...contracts import Evidence, Fact, FactStatus, Mention
from ..context import NOTE_WRAPS_CUE, FactContext, best_status, mention_status
from ..cues import cue, value_set
from ..dates import mention_date, mention_text, parse_age_days
from .base import Resolver, derivation, make_fact, not_documented

_RECENT_STENT = cue("safety.recent_stent")
_AGE_AFTER_DEVICE = cue("safety.device_age_after")
_AGE_BEFORE_DEVICE = cue("safety.device_age_before")
_COUNTED_BACK = cue("safety.device_age_counted_back")
_UPPER_BOUND = cue("safety.device_age_upper_bound")
_LOWER_BOUND = cue("safety.device_age_lower_bound")
_PLANNED_BEFORE = cue("safety.device_planned_before")
_PLANNED_AFTER = cue("safety.device_planned_after")
_IN_PLACE = cue("safety.device_in_place")
_PHRASE_END = cue("safety.device_phrase_end")
_OWN_NOUN = cue("safety.device_own_noun")
_OPTION = cue("safety.device_option")
_OPTION_LIST = cue("safety.device_option_list")
_COORDINATION = cue("safety.device_coordination")
_OPTIONS_NAMED = cue("safety.device_options_named")
_VERSUS_TREATMENT = cue("safety.device_versus_treatment")
_INDEFINITE_BEFORE = cue("safety.device_indefinite_before")
_TALKED_AFTER = cue("safety.device_talked_after")
_UNESTABLISHED_AFTER = cue("safety.clearance_unestablished_after")
_UNESTABLISHED_BEFORE = cue("safety.clearance_unestablished_before")
_REQUESTED_BEFORE = cue("safety.clearance_requested_before")
_REQUESTED_DOCUMENT = cue("safety.clearance_requested_document")
_REQUESTED_ANSWERED = cue("safety.clearance_requested_answered")
_FROM_PRIOR_SCAN = cue("safety.clearance_from_prior_scan")
_TOPIC_STATED = cue("safety.clearance_topic_stated")
_POINTER_BEFORE = cue("safety.clearance_pointer_before")
_POINTER_AFTER = cue("safety.clearance_pointer_after")
_NOT_ESTABLISHED = cue("safety.clearance_not_established")
_DOCUMENTED = cue("safety.clearance_documented")
_PROTOCOL = cue("safety.clearance_protocol")
_WEAK_SOURCE = cue("safety.clearance_weak_source")
_SOURCE_NAMED = cue("safety.clearance_source_named")
_CONDITIONAL_ON = cue("safety.clearance_conditional_on")
_CONDITION_MET = cue("safety.clearance_condition_met")
_TYPE_UNKNOWN = cue("safety.device_type_unknown")
_CLASS_ONLY = cue("safety.device_class_only")
_CHANGED = cue("safety.clearance_superseded_by_change")
_CHANGE_NOT_DONE = cue("safety.device_change_not_done")
_REVIEW_PENDING = cue("safety.clearance_review_pending")
_NOT_CLEARED = cue("safety.clearance_review_not_cleared")
_REVERSED = cue("safety.clearance_review_reversed")
_AWAITED = cue("safety.clearance_awaited")
_REVIEW_SETTLED = cue("safety.clearance_review_settled")
_REVIEW_NOT_SETTLED = cue("safety.clearance_review_not_settled")
_REVIEW_SUBJECT = cue("safety.clearance_review_subject")
_REMOVAL = cue("safety.clearance_is_removal")
_NOT_DEVICE_REMOVAL = cue("safety.clearance_removal_not_device")
_FROM_RECORD = cue("safety.clearance_removal_from_record")
_IN_QUESTION = value_set("safety.device_answer_in_question")
_NEVER_AFTER = cue("safety.device_never_implanted_after")
_NEVER_HAD_BEFORE = cue("safety.device_never_had_before")
_NONE_BEFORE = cue("safety.device_none_before")
_PUT_IN_AFTER = cue("safety.device_put_in_after")
_EVER_AFTER = cue("safety.device_ever_implanted_after")
_KINDS_BY_NAME = value_set("safety.device_kinds_by_name")
RECENT_STENT_DAYS = 42
"""A stent placed this many days (6 weeks) before the request or fewer is recent: MRI waits."""
STENT_DATE_WINDOW = 60
"""How far (characters) from a stent mention its placement date may be written."""
DEVICE_CUE_REACH = 160
"""How far (characters) after a device an MR-conditional or MR-unsafe statement in a later sentence still speaks of
it."""
LAPSE_REACH = 320
"""How far (characters) after an MR-conditional statement a change to its device or a pending MRI-safety review
still speaks of it (up to the next clearance statement or the next device of another kind)."""
_STATEMENT_END = re.compile(r"[.;!?](?=\s|$)|[\n\f]")
"""What ends the statement a pending review or the words that settle it are read in."""
_WRAPPED_LINE = re.compile(r"[ \t]*\n[ \t]*([^\n.;|!?]*)")
"""The next line of a statement that ends at a line break without a sentence mark."""
CONDITION_REACH = 240
"""How far (characters) after a conditional MR-conditional statement the packet may document its condition met."""
POINTER_REACH = 120
"""How far (characters) before an MR-conditional statement a pointer to where its status is told is read."""
EVERY_DEVICE = "*"
"""A pending MRI-safety review that names no device and follows none: it speaks of every device."""


@derivation("mri_contraindication")
def mri_contraindication(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence: list[Evidence] = []
    ignored: list[Evidence] = []
    statuses: list[FactStatus] = []
    devices: set[str] = set()
    ignored.extend(ctx.evidence(m) for m in ctx.other_patient_mentions("MRI_CONTRAINDICATION"))
    for m in ctx.ignored("MRI_CONTRAINDICATION"):
        via = next((r for r in m.modifier_rules if r in _IN_QUESTION), None)
        if via is None or m.attrs.get("role") == "screen":
            ignored.append(ctx.evidence(m))
            continue
        # a screen item answered Unknown ("Pacemaker ........ Unknown"): the safety question is open
        device = m.attrs.get("device", "unspecified")
        statuses.append(FactStatus.SUSPECTED)
        devices.add(device)
        evidence.append(ctx.evidence(m, assertion=FactStatus.SUSPECTED, attributes={"note": "screen answered unknown"},
                                     cues=[_IN_QUESTION.id]))
    named: list[Mention] = []  # devices in the patient (not planned ones, not the screen's "Devices:" header)
    for m in ctx.mentions("MRI_CONTRAINDICATION"):
        if m.attrs.get("role") == "screen":
            if mention_status(m) is FactStatus.ABSENT:  # "Devices: none", "no implants"
                statuses.append(FactStatus.ABSENT)
                evidence.append(ctx.evidence(m, assertion=FactStatus.ABSENT, attributes={"note": "no device"}))
            continue
        planned = _planned(ctx, m)
        if planned is not None:
            ignored.append(ctx.evidence(m, attributes={"note": "planned or considered, not implanted"},
                                        cues=[planned]))
            continue
        named.append(m)
    # a clearance (or an MR-unsafe statement) speaks of one device: the one it names; one that is not established
    # (asked for, awaited, unverifiable) clears nothing and stays for the reviewer
    clearances = []
    reviewed, reversed_kinds = _open_reviews(ctx, named)
    awaited = _awaited_types(ctx, named)
    for c in ctx.mentions("DEVICE_CLEARED"):
        unestablished = _unestablished(ctx, c)
        if (not_device := _removal_not_of_device(ctx, c)) is not None:
            # "the duplicate code removed on resubmission", "claim line 3 removed": a code's or an entry's removal
            ignored.append(ctx.evidence(c, attributes={"note": "a code, claim line or chart entry removed, not the "
                                                               "device"}, cues=[not_device]))
        elif unestablished is None and c.attrs.get("topic") and not _TOPIC_STATED.matches(
                ctx.text[c.end:ctx.clause_of(c)[1]]):
            # "MRI compatibility" named with nothing stated of it: a topic, no clearance
            ignored.append(ctx.evidence(c, attributes={"note": "MR safety named, no clearance stated"},
                                        cues=[_TOPIC_STATED.id]))
        elif unestablished is None and (pointer := _pointer(ctx, c)) is not None:
            # "refer to cardiology note regarding MR conditional status", "MR conditional status: see below": the
            # status is only pointed to, a topic another document holds, no clearance
            ignored.append(ctx.evidence(c, attributes={"note": "MR-conditional status only pointed to, no clearance "
                                                               "stated"}, cues=[pointer]))
        elif unestablished is None and (lapsed := _lapsed(ctx, c, named)) is not None:
            # "MR conditional (2015). Generator replaced 2021", "MR conditional. MR safety review still pending": the
            # statement predates a change to the device, or the clearance the scan waits for is still to come
            cue_id, note = lapsed
            ignored.append(ctx.evidence(c, attributes={"note": note}, cues=[cue_id]))
        elif unestablished is None and reviewed and not _REMOVAL.matches(c.text) and (
                review_cues := sorted({reviewed[k] for k in reviewed.keys() & (_kinds(ctx, named, [c]) | {
                    EVERY_DEVICE})})):
            # "MR SAFETY FLAG: VNS - do not schedule until cleared" on another page, in a workqueue, before the
            # statement: the device's MRI safety is still under review and nothing after the review settles it; so
            # is a device review's "Status: NOT CLEARED" or "the 2019 clearance cannot be verified"
            # (safety.clearance_review_not_cleared), which outranks the statement
            ignored.append(ctx.evidence(c, attributes={"note": "the device's MRI-safety review is pending or not "
                                                               "cleared in the packet"}, cues=review_cues))
        elif unestablished is None and not _REMOVAL.matches(c.text) and (
                vetoes := sorted({awaited[k] for k in _kinds(ctx, named, [c]) & awaited.keys()})):
            # "Pacemaker: MR-conditional letter pending, not received" elsewhere, and nothing later settles it: the
            # device's documentation is still to come, whatever else calls it MR-conditional ("VNS MR-conditional
            # status not confirmed" elsewhere vetoes it as well: safety.clearance_not_established)
            ignored.append(ctx.evidence(c, attributes={"note": "the device's MR-conditional documentation is awaited "
                                                               "or not established in the packet"},
                                        cues=vetoes))
        elif unestablished is None:
            clearances.append(c)
        else:
            ignored.append(ctx.evidence(c, attributes={"note": "MR-conditional status not established"},
                                        cues=[unestablished]))
    # a scan protocol ("a 2023 MRI was done under the VNS MR-conditional protocol") yields to the device's current
    # documentation said to be pending ("MR-conditional documentation: pending"): the pending row wins
    pending = _pending_types(ctx, named)
    for c in [c for c in clearances if pending and _PROTOCOL.matches(ctx.text[c.start:ctx.clause_of(c)[1]])]:
        if _kinds(ctx, named, [c]) & pending:
            clearances.remove(c)
            ignored.append(ctx.evidence(c, attributes={"note": "a scan protocol; the device's MR-conditional "
                                                               "documentation is pending"}, cues=[_PROTOCOL.id]))
    cleared = _subjects(ctx, named, [c for c in clearances if _affirmed(c)])
    unsafe = _subjects(ctx, named, [m for m in ctx.mentions("DEVICE_UNSAFE") if _affirmed(m)])
    # a device documented MR-conditional (or removed) is the same device wherever else it is named, unless the
    # packet also calls that device MR-unsafe
    unsafe_types = {m.attrs.get("device") for m in named if id(m) in unsafe}
    cleared_types = {m.attrs.get("device") for m in named if id(m) in cleared} - unsafe_types - {
        "intravascular_stent", None}
    recency = {id(m): _stent_recency(ctx, m) for m in named
               if m.attrs.get("device") == "intravascular_stent" and mention_status(m) is not FactStatus.ABSENT}
    stent_ages = _dated_stent_statuses(recency.values())
    never = _never_implanted(ctx)
    for m in named:
        device = m.attrs.get("device", "unspecified")
        status = mention_status(m)
        note, cues = "", list[str]()
        if (never_cue := never.get(_device_key(m))) is not None:
            # "no DBS system was ever implanted" on page 5 after an old referral's "DBS leads placed" on page 2: the
            # explicit statement that the patient never had the device outranks every other mention of it
            status, note, cues = FactStatus.ABSENT, "the packet states the device was never implanted", [never_cue]
        elif status is not FactStatus.ABSENT:
            if id(m) in unsafe or device in unsafe_types:
                status, note = FactStatus.PRESENT, "documented as not MR-conditional"
            elif id(m) in cleared:
                status, note = FactStatus.ABSENT, "documented MR-conditional or removed"
            elif device in cleared_types:
                status, note = FactStatus.ABSENT, "the same device is documented MR-conditional in the packet"
            elif device in reversed_kinds:
                # "Status: NOT CLEARED" then "11/20: DBS cleared after implant record received": the review's own
                # later verdict clears the device
                status, note, cues = FactStatus.ABSENT, "cleared by a later verdict of the MRI-safety review that " \
                                                        "had not cleared it", [_NOT_CLEARED.id, _REVERSED.id]
            elif device == "intravascular_stent":
                status, note, cues = recency[id(m)]
                if status is FactStatus.SUSPECTED and len(stent_ages) == 1:
                    # "RCA stent 10/08." after a row "Coronary stent .... Yes - RCA stent 10/08/2026": the stent the
                    # packet dates elsewhere (one age for every dated mention) is the same stent
                    status, note = next(iter(stent_ages)), "the stent dated elsewhere in the packet"
            elif device != "unspecified" and _type_unknown(ctx, m, named):
                if _CLASS_ONLY.matches(m.text):  # "Cardiac device, type unknown  Y": which device is not known
                    device, status, note, cues = "unspecified", FactStatus.SUSPECTED, "device type not known", [
                        _TYPE_UNKNOWN.id, _CLASS_ONLY.id]
                else:  # "Cochlear implant .... YES - model not known": the device is there, its labelling unknown
                    note, cues = "model not known: MR-conditional status not established", [_TYPE_UNKNOWN.id]
            elif device == "unspecified":
                status, note = FactStatus.SUSPECTED, "device type not stated"
        statuses.append(status)
        evidence.append(ctx.evidence(m, assertion=status, attributes={"note": note} if note else None, cues=cues))
        if status in {FactStatus.PRESENT, FactStatus.SUSPECTED}:
            devices.add(device)
    if not statuses:
        aside = [e for e in ignored if e.attributes.get("other_patient")]
        if aside:  # a device told only on another patient's page (facts/patient_pages.py): kept for the reviewer
            return make_fact(name, FactStatus.NOT_DOCUMENTED, [], ignored=aside,
                             note="a device mentioned only on another patient's page")
        return not_documented(name, "no implanted device or MRI safety issue documented")
    return make_fact(name, best_status(statuses), evidence, attributes={"device": sorted(devices)},
                     ignored=ignored, note="MRI safety screen")


def _device_key(m: Mention) -> tuple[str, str]:
    """Which device a mention names, for a statement that it was never implanted: its value, and for a value that
    groups devices of different names (safety.device_kinds_by_name: "VNS", "DBS" and "spinal cord stimulator" are
    all spinal_cord_stimulator) its name too, a name of several words by its initials ("vagus nerve stimulator" is
    "vns")."""
    device = m.attrs.get("device", "unspecified")
    if device not in _KINDS_BY_NAME:
        return device, ""
    words = re.findall(r"[a-z0-9]+", mention_text(m).lower())
    return device, words[0] if len(words) == 1 else "".join(w[0] for w in words)


def _never_implanted(ctx: FactContext) -> dict[tuple[str, str], str]:
    """The devices (`_device_key`) the packet says in so many words were never implanted in the patient, each with
    the cue that says so: the words after a device, up to the next device of its sentence ("VNS was discussed in
    2022 but never implanted", "Spinal cord stimulator: never placed": safety.device_never_implanted_after), or the
    words around it ("she never had a VNS implanted": safety.device_never_had_before; "no DBS system was ever
    implanted": safety.device_none_before)."""
    out: dict[tuple[str, str], str] = {}
    for m in ctx.mentions("MRI_CONTRAINDICATION", counted=False):
        if m.attrs.get("role") == "screen" or m.has("family") or m.has("hypothetical") \
                or m.section == "family_history":
            continue
        others = ctx.same_sentence(m, "MRI_CONTRAINDICATION", counted=False)
        lo, _ = ctx.clause_of(m)
        after = ctx.text[m.end:min((o.start for o in others if o.start >= m.end), default=m.sentence_end)]
        before = ctx.text[max([lo, *(o.end for o in others if o.end <= m.start)]):m.start]
        if _NEVER_AFTER.matches(after):
            said = _NEVER_AFTER.id
        elif _NEVER_HAD_BEFORE.matches(before) and _PUT_IN_AFTER.matches(after):
            said = _NEVER_HAD_BEFORE.id
        elif _NONE_BEFORE.matches(before) and _EVER_AFTER.matches(after):
            said = _NONE_BEFORE.id
        else:
            continue
        out.setdefault(_device_key(m), said)
    return out


def _type_unknown(ctx: FactContext, m: Mention, devices: list[Mention]) -> bool:
    """Its sentence says which device it is is not known, between the devices named before and after it
    ("Implanted cardiac device; device type not yet established", "Cardiac device, type unknown  Y")."""
    here = [o for o in devices if o.sentence_start == m.sentence_start and o is not m]
    lo = max((o.end for o in here if o.end <= m.start), default=m.sentence_start)
    hi = min((o.start for o in here if o.start >= m.end), default=m.sentence_end)
    return _TYPE_UNKNOWN.matches(ctx.text[lo:hi])


def _affirmed(m: Mention) -> bool:
    """A clearance that is stated, not asked for, awaited or denied ("need cardiology to confirm MR-conditional
    status", "MR-conditional documented? No")."""
    return not (m.has("negated") or m.has("uncertain"))


def _lapsed(ctx: FactContext, c: Mention, devices: list[Mention]) -> tuple[str, str] | None:
    """The cue and note when an MR-conditional statement no longer clears its device: in the text after it (up to
    the next clearance statement, the next device of another kind, or LAPSE_REACH characters) its device was changed
    ("Generator replaced 2021 at an outside hospital", "re-implanted 2022") or its MRI-safety review is still to come
    and not settled there ("MR safety review still pending", "do not schedule until the device is cleared");
    None when nothing after it says so."""
    subject = [m for m in devices if id(m) in _subjects(ctx, devices, [c])]
    if not subject:
        return None
    kind = subject[0].attrs.get("device")
    hi = min(len(ctx.text), c.end + LAPSE_REACH)
    for o in ctx.mentions("DEVICE_CLEARED", counted=False):
        if o.start >= c.end:
            hi = min(hi, o.start)
    for o in ctx.mentions("MRI_CONTRAINDICATION", counted=False):
        if o.start >= c.end and o.attrs.get("device") != kind and o.attrs.get("role") != "screen":
            hi = min(hi, o.start)
    after = ctx.text[c.end:hi]
    for change in _CHANGED.regex.finditer(after):
        if not _CHANGE_NOT_DONE.matches(ctx.text[max(0, c.end + change.start() - 40):c.end + change.start()]):
            return _CHANGED.id, "an earlier clearance: the device was changed since"
    for said in (_REVIEW_PENDING, _NOT_CLEARED):
        review = said.regex.search(after)
        if review is not None and not _REMOVAL.matches(c.text) and not _REVIEW_SETTLED.matches(after[review.end():]):
            return said.id, ("the device's MRI-safety review is still pending" if said is _REVIEW_PENDING else
                             "the device's MRI-safety review says it is not cleared")
    return None


def _removal_not_of_device(ctx: FactContext, c: Mention) -> str | None:
    """The cue that makes a removal ("removed") one of a code, a claim line, an order or a chart entry, not of the
    device: the words before it in its clause, after the last device named there, name one ("the duplicate code
    removed", "claim line 3 removed"), or the words right after it say what it was removed from ("removed from the
    claim"); None when the device itself was removed."""
    if not _REMOVAL.matches(c.text):
        return None
    lo, hi = ctx.clause_of(c)
    lo = max([lo, *(m.end for m in ctx.mentions("MRI_CONTRAINDICATION", counted=False) if lo <= m.end <= c.start)])
    if _NOT_DEVICE_REMOVAL.matches(ctx.text[lo:c.start]):
        return _NOT_DEVICE_REMOVAL.id
    return _FROM_RECORD.id if _FROM_RECORD.matches(ctx.text[c.end:hi]) else None


def _statement(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The [start, end) of the statement around [lo, hi): from the last sentence or line end before it to the next
    one after it."""
    start = max((m.end() for m in _STATEMENT_END.finditer(text, max(0, lo - 300), lo)), default=max(0, lo - 300))
    stop = _STATEMENT_END.search(text, hi)
    return start, stop.start() if stop else len(text)


def _open_reviews(ctx: FactContext, devices: list[Mention]) -> tuple[dict[str | None, str], set[str | None]]:
    """The device types whose MRI-safety review the packet says is still pending anywhere (before an MR-conditional
    statement, on another page, in a workqueue or scheduling note: cue safety.clearance_review_pending) or says is
    not cleared or its clearance not verifiable (safety.clearance_review_not_cleared), and that no later statement
    about the device's MR safety settles ("cleared by MR safety 11/20", "MR conditional letter received"), each with
    the cue that says so; EVERY_DEVICE when a review names no device and follows none. A review on another patient's
    page counts for nothing. Second, the device types a review that did not clear them later clears in so many words
    ("Status: NOT CLEARED" then "11/20: DBS cleared after implant record received": safety.clearance_review_reversed)."""
    text = ctx.text
    found = [(r, said.id) for said in (_REVIEW_PENDING, _NOT_CLEARED) for r in said.regex.finditer(text)]
    reviews = [r for r, _ in found]
    aside = {ctx.layout.page_of(m.start) for m in ctx.other_patient_mentions("DEVICE_CLEARED", "MRI_CONTRAINDICATION")}
    out: dict[str | None, str] = {}
    reversed_kinds: set[str | None] = set()
    for r, said in found:
        if aside and ctx.layout.page_of(r.start()) in aside:
            continue
        lo, hi = _statement(text, r.start(), r.end())
        here = [m for m in devices if lo <= m.start < hi]
        before = [m for m in devices if 0 <= r.start() - m.end <= DEVICE_CUE_REACH]
        kinds: set[str | None] = ({m.attrs.get("device") for m in here} if here else
                                  {max(before, key=lambda m: m.end).attrs.get("device")} if before else {EVERY_DEVICE})
        settled = _settling(ctx, r.end(), [(x.start(), x.end()) for x in reviews], devices, kinds)
        if settled is None:
            out |= {k: out.get(k, said) for k in kinds}
        elif said == _NOT_CLEARED.id and _REVERSED.matches(settled.group(0)):
            reversed_kinds |= kinds - {EVERY_DEVICE}
    return out, reversed_kinds - set(out)


def _review_settled(ctx: FactContext, end: int, reviews: list[tuple[int, int]], devices: list[Mention],
                    kinds: set[str | None]) -> bool:
    """Whether a statement after a pending review (ending at `end`) settles it (`_settling`)."""
    return _settling(ctx, end, reviews, devices, kinds) is not None


def _settling(ctx: FactContext, end: int, reviews: list[tuple[int, int]], devices: list[Mention],
              kinds: set[str | None]) -> re.Match[str] | None:
    """The settling word of the first statement after a pending review (ending at `end`) that settles it: a settling
    word (safety.clearance_review_settled), not denied or awaited (safety.clearance_review_not_settled) nor inside
    another pending review (`reviews`, [start, end) spans), in a statement about the device's MR safety
    (safety.clearance_review_subject) that names no other device than the review's; None when none does."""
    text = ctx.text
    for s in _REVIEW_SETTLED.regex.finditer(text, end):
        if any(lo <= s.start() < hi for lo, hi in reviews):
            continue
        lo, hi = _statement(text, s.start(), s.end())
        if _REVIEW_NOT_SETTLED.matches(text[max(lo, s.start() - 40):s.start()]):
            continue
        if not _REVIEW_SUBJECT.matches(text[lo:hi]):
            continue
        named = {m.attrs.get("device") for m in devices if lo <= m.start < hi}
        if named and EVERY_DEVICE not in kinds and not named & kinds:
            continue
        return s
    return None


def _pending_types(ctx: FactContext, devices: list[Mention]) -> set[str | None]:
    """The types of the devices whose MR-conditional clearance the packet says is not established (asked for,
    awaited, not yet received), read from every clearance statement of the patient's, hedged or not ("Current
    MR-conditional documentation: pending")."""
    statements = [c for c in ctx.mentions("DEVICE_CLEARED", counted=False)
                  if not c.has("family") and _unestablished(ctx, c) is not None]
    return _kinds(ctx, devices, statements)


def _awaited_types(ctx: FactContext, devices: list[Mention]) -> dict[str | None, str]:
    """The types of the devices whose MR-conditional documentation the packet says is awaited (an unestablished
    clearance, safety.clearance_unestablished_after or _before, whose clause says pending, not received, to follow:
    safety.clearance_awaited, or not confirmed or established in so many words: safety.clearance_not_established)
    and that no later statement settles ("letter received 11/20"), as for a pending review (`_review_settled`), each
    with the cue that says so."""
    statements = [c for c in ctx.mentions("DEVICE_CLEARED", counted=False)
                  if not c.has("family") and not _REMOVAL.matches(c.text)
                  and _unestablished(ctx, c) in {_UNESTABLISHED_AFTER.id, _UNESTABLISHED_BEFORE.id,
                                                 _REQUESTED_BEFORE.id}]
    spans = [(c.start, ctx.clause_of(c)[1]) for c in statements]
    out: dict[str | None, str] = {}
    for c, (_, hi) in zip(statements, spans, strict=True):
        lo = ctx.clause_of(c)[0]
        clause = ctx.text[lo:hi] + _wrapped(ctx.text, lo, hi)
        # awaited, or said in so many words not to be confirmed or established ("MR-conditional status not
        # confirmed", "compatibility not yet established": safety.clearance_not_established)
        said = _AWAITED.id if _AWAITED.matches(clause) else _NOT_ESTABLISHED.id if _NOT_ESTABLISHED.matches(
            clause) else None
        if said is None:
            continue
        kinds = _kinds(ctx, devices, [c])
        if kinds and not _review_settled(ctx, hi, spans, devices, kinds):
            out |= {k: out.get(k, said) for k in kinds}
    return out


def _pointer(ctx: FactContext, c: Mention) -> str | None:
    """The cue that makes an MR-conditional statement a topic only pointed to: a pointer right before it ("refer to
    cardiology note regarding MR conditional status": safety.clearance_pointer_before) or its status, information
    or source told elsewhere right after it ("MR conditional status: see below", "info on the attached card", "per
    audiology letter to follow": safety.clearance_pointer_after); None when it states the clearance."""
    if _REMOVAL.matches(c.text):
        return None
    if _POINTER_BEFORE.matches(ctx.text[max(0, c.start - POINTER_REACH):c.start]):
        return _POINTER_BEFORE.id
    lo, hi = ctx.clause_of(c)
    if _POINTER_AFTER.matches(ctx.text[c.end:hi] + _wrapped(ctx.text, lo, hi)):
        return _POINTER_AFTER.id
    return None


def _unestablished(ctx: FactContext, c: Mention) -> str | None:
    """The cue that leaves a clearance not established, read in its clause: the words right after it ("MR-conditional
    status requested", "labeling cannot be verified") or right before it ("awaiting vendor confirmation that the
    implant is MR conditional", "has not been confirmed as MR conditional"); or, in its sentence, a prior scan that
    went well as its only ground ("MRI compatible - previous MRIs uneventful"); None when nothing says so."""
    lo, hi = ctx.clause_of(c)
    after = ctx.text[c.end:hi] + _wrapped(ctx.text, lo, hi)
    if _UNESTABLISHED_AFTER.matches(after):
        return _UNESTABLISHED_AFTER.id
    if _UNESTABLISHED_BEFORE.matches(ctx.text[lo:c.start]):
        return _UNESTABLISHED_BEFORE.id
    if _requested(ctx, c, after):
        return _REQUESTED_BEFORE.id  # "Information requested: model, MR-conditional labelling": asked for, not had
    clause = ctx.text[lo:hi]
    if _WEAK_SOURCE.matches(clause) and not _SOURCE_NAMED.matches(clause) and not _REMOVAL.matches(c.text):
        return _WEAK_SOURCE.id  # "MRI-safe per patient", "another plan's reviewer said it is MR conditional"
    if (_CONDITIONAL_ON.matches(after) or _inside_condition(ctx.text[lo:c.start])) and not _CONDITION_MET.matches(
            ctx.text[c.end:min(len(ctx.text), c.end + CONDITION_REACH)].split("\n\n")[0]):
        return _CONDITIONAL_ON.id  # "MR conditional when paired with approved leads", the leads not documented
    sentence = ctx.sentence_text(c)
    if _FROM_PRIOR_SCAN.matches(sentence) and not _DOCUMENTED.matches(sentence):
        return _FROM_PRIOR_SCAN.id  # "MRI compatible - previous MRIs uneventful": inferred from a scan, not shown
    return None


def _requested(ctx: FactContext, c: Mention, after: str) -> bool:
    """Whether an MR-conditional statement names a document (safety.clearance_requested_document) that the words
    before it in its sentence ask for ("I have requested the MR conditional labelling", "Documents requested:
    operative note; MR-conditional card": safety.clearance_requested_before), and its clause does not say the
    document is in hand (safety.clearance_requested_answered)."""
    return (not _REMOVAL.matches(c.text) and _REQUESTED_DOCUMENT.matches(ctx.text[c.start:c.end] + after)
            and _REQUESTED_BEFORE.matches(ctx.text[c.sentence_start:c.start])
            and not _REQUESTED_ANSWERED.matches(after))


def _inside_condition(before: str) -> bool:
    """Whether a clearance is named inside another's condition, at most two words after it ("MR conditional only
    when paired with MR-conditional leads": the second is the condition, no clearance of its own)."""
    for start in (w.start() for w in re.finditer(r"(?<!\S)\S", before)):
        m = _CONDITIONAL_ON.regex.match(before[start:])
        if m is not None and re.fullmatch(r"\s*(?:[\w/-]+\s+){0,2}", before[start + m.end():]):
            return True
    return False


def _wrapped(text: str, lo: int, hi: int) -> str:
    """The next line of a clause [lo, hi) that ends at a line break without a sentence mark, when the statement
    wraps there: the next line opens in lower case ("MR conditional status\\npending"), or both lines are written
    in capitals and the next one is no labelled row ("MR CONDITIONAL STATUS OF THE SYSTEM\\nNOT CONFIRMED");
    "" otherwise."""
    here = text[lo:hi].rstrip(" \t")
    nxt = _WRAPPED_LINE.match(text, lo + len(here) - 1 if here.endswith("\n") else hi)
    if nxt is None or not nxt.group(1).strip() or re.search(r"[.!?:]\s*$", here):
        return ""
    line = nxt.group(1)
    if line.lstrip()[:1].islower() or (here.isupper() and line.isupper() and ":" not in line):
        return " " + line
    return ""


def _planned(ctx: FactContext, m: Mention) -> str | None:
    """The cue that places the device in a plan, not in the patient ("consider DBS", "VNS only if ...", "stent
    constriction vs transplant"), unless the words after it say the patient has it ("referred for pacemaker
    interrogation"). Devices joined by a coordinator only share the words before the first and after the last
    ("consider VNS or RNS", "RNS or VNS would be discussed later")."""
    lo, hi = ctx.clause_of(m)
    # the screen's word "implant" right after the device is the device's own noun ("SCS permanent implant
    # scheduled"): the device's phrase reads on through it (safety.device_own_noun)
    others = sorted((o for o in ctx.same_sentence(m, "MRI_CONTRAINDICATION", counted=False) if lo <= o.start < hi
                     and not (o.attrs.get("role") == "screen" and o.start >= m.end
                              and _OWN_NOUN.matches(ctx.text[m.end:o.start] + mention_text(o)))),
                    key=lambda o: o.start)
    first, last = m, m  # the devices joined to this one by a coordinator only ("RNS or VNS"): one plan reaches all
    for o in reversed([o for o in others if o.end <= m.start]):
        if not _COORDINATION.matches(ctx.text[o.end:first.start]):
            break
        first = o
    for o in (o for o in others if o.start >= m.end):
        if not _COORDINATION.matches(ctx.text[last.end:o.start]):
            break
        last = o
    before = max((o.end for o in others if o.end <= first.start), default=lo)
    after = min((o.start for o in others if o.start >= last.end), default=hi)
    phrase = ctx.text[last.end:after]
    end = _PHRASE_END.search(phrase)
    if _IN_PLACE.matches(phrase[:end.start] if end is not None else phrase):
        return None  # the words of the device's own phrase say the patient has it
    if _PLANNED_BEFORE.matches(ctx.text[before:first.start]):
        return _PLANNED_BEFORE.id
    if _PLANNED_AFTER.matches(ctx.text[last.end:after]):
        return _PLANNED_AFTER.id
    if _INDEFINITE_BEFORE.matches(ctx.text[before:first.start]) and _TALKED_AFTER.matches(ctx.text[last.end:after]):
        return _TALKED_AFTER.id  # "A VNS was discussed": an option talked of ("Her VNS was discussed" is hers)
    if _OPTIONS_NAMED.matches(ctx.text[lo:first.start]):
        return _OPTIONS_NAMED.id  # "Options: VNS vs RNS vs resection", "pros and cons of VNS versus surgery"
    if _VERSUS_TREATMENT.search(ctx.text[last.end:after]) is not None \
            or _VERSUS_TREATMENT.matches(ctx.text[before:first.start]):
        return _VERSUS_TREATMENT.id  # "VNS vs surgery", "resection or VNS": one side of a choice of treatments
    if _OPTION.matches(ctx.text[m.end:after if last is m else last.start]) and _OPTION_LIST.matches(ctx.text[lo:hi]):
        return _OPTION.id  # "stent constriction vs transplant": a procedure on a device, one option of a plan
    return None


def _kinds(ctx: FactContext, devices: list[Mention], statements: list[Mention]) -> set[str | None]:
    """The device types the statements speak of (their subjects' `device`)."""
    return {m.attrs.get("device") for m in devices if id(m) in _subjects(ctx, devices, statements)}


def _subjects(ctx: FactContext, devices: list[Mention], statements: list[Mention]) -> set[int]:
    """The device each statement speaks of (ids): the nearest device before it in its sentence, else the nearest
    after it there ("MR-conditional pacemaker"), else the nearest device up to DEVICE_CUE_REACH characters before
    it ("Pacemaker placed 2019. It is MR-conditional.")."""
    out: set[int] = set()
    for c in statements:
        here = [m for m in devices if m.sentence_start == c.sentence_start]
        before = [m for m in here if m.end <= c.start] or [
            m for m in devices if 0 <= c.start - m.end <= DEVICE_CUE_REACH]
        after = [m for m in here if m.start >= c.end]
        if before:
            out.add(id(max(before, key=lambda m: m.end)))
        elif after:
            out.add(id(min(after, key=lambda m: m.start)))
    return out


def device_of_age(ctx: FactContext, age: Mention) -> Mention | None:
    """The device a stated age (an AGE mention) is the age of: one named just before it ("coronary stent is more
    than 6 years old") or right after it ("a 6-year-old coronary stent"); None when the age is a person's."""
    for device in ctx.same_sentence(age, "MRI_CONTRAINDICATION", counted=False):
        if device.end <= age.start and _AGE_AFTER_DEVICE.matches(ctx.text[device.end:age.start]):
            return device
        if device.start >= age.end and _AGE_BEFORE_DEVICE.matches(ctx.text[age.end:device.start]):
            return device
    return None


def _stated_age(ctx: FactContext, m: Mention) -> tuple[int, str, list[str]] | None:
    """The stent's age stated in days, as (days, bound, cues): its own age ("stent is more than six years old",
    "a 3-week-old stent") or a relative date after it in its clause ("placed ten weeks ago"); `bound` is "upper"
    ("less than 2 years old"), "lower" ("over 6 weeks ago") or "" (as stated)."""
    lo, hi = ctx.clause_of(m)
    found: list[tuple[Mention, int, list[str]]] = []
    for age in ctx.same_sentence(m, "AGE", counted=False):
        days = parse_age_days(mention_text(age))
        if days is not None and device_of_age(ctx, age) is m:
            found.append((age, days, [_AGE_AFTER_DEVICE.id if age.start >= m.end else _AGE_BEFORE_DEVICE.id]))
    if ctx.reference_date is not None:
        for d in ctx.same_sentence(m, "DATE", counted=False):
            if d.attrs.get("precision") != "relative" or not (m.end <= d.start < hi) or \
                    d.start - m.end > STENT_DATE_WINDOW or not _COUNTED_BACK.matches(mention_text(d)):
                continue
            when = mention_date(d, reference=ctx.reference_date)
            if when is not None:
                found.append((d, (ctx.reference_date - when).days, [_COUNTED_BACK.id]))
    if not found:
        return None
    said, days, cues = min(found, key=lambda f: abs(f[0].start - m.end))
    before = ctx.text[max(lo, said.start - 30):said.start]
    if _UPPER_BOUND.matches(before):
        return days, "upper", [*cues, _UPPER_BOUND.id]
    if _LOWER_BOUND.matches(before):
        return days, "lower", [*cues, _LOWER_BOUND.id]
    return days, "", cues


def _dated_stent_statuses(readings: Iterable[tuple[FactStatus, str, list[str]]]) -> set[FactStatus]:
    """The statuses the packet's dated (or aged) stent mentions give, from their `_stent_recency` readings: one
    status when every stent whose date or age is written is recent, or every one is old; an undated mention of a
    stent then takes it. An undated stent is suspected, or present by a recency cue alone: neither is dated."""
    return {status for status, _, cues in readings
            if status is not FactStatus.SUSPECTED and _RECENT_STENT.id not in cues}


def _stent_recency(ctx: FactContext, m: Mention) -> tuple[FactStatus, str, list[str]]:
    """Status, note and the cues that decided: a dated stent by its age, one whose age is stated ("more than six
    years old", "placed ten weeks ago") by that age, an undated one by a recency cue."""
    when = ctx.date_of(m, window=STENT_DATE_WINDOW, relative=False)
    if when is not None and ctx.reference_date is not None:
        age = (ctx.reference_date - when).days
        # a date on the row's wrapped note ("coronary stent  Y  DES x2" / "LAD 04/2023 | ..."): cite the cue
        dated = [NOTE_WRAPS_CUE] if (m.start, m.end, m.concept) in ctx.dated_by_wrapped_note else []
        if age <= RECENT_STENT_DAYS:
            return FactStatus.PRESENT, f"stent placed {age} days before the request", dated
        return FactStatus.ABSENT, f"stent placed {age} days before the request (over 6 weeks)", dated
    stated = _stated_age(ctx, m)
    if stated is not None:
        days, bound, cues = stated
        if days <= RECENT_STENT_DAYS and bound != "lower":
            return FactStatus.PRESENT, f"stent age stated: {days} days or less", cues
        if days >= RECENT_STENT_DAYS and bound != "upper":
            return FactStatus.ABSENT, f"stent age stated: {days} days or more (over 6 weeks)", cues
    if _RECENT_STENT.matches(ctx.sentence_text(m)):
        return FactStatus.PRESENT, "stent described as recent", [_RECENT_STENT.id]
    return FactStatus.SUSPECTED, "stent date not documented", []

