"""A trailing qualifier reaches back over a list or a code line, not only to the nearest item.

- A list negated at its end (`neg.excluded`, reached through `scope.list_reach`'s `back_rules`): "MSUD, NKH, sulfite
  oxidase deficiency and PKU are excluded" negates every item, past the cue's own scope. A claim ("showed"), a hedge
  or a semicolon before the list keeps that part's reading.
- A coded diagnosis line whose parenthetical hedges the code's own description (`poss.coded_rule_out`, reached
  through `scope.reach_back`'s `coded_rules`): "G35 Multiple sclerosis (r/o tumefactive MS)" -> the description is
  suspected; a parenthesis that names another finding hedges that one only, a code line without a hedge stays.
- A relative with an abbreviated verb after a name or an age (`fam.relative_named`, `fam.relative_has`): "Older
  sister Mia (11) dx w/ MLD 2023", "Brother Sam s/p HSCT for ALD" -> family; "mother reports" stays an informant.
- An acquired cause before a white-matter noun, split by a line-break hyphen (cue `layout.compound_tail`) or a
  parenthesis (`leuko.acquired`): "radiation-\\ninduced leukoencephalopathy" reads `cause: acquired`.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite (a
modifier rule, or for the cause rows the target rule). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
N, U, F, A = {"negated"}, {"uncertain"}, {"family"}, set[str]()
LIST, CODE = "scope.list_reach", "poss.coded_rule_out"

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # ---- a list negated at its end
    ("list: first of four", "MSUD, NKH, sulfite oxidase deficiency and PKU are excluded.", "INBORN_ERROR", "MSUD", N,
     LIST),
    ("list: second of four", "MSUD, NKH, sulfite oxidase deficiency and PKU are excluded.", "INBORN_ERROR", "NKH", N,
     None),
    ("list: long items", "Primary CNS lymphoma, glioblastoma, cerebral toxoplasmosis and metastatic disease have all "
     "been excluded.", "CNS_LYMPHOMA", "Primary CNS lymphoma", N, None),
    ("list: ruled out, or", "Galactosemia, nonketotic hyperglycinemia, PKU or MSUD were ruled out by the screen.",
     "INBORN_ERROR", "Galactosemia", N, None),
    ("list: line wrap", "Assessment: maple syrup urine disease, NKH, PKU, homocystinuria,\nand MSUD have all been excluded.",
     "INBORN_ERROR", "maple syrup urine disease", N, LIST),
    ("list: capitals", "LYMPHOMA, TOXOPLASMOSIS, PML AND GLIOBLASTOMA WERE EXCLUDED.", "CNS_LYMPHOMA", "LYMPHOMA", N,
     None),
    ("list: abbreviation in parentheses", "Leigh syndrome, MELAS (mitochondrial encephalopathy), MERRF and "
     "Kearns-Sayre syndrome are now excluded.", "MITOCHONDRIAL", "Leigh syndrome", N, None),
    ("list: form field", "Excluded dx: n/a\nImpression - glioma, abscess, lymphoma and metastasis ruled out.",
     "GLIOMA", "glioma", N, None),
    ("list: after a semicolon", "MRI reviewed; PKU, MSUD, NKH, sulfite oxidase deficiency and homocystinuria have been ruled\nout.",
     "INBORN_ERROR", "PKU", N, LIST),
    ("near: hedge then exclusion", "No evidence of PKU; MSUD suspected.", "INBORN_ERROR", "MSUD", U, None),
    ("near: hedge after the exclusion", "Lymphoma excluded, glioma likely.", "GLIOMA", "glioma", U, None),
    ("near: claim before the list", "Biopsy showed toxoplasmosis, lymphoma, glioma and metastasis excluded.",
     "BRAIN_INFECTION", "toxoplasmosis", A, None),
    ("near: hedge before the list", "Glioma favoured, primary CNS lymphoma, PML, toxoplasmosis and abscess excluded.", "GLIOMA", "Glioma", U,
     None),
    ("near: semicolon ends the list", "Working diagnosis glioblastoma; lymphoma, PML and abscess excluded.",
     "GLIOMA", "glioblastoma", U, None),
    # ---- a code line whose parenthetical hedges the code's own description
    ("code: r/o same finding", "G35 Multiple sclerosis (r/o tumefactive MS)", "MULTIPLE_SCLEROSIS",
     "Multiple sclerosis", U, CODE),
    ("code: rule out alone", "C71.9 Malignant neoplasm of brain (rule out)", "BRAIN_TUMOR", "neoplasm", U, CODE),
    ("code: r/o alone, leukodystrophy", "E75.25 Metachromatic leukodystrophy (r/o)", "LEUKODYSTROPHY",
     "Metachromatic leukodystrophy", U, CODE),
    ("code: bracket", "Dx: E71.0 Maple syrup urine disease [r/o]", "INBORN_ERROR", "Maple syrup urine disease", U,
     CODE),
    ("code: capitals", "G93.49 ENCEPHALOPATHY (RULE OUT)", "ENCEPHALOPATHY", "ENCEPHALOPATHY", U, CODE),
    ("code: in a list of codes", "ICD-10:\nG40.909 Epilepsy\nG35 multiple sclerosis (R/O)", "MULTIPLE_SCLEROSIS",
     "multiple sclerosis", U, CODE),
    ("code: mitochondrial", "E88.40 Mitochondrial disease (rule out MELAS)", "MITOCHONDRIAL", "Mitochondrial disease",
     U, CODE),
    ("code: lymphoma r/o", "C85.90 lymphoma (r/o PCNSL)", "CNS_LYMPHOMA", "lymphoma", U, CODE),
    ("near: code line without a hedge", "G35 Multiple sclerosis", "MULTIPLE_SCLEROSIS", "Multiple sclerosis", A,
     None),
    ("near: parenthesis names another finding", "G40.909 Epilepsy (r/o glioma)", "EPILEPSY", "Epilepsy", A, None),
    ("near: hedged item itself", "G40.909 Epilepsy (r/o glioma)", "GLIOMA", "glioma", U, CODE),
    ("near: no code on the line", "Multiple sclerosis (r/o tumefactive MS)", "MULTIPLE_SCLEROSIS",
     "Multiple sclerosis", A, None),
    # ---- a relative with an abbreviated verb and a name or an age
    ("relative: name, age, dx w/", "Older sister Mia (11) dx w/ MLD 2023", "LEUKODYSTROPHY", "MLD", F, None),
    ("relative: name, s/p", "Brother Sam s/p HSCT for ALD", "LEUKODYSTROPHY", "ALD", F, None),
    ("relative: age, dx'd", "Cousin (7) dx'd with Krabbe", "LEUKODYSTROPHY", "Krabbe", F, None),
    ("relative: dx w/, no name", "FHx: maternal uncle dx w/ X-ALD at 8", "LEUKODYSTROPHY", "X-ALD", F, None),
    ("relative: dxd", "Younger brother Leo dxd with metachromatic leukodystrophy", "LEUKODYSTROPHY",
     "metachromatic leukodystrophy", F, None),
    ("relative: comma, age, dx", "Sister Ana, 4, dx Krabbe disease 2022.", "LEUKODYSTROPHY", "Krabbe disease", F,
     None),
    ("relative: h/o", "Brother Tom h/o adrenoleukodystrophy", "LEUKODYSTROPHY", "adrenoleukodystrophy", F, None),
    ("relative: s/p, no name", "Older brother s/p bone marrow transplant for cerebral ALD", "LEUKODYSTROPHY",
     "cerebral ALD", F, None),
    ("relative: niece", "Niece Zoe (2) dx'd w/ Krabbe disease", "LEUKODYSTROPHY", "Krabbe disease", F, None),
    ("near: informant", "Mother reports seizures since Tuesday.", "SEIZURE", "seizures", A, None),
    ("near: patient s/p", "Patient s/p HSCT for ALD in 2021.", "LEUKODYSTROPHY", "ALD", A, None),
]

CAUSES: list[tuple[str, str, str, str]] = [
    # id, text, the mention's text, its expected cause
    ("cause: line-break hyphen", "MRI: radiation-\ninduced leukoencephalopathy.", "radiation-\ninduced "
     "leukoencephalopathy", "acquired"),
    ("cause: hyphen and aside", "Findings: treatment-\n related (methotrexate/XRT) leukoencephalopathy.",
     "treatment-\n related (methotrexate/XRT) leukoencephalopathy", "acquired"),
    ("cause: aside only", "Impression: treatment-related (MTX/WBRT) leukoencephalopathy", "treatment-related "
     "(MTX/WBRT) leukoencephalopathy", "acquired"),
    ("cause: chemotherapy wrap", "Known chemotherapy-\nrelated leukoencephalopathy, stable.", "chemotherapy-\nrelated "
     "leukoencephalopathy", "acquired"),
    ("cause: British", "Delayed radiation-\ninduced leucoencephalopathy is noted.", "radiation-\ninduced "
     "leucoencephalopathy", "acquired"),
    ("cause: brackets", "methotrexate-related [intrathecal, 2024] leukoencephalopathy", "methotrexate-related "
     "[intrathecal, 2024] leukoencephalopathy", "acquired"),
    ("cause: wrap and aside", "Likely radiation-\ninduced (WBRT 2019) leukoencephalopathy.", "radiation-\ninduced "
     "(WBRT 2019) leukoencephalopathy", "acquired"),
    ("cause: HIV wrap", "Pattern of HIV-\nassociated leukoencephalopathy.", "HIV-\nassociated leukoencephalopathy",
     "acquired"),
    ("near: cause not stated", "Methotrexate toxicity versus inherited leukodystrophy.", "leukodystrophy", "unstated"),
    ("near: word split by the line", "Diffuse leuko-\nencephalopathy of unclear cause.", "leuko-\nencephalopathy",
     "unstated"),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_reach_back_qualifiers(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                               expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules


@pytest.mark.parametrize(("text", "span", "cause"), [c[1:] for c in CAUSES], ids=[c[0] for c in CAUSES])
def test_white_matter_cause(mentions, text: str, span: str, cause: str) -> None:  # type: ignore[no-untyped-def]
    found = [m for m in mentions(text) if m.concept == "LEUKODYSTROPHY"]
    assert found, [(m.concept, m.text) for m in mentions(text)]
    causes = {m.attrs.get("cause") for m in found}
    assert cause in causes and (cause != "unstated" or "acquired" not in causes), [(m.text, m.attrs) for m in found]
