"""A "vs" between two measurements is no differential, through the real NLP stage to the facts
(conventional_imaging_inconclusive; rules: targets.yaml look.measure_versus, img.inconclusive; context.yaml
poss.versus).

Sizes with an approximation or a qualifier ("~1.6 cm vs ~0.9 cm", "2.1 cm vs previously 1.5 cm"), a time aside
("22 mm (today) vs 15 mm (prior)"), a count ("6 vs 2 lesions") or a rate ("3 seizures/month vs 10 before") never
make the study's read inconclusive, and the study keeps its date. Near misses: a "vs" between diagnoses beside a
size stays inconclusive.

Rows: id, text, expected status of conventional_imaging_inconclusive (a status or a set of allowed statuses), the
date the first study must carry (None: no check). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NOT_P = frozenset({S, A, N})
INC = "conventional_imaging_inconclusive"

CASES: list[tuple[str, str, FactStatus | frozenset[FactStatus], str | None]] = [
    ("tilde sizes in parentheses", "MRI brain 10/02/2026: enlarging left frontal glioma (my estimate ~1.6 cm vs "
     "~0.9 cm).", NOT_P, "2026-10-02"),
    ("tilde sizes, size label", "MRI 10/03/2026: right parietal metastasis, size ~14 mm vs ~9 mm.", NOT_P,
     "2026-10-03"),
    ("previously after vs", "MRI 10/04/2026: Right frontal metastasis 2.1 cm vs previously 1.5 cm.", NOT_P,
     "2026-10-04"),
    ("time asides", "MRI 10/05/2026: glioblastoma, enhancing part 22 mm (today) vs 15 mm (prior).", NOT_P,
     "2026-10-05"),
    ("count of lesions", "MRI 10/06/2026: metastases, 6 vs 2 lesions.", NOT_P, "2026-10-06"),
    ("seizure rate", "MRI 10/07/2026: known left temporal glioma; 3 seizures/month vs 10 before.", NOT_P,
     "2026-10-07"),
    ("near: size then recurrence vs necrosis", "MRI 10/02/2026: 1.6 cm lesion: recurrence vs necrosis.", P, None),
    ("near: GBM vs lymphoma with a count", "MRI 10/02/2026: GBM vs lymphoma (2 lesions).", P, None),
    ("near: size then progression vs pseudoprogression", "MRI 10/02/2026: enlarging 14 mm focus - progression vs "
     "pseudoprogression.", P, None),
]


@pytest.mark.parametrize(("text", "expected", "study_date"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_versus_between_measurements_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                           expected: FactStatus | frozenset[FactStatus],
                                           study_date: str | None) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL)
    f = facts.facts[INC]
    allowed = expected if isinstance(expected, frozenset) else {expected}
    assert f.status in allowed, (f.status, f.note, [(e.text, e.assertion, e.modifier_rules) for e in f.evidence])
    if study_date is not None:
        dates = [s.date for s in facts.imaging]
        assert dates and dates[0] == study_date and all(d == study_date for d in dates), dates
