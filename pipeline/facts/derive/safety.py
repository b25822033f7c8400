"""MRI safety: implanted devices, their MR-conditional status, and stent recency."""

from __future__ import annotations

from ...contracts import Evidence, Fact, FactStatus, Mention
from ..context import FactContext, best_status, mention_status
from ..cues import cue
from .base import Resolver, derivation, make_fact, not_documented

_RECENT_STENT = cue("safety.recent_stent")
RECENT_STENT_DAYS = 42
"""A stent placed this many days (6 weeks) before the request or fewer is recent: MRI waits."""
STENT_DATE_WINDOW = 60
"""How far (characters) from a stent mention its placement date may be written."""
DEVICE_CUE_REACH = 160
"""How far (characters) after a device an MR-conditional or MR-unsafe statement still speaks of it."""


@derivation("mri_contraindication")
def mri_contraindication(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence: list[Evidence] = []
    statuses: list[FactStatus] = []
    devices: set[str] = set()
    cleared = [m for m in ctx.mentions("DEVICE_CLEARED") if not m.has("negated")]
    unsafe = [m for m in ctx.mentions("DEVICE_UNSAFE") if not m.has("negated")]
    devices_all = ctx.mentions("MRI_CONTRAINDICATION")

    def near(m: Mention, cues: list[Mention]) -> bool:
        return any(c.sentence_start == m.sentence_start or 0 <= c.start - m.end <= DEVICE_CUE_REACH for c in cues)

    def cleared_here(m: Mention) -> bool:
        return near(m, cleared) and not near(m, unsafe)

    # a device documented MR-conditional (or removed) anywhere is the same device wherever else it is named,
    # unless the packet also calls that device MR-unsafe
    unsafe_types = {m.attrs.get("device") for m in devices_all if near(m, unsafe)}
    cleared_types = {m.attrs.get("device") for m in devices_all if cleared_here(m)} - unsafe_types - {
        "intravascular_stent", None}
    for m in devices_all:
        device = m.attrs.get("device", "unspecified")
        status = mention_status(m)
        note, cues = "", list[str]()
        if status is not FactStatus.ABSENT:
            if near(m, unsafe) or device in unsafe_types:
                status, note = FactStatus.PRESENT, "documented as not MR-conditional"
            elif cleared_here(m):
                status, note = FactStatus.ABSENT, "documented MR-conditional or removed"
            elif device in cleared_types:
                status, note = FactStatus.ABSENT, "the same device is documented MR-conditional in the packet"
            elif device == "intravascular_stent":
                status, note, cues = _stent_recency(ctx, m)
            elif device == "unspecified":
                status, note = FactStatus.SUSPECTED, "device type not stated"
        statuses.append(status)
        evidence.append(ctx.evidence(m, assertion=status, attributes={"note": note} if note else None, cues=cues))
        if status in {FactStatus.PRESENT, FactStatus.SUSPECTED}:
            devices.add(device)
    if not statuses:
        return not_documented(name, "no implanted device or MRI safety issue documented")
    return make_fact(name, best_status(statuses), evidence, attributes={"device": sorted(devices)},
                     ignored=[ctx.evidence(m) for m in ctx.ignored("MRI_CONTRAINDICATION")],
                     note="MRI safety screen")


def _stent_recency(ctx: FactContext, m: Mention) -> tuple[FactStatus, str, list[str]]:
    """Status, note and the cues that decided: a dated stent by its age, an undated one by a recency cue."""
    when = ctx.date_of(m, window=STENT_DATE_WINDOW, relative=False)
    if when is not None and ctx.reference_date is not None:
        age = (ctx.reference_date - when).days
        if age <= RECENT_STENT_DAYS:
            return FactStatus.PRESENT, f"stent placed {age} days before the request", []
        return FactStatus.ABSENT, f"stent placed {age} days before the request (over 6 weeks)", []
    if _RECENT_STENT.matches(ctx.sentence_text(m)):
        return FactStatus.PRESENT, "stent described as recent", [_RECENT_STENT.id]
    return FactStatus.SUSPECTED, "stent date not documented", []

