"""A diagnosis whose doubt is told by the predicate after it, or by a "cannot tell X from Y" frame, is suspected
(context.yaml poss.hedge_predicate, poss.tell_apart, poss.tell_apart_withheld, poss.tell_apart_passive).

The class: the diagnosis opens its clause and the hedge comes after it, in the predicate ("metastasis is currently
suspected", "an oligodendroglioma is as yet unproven", "metastasis is presumed on imaging", "a low-grade glioma has
yet to be proven", "metastasis is currently the leading consideration", "a low grade glioma is felt to be the most
likely diagnosis"); or a study cannot tell two diagnoses apart ("MRI cannot reliably tell a glioma from lymphoma",
"does not allow separation of glioma from demyelination", "recurrence cannot be separated from radiation
necrosis", "lymphoma is indistinguishable from glioblastoma"). poss.backward holds the bare predicates ("is
favored", "remains unproven", "is suspected"); an adverb inside ("currently", "as yet", "still": term.conjunction
ends the reach there), a qualifier inside a rank ("the leading diagnostic consideration"), a presumption with its
grounds after it (poss.presumed then hedged the grounds: "presumed on imaging" made the imaging uncertain) or a
proof still wanting ("has yet to be proven", "has not been established") read the diagnosis present; an adverb before
"tell"/"separate" or a noun ("separation of", "distinction of") after "not allow" let the "not" negate both sides,
and the passive ("cannot be separated from") negated the side after "from".

The rule: poss.hedge_predicate, a backward cue that is the whole predicate from its copula to its hedge word (so it
wins over the shorter cues inside it), bounded to 12 tokens, diagnoses only, not before "to"/"over"/"than"/"that"
(other cues' frames), not in a sentence about a device's MR clearance; poss.tell_apart now lets an adverb stand
before the verb; poss.tell_apart_withheld ("not allow/permit ... separation/distinction/differentiation of ...
from/between") and poss.tell_apart_passive ("X cannot be separated/told apart/distinguished from Y", "X is
indistinguishable from Y", the word after "from" naming a diagnosis) make both sides suspected.

Near misses keep their reading (ids "near"): a proven tumour "favored to respond" (pseudo.favored_outcome), "the
favored treatment is resection of the glioblastoma" (pseudo.favored_choice), "Astrocytoma, confirmed.", a
confirmed meningioma beside "no other lesion is suspected", "we can tell this is a meningioma", "cannot tell when the
seizures began", a suspicion the same clause confirms ("lymphoma was suspected in 2019 and confirmed on biopsy":
poss.considered's needs_after), a tumour that could not be separated from an anatomical structure at surgery, "the
primary diagnosis"/"the current diagnosis", a subject a denial opens ("No definite metastasis is currently
suspected": negated, scope denied_suspicion), "presumed to be" (poss.presumed's, forward), a withdrawal ("was
suspected but was not confirmed", negated).

Limits: the hedge must follow its diagnosis in one clause within 12 tokens (a long subject with asides may be out of
reach); "was suspected; biopsy confirmed it" (a confirmation in another clause) and "the biopsy confirmed it" (the
confirming test as subject) stay suspected here (the fact layer's supersession may settle them); a hedge predicate
on a plural subject list reaches only the items in its window; "cannot tell" frames whose two sides are not
joined by from/between/and stay as they were.

Rows: id, text, concept, the mention's text, its expected modifiers among negated/uncertain, whether the evidence
must cite one of this class's rules.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}
RULES = {"poss.hedge_predicate", "poss.tell_apart", "poss.tell_apart_withheld", "poss.tell_apart_passive"}

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    # ------------------------------------------------ an adverb inside the predicate
    "currently-suspected": ("Lymphoma is currently suspected.", "CNS_LYMPHOMA", "Lymphoma", HEDGE, True),
    "as-yet-unproven": ("An oligodendroglioma is as yet unproven.", "GLIOMA", "oligodendroglioma", HEDGE, True),
    "still-unproven": ("Recurrence is still unproven.", "RECURRENCE", "Recurrence", HEDGE, True),
    "remains-unproved": ("The metastasis remains unproved.", "BRAIN_METASTASIS", "metastasis", HEDGE, True),
    "unconfirmed-at-stage": ("CNS lymphoma is unconfirmed at this stage.", "CNS_LYMPHOMA", "CNS lymphoma", HEDGE,
                             True),
    "past-an-aside": ("Glioma (WHO grade 2, IDH-mutant) is currently suspected.", "GLIOMA", "Glioma", HEDGE, True),
    "two-subjects": ("Lymphoma or glioblastoma is currently favoured.", "CNS_LYMPHOMA", "Lymphoma", HEDGE, True),
    # ------------------------------------------------ a presumption with its grounds or a verb after it
    "presumed-on-imaging": ("Metastasis is presumed on imaging alone.", "BRAIN_METASTASIS", "Metastasis", HEDGE,
                            True),
    "presumed-but-unproven": ("A glioblastoma is presumed but unproven.", "GLIOMA", "glioblastoma", HEDGE, True),
    "was-presumed-treated": ("A cerebral abscess was presumed and treated empirically.", "BRAIN_INFECTION",
                             "cerebral abscess", HEDGE, True),
    # ------------------------------------------------ a proof still wanting
    "yet-to-be-proven": ("A low-grade glioma has yet to be proven.", "GLIOMA", "low-grade glioma", HEDGE, True),
    "still-to-be-proven": ("Toxoplasmosis is still to be proven.", "BRAIN_INFECTION", "Toxoplasmosis", HEDGE, True),
    "not-established-histologically": ("A glioma has not been established histologically.", "GLIOMA", "glioma",
                                       HEDGE, True),
    "not-histologically-proven": ("The glioma is not histologically proven.", "GLIOMA", "glioma", HEDGE, True),
    # ------------------------------------------------ a rank with a qualifier
    "currently-leading": ("Metastasis is currently the leading consideration.", "BRAIN_METASTASIS", "Metastasis",
                          HEDGE, True),
    "leading-diagnostic-consideration": ("Glioma is the leading diagnostic consideration.", "GLIOMA", "Glioma",
                                         HEDGE, True),
    "still-working-diagnosis": ("Abscess is still the working diagnosis.", "BRAIN_INFECTION", "Abscess", HEDGE,
                                True),
    "felt-most-likely-diagnosis": ("A low grade glioma is felt to be the most likely diagnosis.", "GLIOMA",
                                   "low grade glioma", HEDGE, True),
    "most-likely-diagnosis": ("Glioblastoma is the most likely diagnosis.", "GLIOMA", "Glioblastoma", HEDGE, True),
    # a bare rank is poss.leading's, which reaches both ways (also a subject's expansion in brackets)
    "leading-after-a-parenthesis": ("Leigh syndrome (subacute necrotising encephalomyelopathy with symmetric "
                                         "basal ganglia lesions) is the leading consideration.", "MITOCHONDRIAL",
                                         "Leigh syndrome", HEDGE, False),
    # ------------------------------------------------ cannot tell X from Y, an adverb before the verb
    "cannot-reliably-tell-x": ("MRI cannot reliably tell a glioma from lymphoma.", "GLIOMA", "glioma", HEDGE, True),
    "cannot-reliably-tell-y": ("MRI cannot reliably tell a glioma from lymphoma.", "CNS_LYMPHOMA", "lymphoma", HEDGE,
                               True),
    "cannot-confidently-separate": ("CT cannot confidently separate an abscess from a cystic metastasis.",
                                    "BRAIN_INFECTION", "abscess", HEDGE, True),
    # ------------------------------------------------ ... the verb made a noun after "not allow/permit"
    "not-allow-separation-x": ("The scan does not allow separation of glioma from demyelination.", "GLIOMA",
                               "glioma", HEDGE, True),
    "not-allow-separation-y": ("The scan does not allow separation of glioma from demyelination.", "DEMYELINATION",
                               "demyelination", HEDGE, True),
    "not-permit-differentiation": ("These sequences do not permit differentiation of recurrence from "
                                   "pseudoprogression.", "RECURRENCE", "recurrence", HEDGE, True),
    "not-allow-confident-distinction": ("The images do not allow a confident distinction of lymphoma from "
                                        "toxoplasmosis.", "CNS_LYMPHOMA", "lymphoma", HEDGE, True),
    # ------------------------------------------------ ... in the passive, or as an adjective
    "cannot-be-separated-x": ("Recurrence cannot be separated from radiation necrosis on this study.", "RECURRENCE",
                              "Recurrence", HEDGE, True),
    "cannot-be-separated-y": ("Lymphoma could not be separated from glioblastoma.", "GLIOMA", "glioblastoma", HEDGE,
                              True),
    "told-apart": ("Lymphoma could not be told apart from glioblastoma.", "CNS_LYMPHOMA", "Lymphoma", HEDGE, True),
    "indistinguishable-x": ("Lymphoma is indistinguishable from glioblastoma on these images.", "CNS_LYMPHOMA",
                            "Lymphoma", HEDGE, True),
    "indistinguishable-y": ("Lymphoma is indistinguishable from glioblastoma on these images.", "GLIOMA",
                            "glioblastoma", HEDGE, True),
    "not-reliably-distinguishable": ("The abscess is not reliably distinguishable from a necrotic metastasis.",
                                     "BRAIN_METASTASIS", "metastasis", HEDGE, True),
    # ------------------------------------------------ already read suspected (kept)
    "favored-but-not-proven": ("A diffuse astrocytoma is favoured but not yet proven.", "GLIOMA",
                               "diffuse astrocytoma", HEDGE, False),
    "suspected-but-unconfirmed": ("Tumefactive demyelination is suspected but not yet confirmed.", "DEMYELINATION",
                                  "Tumefactive demyelination", HEDGE, False),
    "working-diagnosis": ("A metastasis is the working diagnosis.", "BRAIN_METASTASIS", "metastasis", HEDGE, False),
    "thought-most-likely": ("Lymphoma is thought most likely.", "CNS_LYMPHOMA", "Lymphoma", HEDGE, False),
    "cannot-tell-both": ("Perfusion cannot tell recurrence from radiation necrosis.", "RECURRENCE", "recurrence",
                         HEDGE, False),
    "unable-to-discriminate": ("We are unable to discriminate lymphoma from toxoplasmosis.", "CNS_LYMPHOMA",
                               "lymphoma", HEDGE, False),
    "impossible-to-differentiate": ("It was not possible to differentiate metastasis from abscess.",
                                    "BRAIN_INFECTION", "abscess", HEDGE, False),
    # ------------------------------------------------ near misses
    "near-proven-favored-to-respond": ("Glioblastoma, proven on biopsy, is favored to respond to radiotherapy.",
                                       "GLIOMA", "Glioblastoma", NONE, False),
    "near-confirmed": ("Astrocytoma, confirmed.", "GLIOMA", "Astrocytoma", NONE, False),
    "near-no-other-suspected": ("Pathology confirmed a meningioma; no other lesion is suspected.", "BRAIN_TUMOR",
                                "meningioma", NONE, False),
    "near-favored-treatment": ("The favored treatment is resection of the glioblastoma.", "GLIOMA", "glioblastoma",
                               NONE, False),
    "near-can-tell": ("We can tell this is a meningioma.", "BRAIN_TUMOR", "meningioma", NONE, False),
    "near-cannot-tell-when": ("The patient cannot tell when the seizures began.", "SEIZURE", "seizures", NONE, False),
    "near-suspected-then-confirmed": ("Lymphoma was suspected in 2019 and confirmed on biopsy.", "CNS_LYMPHOMA",
                                      "Lymphoma", NONE, False),
    "near-suspected-later-confirmed": ("Metastasis was suspected in March and later confirmed at resection.",
                                       "BRAIN_METASTASIS", "Metastasis", NONE, False),
    "near-suspected-not-confirmed": ("Demyelination was suspected and not confirmed.", "DEMYELINATION",
                                     "Demyelination", HEDGE, False),
    "near-withdrawn": ("Lymphoma was suspected but was not confirmed.", "CNS_LYMPHOMA", "Lymphoma", NEG, False),
    "near-surgical-separation": ("The glioma could not be separated from the optic chiasm at surgery.", "GLIOMA",
                                 "glioma", NONE, False),
    "near-surgeon-separated": ("The surgeon separated the meningioma from the dura.", "BRAIN_TUMOR", "meningioma",
                               NONE, False),
    "near-primary-diagnosis": ("Glioblastoma is the primary diagnosis; epilepsy is secondary.", "GLIOMA",
                               "Glioblastoma", NONE, False),
    "near-current-diagnosis": ("Glioblastoma is the current diagnosis.", "GLIOMA", "Glioblastoma", NONE, False),
    "near-other-clause": ("Pathology confirmed a meningioma, and a second lesion is currently suspected.",
                          "BRAIN_TUMOR", "meningioma", NONE, False),
    "near-treated-then-suspected": ("The glioblastoma was resected in 2020 and recurrence is currently suspected.",
                                    "GLIOMA", "glioblastoma", NONE, False),
    "near-presumed-benign": ("A meningioma is presumed benign.", "BRAIN_TUMOR", "meningioma", NONE, False),
    "near-device-not-established": ("The stimulator's MR conditional status is not established.", "DEVICE_CLEARED",
                                    "MR conditional", HEDGE, False),
    "near-denied-subject": ("No definite metastasis is currently suspected.", "BRAIN_METASTASIS", "metastasis", NEG,
                            False),
    "near-now-proven": ("The lymphoma is now biopsy proven.", "CNS_LYMPHOMA", "lymphoma", NONE, False),
    "near-presumed-to-be": ("The lesion is presumed to be a metastasis.", "BRAIN_METASTASIS", "metastasis", HEDGE,
                            False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_hedge_in_the_predicate(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULES & set(mention.modifier_rules), mention.modifier_rules
