"""Family screening of an inherited disease: the disease is a relative's, or the patient only carries it.

1. The patient told as the relative of an affected person ("older brother of a boy with Krabbe disease", "twin
   sister of a child with MLD", "the son of an affected woman (Fabry disease)"): the disease is that person's
   (fam.relative_of_affected). Not the patient named as the affected person ("sister of the patient (who has MLD)"),
   nor "the"/"this" child a parent speaks for ("Mother of this child with MLD reports ...").
2. A possessive that names a relative's disease ("because of her cousin Ava's adrenoleukodystrophy", "his father's
   Wilson disease", also after a preposition that used to make the relative fam.in_relative's backward cue):
   fam.relative_possessive. Not a relative's report, concern or study ("Per her mother's report, ...").
3. A diagnosis line whose qualifier says it is family history ("Krabbe disease - family history (sister)", "Wilson
   disease: FHx only", "MLD (sibling)"): fam.history_qualifier, reaching back over the diagnosis of its line. Not a
   family history of something else after it ("Canavan disease - family history of epilepsy"), nor a family history
   denied.
4. Carrier status ("unaffected carrier of Tay-Sachs", "heterozygous carrier of a familial ARSA variant (MLD)",
   "X-ALD: obligate carrier, asymptomatic", "known Canavan disease carrier"): the disease is the family's, not the
   patient's (fam.carrier_state; FAMILY, so the mention is kept as ignored evidence; not negated: an X-linked carrier
   can later manifest, and a negation would settle earlier hedges as a later exclusion does). A manifesting or
   symptomatic carrier has the disease; carrier testing keeps its reading; an insurance carrier is no carrier.
5. What a family read, heard or looked up about a disease ("after reading about spectroscopy in Canavan research",
   "has read up on X-ALD", "researched adrenoleukodystrophy online") is a lay source, no finding
   (hyp.lay_reading_about, beside hyp.lay_source); not the patient's own disease ("read up on her Krabbe disease").
6. A chance told for future pregnancies or children ("each pregnancy carries a 25% chance of MLD", "the likelihood of
   Krabbe disease in a future sibling") is hypothetical, as a risk is (hyp.if: chance, likelihood, probability, odds).

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
F, H, NONE = {"family"}, {"hypothetical"}, set()
LEUKO, IEM, MITO = "LEUKODYSTROPHY", "INBORN_ERROR", "MITOCHONDRIAL"
OF, POSS, QUAL, CARRIER, READ = ("fam.relative_of_affected", "fam.relative_possessive", "fam.history_qualifier",
                                 "fam.carrier_state", "hyp.lay_reading_about")

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # 1. the patient as the relative of an affected person
    ("of: older brother of a boy", "Patient is the older brother of a boy with Krabbe disease.", LEUKO,
     "Krabbe disease", F, OF),
    ("of: twin sister of a child", "She is the twin sister of a child with MLD.", LEUKO, "MLD", F, OF),
    ("of: daughter of a man", "Daughter of a man with X-ALD; referred for MRS screening.", LEUKO, "X-ALD", F, OF),
    ("of: sibling of two affected boys", "Asymptomatic younger sibling of two affected boys with metachromatic "
     "leukodystrophy.", LEUKO, "metachromatic leukodystrophy", F, OF),
    ("of: cousin of a girl who has", "Cousin of a girl who has Canavan disease, here for a baseline study.", IEM,
     "Canavan disease", F, OF),
    ("of: capitals", "HALF-BROTHER OF AN INFANT WITH KRABBE DISEASE", LEUKO, "KRABBE DISEASE", F, OF),
    ("of: nephew of a man diagnosed", "The nephew of a man diagnosed with adrenoleukodystrophy (ALD).", LEUKO,
     "adrenoleukodystrophy", F, OF),
    ("of: line wrap and an age", "Identical twin of a 4-year-old girl with\nmetachromatic leukodystrophy.", LEUKO,
     "metachromatic leukodystrophy", F, OF),
    ("of: affected woman in parentheses", "Son of an affected woman (Fabry disease).", IEM, "Fabry disease", F, OF),
    ("of: sib, w/", "sib of a child w/ Tay-Sachs disease", IEM, "Tay-Sachs disease", F, OF),
    ("of: granddaughter, MELAS", "Granddaughter of a woman with MELAS, seen for headaches.", MITO, "MELAS", F, OF),
    ("near of: sister of the patient who has it", "Sister of the patient (who has MLD) is well.", LEUKO, "MLD", NONE,
     None),
    ("near of: the patient a boy with", "The patient, a 6-year-old boy with Krabbe disease, is referred for MRS.",
     LEUKO, "Krabbe disease", NONE, None),
    ("near of: mother of this child", "Mother of this child with MLD reports new regression.", LEUKO, "MLD", NONE,
     None),
    ("near of: like her brother", "Patient diagnosed with MLD, like her brother.", LEUKO, "MLD", NONE, None),
    ("near of: siblings and the patient too", "Affected brother and sister both have Krabbe disease; patient has "
     "Krabbe too.", LEUKO, "Krabbe", NONE, None),
    # 2. a possessive naming a relative's disease
    ("poss: cousin with a name", "Seen because of her cousin Ava's adrenoleukodystrophy.", LEUKO,
     "adrenoleukodystrophy", F, POSS),
    ("poss: in view of his father's", "Screening requested in view of his father's Wilson disease.", IEM,
     "Wilson disease", F, POSS),
    ("poss: given her older sister's", "Given her older sister's Krabbe disease, an MRS baseline is requested.",
     LEUKO, "Krabbe disease", F, None),
    ("poss: brother with a name, sentence start", "Her brother Liam's metachromatic leukodystrophy was diagnosed at "
     "3.", LEUKO, "metachromatic leukodystrophy", F, POSS),
    ("poss: maternal uncle's diagnosis", "Referred after his maternal uncle's X-ALD diagnosis.", LEUKO, "X-ALD", F,
     None),
    ("poss: on account of her twin's", "MRS requested on account of her twin's Canavan disease.", IEM,
     "Canavan disease", F, POSS),
    ("poss: capitals", "REFERRED BECAUSE OF HIS GRANDFATHER'S ADRENOLEUKODYSTROPHY", LEUKO, "ADRENOLEUKODYSTROPHY",
     F, POSS),
    ("poss: curly apostrophe", "Evaluation prompted by a cousin\u2019s Tay-Sachs disease.", IEM, "Tay-Sachs disease",
     F, None),
    ("poss: because of her mother's", "Referred because of her mother's Fabry disease.", IEM, "Fabry disease", F,
     POSS),
    ("poss informant: mother's report", "Per her mother's report, she was diagnosed with Krabbe disease at 2.", LEUKO,
     "Krabbe disease", NONE, None),
    ("near poss: brother's MRI, patient's disease", "Brother's MRI normal; the patient has Krabbe disease.", LEUKO,
     "Krabbe disease", NONE, None),
    ("near poss: like her brother's", "Her Krabbe disease, like her brother's, was found on newborn screening.",
     LEUKO, "Krabbe disease", NONE, None),
    # 3. a diagnosis line whose qualifier says it is family history
    ("qual: dash family history (sister)", "Krabbe disease - family history (sister)", LEUKO, "Krabbe disease", F,
     QUAL),
    ("qual: colon FHx only", "Wilson disease: FHx only", IEM, "Wilson disease", F, QUAL),
    ("qual: (sibling)", "MLD (sibling)", LEUKO, "MLD", F, QUAL),
    ("qual: (FHx)", "Metachromatic leukodystrophy (FHx)", LEUKO, "Metachromatic leukodystrophy", F, QUAL),
    ("qual: double dash, comma", "X-ALD -- family hx, maternal uncle", LEUKO, "X-ALD", F, QUAL),
    ("qual: (older brother)", "Canavan disease (older brother)", IEM, "Canavan disease", F, QUAL),
    ("qual: en dash fam hx only", "Tay-Sachs disease \u2013 fam hx only", IEM, "Tay-Sachs disease", F, QUAL),
    ("qual: (mother, dx year)", "Fabry disease (mother, dx 2015)", IEM, "Fabry disease", F, QUAL),
    ("qual: a numbered problem list", "Problem list:\n1. Adrenoleukodystrophy - FHx\n2. Headaches", LEUKO,
     "Adrenoleukodystrophy", F, QUAL),
    ("qual: capitals (IN SIBLING)", "KRABBE DISEASE (IN SIBLING)", LEUKO, "KRABBE DISEASE", F, None),
    ("near qual: confirmed", "Krabbe disease - confirmed by GALC sequencing", LEUKO, "Krabbe disease", NONE, None),
    ("near qual: family history negative", "Metachromatic leukodystrophy, family history negative.", LEUKO,
     "Metachromatic leukodystrophy", NONE, None),
    ("near qual: family history of something else", "Canavan disease - family history of epilepsy", IEM,
     "Canavan disease", NONE, None),
    ("near qual: per mother", "MLD (per mother, since age 3)", LEUKO, "MLD", NONE, None),
    ("near qual: patient and sibling", "MLD (patient and sibling)", LEUKO, "MLD", NONE, None),
    # 4. carrier status
    ("carrier: unaffected carrier of", "Unaffected carrier of Tay-Sachs.", IEM, "Tay-Sachs", F, CARRIER),
    ("carrier: heterozygous carrier of a familial variant", "She is a heterozygous carrier of a familial ARSA "
     "variant (MLD).", LEUKO, "MLD", F, CARRIER),
    ("carrier: obligate carrier after the diagnosis", "X-ALD: obligate carrier, asymptomatic.", LEUKO, "X-ALD", F,
     QUAL),
    ("carrier: disease before carrier", "Known Canavan disease carrier; no neurological symptoms.", IEM,
     "Canavan disease", F, CARRIER),
    ("carrier: asymptomatic female carrier", "Asymptomatic female carrier of X-linked adrenoleukodystrophy", LEUKO,
     "X-linked adrenoleukodystrophy", F, CARRIER),
    ("carrier: heterozygote carrier for", "Heterozygote carrier for Krabbe disease (GALC c.1586C>T)", LEUKO,
     "Krabbe disease", F, CARRIER),
    ("carrier: pt is a carrier for", "Pt is a carrier for metachromatic leukodystrophy.", LEUKO,
     "metachromatic leukodystrophy", F, CARRIER),
    ("carrier: dash heterozygous carrier only", "Wilson disease - heterozygous carrier only", IEM, "Wilson disease",
     F, QUAL),
    ("carrier: capitals", "CARRIER OF FABRY DISEASE, UNAFFECTED", IEM, "FABRY DISEASE", F, CARRIER),
    ("near carrier: manifesting carrier", "Manifesting carrier of X-ALD with white-matter disease.", LEUKO, "X-ALD",
     NONE, None),
    ("near carrier: symptomatic female carrier", "Symptomatic female carrier of X-ALD.", LEUKO, "X-ALD", NONE, None),
    ("near carrier: now symptomatic", "Obligate carrier of X-ALD, now symptomatic with spastic paraparesis.", LEUKO,
     "X-ALD", NONE, None),
    ("near carrier: carrier testing pending", "Carrier testing for Tay-Sachs pending.", IEM, "Tay-Sachs", H, None),
    ("near carrier: insurance carrier", "The insurance carrier requires documentation of suspected MLD.", LEUKO,
     "MLD", {"uncertain"}, None),
    ("near carrier: parents are carriers", "MLD confirmed by ARSA sequencing; both parents are carriers.", LEUKO,
     "MLD", NONE, None),
    # 5. what a family read, heard or looked up
    ("read: reading about in research", "Parents asked for MRS after reading about spectroscopy in Canavan "
     "research.", IEM, "Canavan", H, READ),
    ("read: has read about online", "Dad read about Krabbe disease online and requests a scan.", LEUKO,
     "Krabbe disease", H, READ),
    ("read: heard about", "Father heard about MR spectroscopy in MLD from a support group.", LEUKO, "MLD", H, READ),
    ("read: researched", "The family researched adrenoleukodystrophy on the internet.", LEUKO,
     "adrenoleukodystrophy", H, READ),
    ("read: looked up", "Mum looked up Tay-Sachs disease after the visit.", IEM, "Tay-Sachs disease", H, READ),
    ("read: read up on", "Having read up on X-ALD, the parents want spectroscopy.", LEUKO, "X-ALD", H, READ),
    ("read: learnt about, British", "His wife learnt about Wilson disease from a TV programme.", IEM,
     "Wilson disease", H, READ),
    ("read: watched a documentary", "They watched a documentary about Canavan disease last week.", IEM,
     "Canavan disease", H, READ),
    ("read: across a line", "Parents, after reading about the\nspectroscopy of Krabbe disease, asked for a study.", LEUKO,
     "Krabbe disease", H, READ),
    ("near read: her own disease", "The family has read up on her Krabbe disease.", LEUKO, "Krabbe disease", NONE,
     None),
    ("near read: a clinician's report", "I reviewed the report: MRS consistent with Canavan disease.", IEM,
     "Canavan disease", NONE, None),
    ("near read: past a semicolon", "Parents read about MRS; she has confirmed Canavan disease.", IEM,
     "Canavan disease", NONE, None),
    # ------------------------------------------------ 6. a chance for future pregnancies or children (hyp.if)
    ("chance: each future pregnancy", "Each future pregnancy of the couple carries a 25% chance of MLD.", LEUKO,
     "MLD", H, "hyp.if"),
    ("chance: chances of, offspring", "Her offspring would have a 50% chances of Fabry disease.", IEM,
     "Fabry disease", H, "hyp.if"),
    ("chance: likelihood of, siblings", "The likelihood of Krabbe disease in a future sibling is 1 in 4.", LEUKO,
     "Krabbe disease", H, "hyp.if"),
    ("chance: probability of, capitals", "PROBABILITY OF TAY-SACHS DISEASE IN EACH PREGNANCY: 25%.", IEM,
     "TAY-SACHS DISEASE", H, "hyp.if"),
    ("chance: odds of, wrapped", "Genetic counselling: the odds of\nCanavan disease for a next child are 1 in 4.",
     IEM, "Canavan disease", H, "hyp.if"),
    ("chance: chance of, X-linked sons", "Each son of a carrier mother has a 50% chance of X-ALD.", LEUKO, "X-ALD", F | H,
     "hyp.if"),
    ("chance: a 1 in 4 chance of", "There is a 1 in 4 chance of MLD with each pregnancy.", LEUKO, "MLD", H,
     "hyp.if"),
    ("chance: British spelling, counselling", "Counselled about a 25 per cent chance of metachromatic "
     "leukodystrophy in future pregnancies.", LEUKO, "metachromatic leukodystrophy", H, "hyp.if"),
    ("near chance: her own disease stated first", "She has Krabbe disease, confirmed on GALC testing.", LEUKO,
     "Krabbe disease", NONE, None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_relatives_and_carriers(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
