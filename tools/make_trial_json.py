"""One-off author aid: builds resources/trials/NCT04883242/trial.json from the seed's words.

Kept so a reviewer can see how each field maps to the record; the JSON file is the
source the app reads, and tests check it against the seed.
"""
import json
from pathlib import Path

INDUCTION = (
    "INDUCTION: Patients receive isatuximab intravenously (IV) on days 1, 8, 15, and 22 of cycle 1 "
    "and days 1 and 15 of subsequent cycles carfilzomib IV over 30 minutes on days 1, 8, and 15, "
    "pomalidomide orally (PO) once daily (QD) on days 1-21, and dexamethasone PO or IV on days 1,8, "
    "15, and 22. Treatment repeats every 28 days for 6 cycles in the absence of disease progression "
    "or unacceptable toxicity."
)
MAINTENANCE = (
    "MAINTENANCE: Patients receive isatuximab IV days 1 and 15, carfilzomib IV over 30 minutes on "
    "days 1 and 15, pomalidomide PO QD on days 1-21, and dexamethasone PO or IV on days 1, 8, 15, "
    "and 22. Cycles repeat every 28 days for up to 24 months in the absence of disease progression "
    "or unacceptable toxicity."
)
PROCEDURES = (
    "All patients undergo bone marrow aspirate and biopsy during screening, skeletal x-ray, computed "
    "tomography (CT), positron emission tomography (PET)-CT, or magnetic resonance imaging (MRI), "
    "bone marrow and blood sample collection throughout the study."
)
FOLLOW_UP = "After completion of study treatment, patients are followed up at 30 days, then for up to 5 years."
CONTINUES = "in the absence of disease progression or unacceptable toxicity"

ARM = (
    "INDUCTION: Patients receive isatuximab IV on days 1, 8, 15, and 22 of cycle 1 and days 1 and 15 "
    "of subsequent cycles carfilzomib IV over 30 minutes on days 1, 8, and 15, pomalidomide PO QD on "
    "days 1-21, and dexamethasone PO or IV on days 1,8, 15, and 22. Treatment repeats every 28 days "
    "for 6 cycles in the absence of disease progression or unacceptable toxicity.\n\n" + MAINTENANCE +
    "\n\nAll patients undergo bone marrow aspirate and biopsy during screening, skeletal x-ray, CT, "
    "PET-CT, or MRI, bone marrow and blood sample collection throughout the study."
)

SUMMARY = (
    "This phase II trial studies the effect of isatuximab, carfilzomib, pomalidomide, and dexamethasone "
    "in treating patients with multiple myeloma that has come back (relapsed) or does not respond to "
    "treatment (refractory). Isatuximab is a monoclonal antibody that may interfere with the ability of "
    "cancer cells to grow and spread. Carfilzomib may stop the growth of cancer cells by blocking some "
    "of the proteins needed for cell growth. Pomalidomide may help shrink or slow the growth of multiple "
    "myeloma. Anti-inflammatory drugs, such as dexamethasone lower the body's immune response and are "
    "used with other drugs in the treatment of some types of cancer. Giving isatuximab, carfilzomib, "
    "pomalidomide, and dexamethasone may kill more cancer cells."
)

DEX_NAMES = (
    "Aacidexam Adexone Aknichthol Dexa|Alba-Dex|Alin|Alin Depot|Alin Oftalmico|Amplidermis|Anemul mono|"
    "Auricularum|Auxiloson|Baycadron|Baycuten|Baycuten N|Cortidexason|Cortisumman|Decacort|Decadrol|"
    "Decadron|Decadron DP|Decalix|Decameth|Decasone R.p.|Dectancyl|Dekacort|Deltafluorene|Deronil|"
    "Desamethasone|Desameton|Dexa-Mamallet|Dexa-Rhinosan|Dexa-Scheroson|Dexa-sine|Dexacortal|Dexacortin|"
    "Dexafarma|Dexafluorene|Dexalocal|Dexamecortin|Dexameth|Dexamethasone Intensol|Dexamethasonum|"
    "Dexamonozon|Dexapos|Dexinoral|Dexone|Dinormon|Dxevo|Fluorodelta|Fortecortin|Gammacorten|Hemady|"
    "Hexadecadrol|Hexadrol|Lokalison-F|Loverine|Methylfluorprednisolone|Millicorten|Mymethasone|"
    "Orgadrone|Spersadex|TaperDex|Visumetazone|ZoDex"
)
# The record runs all names together; "Aacidexam Adexone Aknichthol Dexa" splits as three names.
DEX = ["Aacidexam", "Adexone", "Aknichthol Dexa"] + DEX_NAMES.split("|")[1:]


def drug(id_, name, type_, desc, route, names):
    return {"id": id_, "name": name, "type": type_, "description": desc, "route": route,
            "other_names": names}


def proc(id_, name, desc, names=()):
    return {"id": id_, "name": name, "type": "PROCEDURE", "description": desc, "other_names": list(names)}


def sched(drug_id, route, rules, minutes=None, qd=False):
    out = {"drug": drug_id, "route": route,
           "day_rules": [{"cycles": c, "days": d} for c, d in rules]}
    if minutes:
        out["infusion_minutes"] = minutes
    if qd:
        out["once_daily"] = True
    return out


ALL = {"first": 1}
INDUCTION_DRUGS = [
    sched("isatuximab", "IV", [({"first": 1, "last": 1}, "1, 8, 15, 22"), ({"first": 2}, "1, 15")]),
    sched("carfilzomib", "IV", [(ALL, "1, 8, 15")], minutes=30),
    sched("pomalidomide", "PO", [(ALL, "1-21")], qd=True),
    sched("dexamethasone", "PO_OR_IV", [(ALL, "1, 8, 15, 22")]),
]
MAINTENANCE_DRUGS = [
    sched("isatuximab", "IV", [(ALL, "1, 15")]),
    sched("carfilzomib", "IV", [(ALL, "1, 15")], minutes=30),
    sched("pomalidomide", "PO", [(ALL, "1-21")], qd=True),
    sched("dexamethasone", "PO_OR_IV", [(ALL, "1, 8, 15, 22")]),
]


def ans(q, *among):
    return {"kind": "answer", "question": q, "among": list(among)}


def cmp(q, op, limit, unit="", raised_by=None):
    out = {"kind": "compare", "question": q, "op": op, "limit": limit, "unit": unit}
    if raised_by:
        out["may_be_raised"] = {"by": raised_by, "note": "growth_factor_note"}
    return out


# "Growth factor use or transfusions may be used to meet the eligibility requirement for
# ANC, platelets, and hemoglobin": a count short of its limit leaves the rule open.
RAISED_BY = "a growth factor (a medicine that helps your body make blood cells) or a blood transfusion"


def crit(id_, kind, source, plain, rule, note_only=False):
    out = {"id": id_, "kind": kind, "source": source, "plain": plain, "rule": rule}
    if note_only:
        out["note_only"] = True
    return out


INCLUSION = [
    crit("relapsed_or_refractory", "inclusion",
         "Patients with relapsed or refractory multiple myeloma, with >= 1 prior therapy",
         "Your myeloma has come back, or stopped responding to treatment. You have had at least 1 treatment for it before.",
         {"kind": "all", "of": [ans("relapsed_or_refractory", "yes"), cmp("prior_treatment_lines", ">=", 1)]}),
    crit("prior_lenalidomide", "inclusion", "Must have received prior lenalidomide therapy",
         "You have taken lenalidomide (Revlimid) before.", ans("prior_lenalidomide", "yes")),
    crit("measurable_disease", "inclusion",
         "Must have measurable disease, as defined by International Myeloma Working Group criteria, having one or more of the following:\n"
         "* Serum M protein >= 0.5 g/dL\n* Urine M protein >= 200 mg/24 hours\n"
         "* Involved serum free light chain level >= 10 mg/dL with abnormal kappa/lambda ratio\n"
         "* Measurable biopsy-proven plasmacytomas (>= 1 lesion has a single diameter >= 2 cm)\n"
         "* Bone marrow plasma cells >= 30%",
         "The study team must be able to measure your myeloma. At least 1 of these 5 must be true. "
         "1. M protein in your blood is 0.5 g/dL or more. "
         "2. M protein in your urine is 200 mg or more in 24 hours. "
         "3. Your involved free light chain is 10 mg/dL or more, and your kappa/lambda ratio is abnormal. "
         "4. You have a myeloma tumor (plasmacytoma) proven by a biopsy, and at least 1 is 2 cm or more across. "
         "5. Plasma cells make up 30% or more of your bone marrow.",
         {"kind": "any", "of": [
             cmp("serum_m_protein", ">=", 0.5, "g/dL"),
             cmp("urine_m_protein", ">=", 200, "mg/24h"),
             {"kind": "all", "of": [cmp("involved_flc", ">=", 10, "mg/dL"), ans("flc_ratio_abnormal", "yes")]},
             ans("plasmacytoma_2cm", "yes"),
             cmp("bone_marrow_plasma_cells", ">=", 30, "%"),
         ]}),
    crit("age_and_consent", "inclusion",
         "Age 18 years and older, and have the capacity to give informed consent",
         "You are 18 or older. You can understand the study and agree to join it yourself.",
         {"kind": "all", "of": [cmp("age_years", ">=", 18), ans("can_consent", "yes")]}),
    crit("ecog", "inclusion",
         "Eastern Cooperative Oncology Group (ECOG) performance status of 0-2",
         "You can look after yourself, and you are up and about for more than half the day. "
         "Doctors call this an ECOG score of 0, 1 or 2.",
         cmp("ecog", "<=", 2)),
    crit("prior_toxicities_resolved", "inclusion",
         "Subjects should have resolution of any toxicities from prior therapy to grade =< 1 or baseline prior to enrollment (with the exception of peripheral neuropathy)",
         "Side effects from past treatment have gone away, become mild (grade 1), or gone back to how you were "
         "before that treatment. Nerve problems are covered by the next rule.",
         ans("prior_toxicities_resolved", "yes")),
    crit("neuropathy", "inclusion",
         "Subjects are required to have grade =< 2 peripheral neuropathy to enroll",
         "Any nerve damage in your hands or feet (numbness, tingling or pain) is no worse than grade 2.",
         cmp("neuropathy_grade", "<=", 2)),
    crit("stem_cell_transplant", "inclusion",
         "Prior autologous stem cell transplant is allowed; patients must be >= 6 months post- autologous stem cell transplantation to enroll",
         "If you had a stem cell transplant using your own cells, it was at least 6 months ago.",
         {"kind": "any", "of": [ans("prior_asct", "no"),
                                {"kind": "all", "of": [ans("prior_asct", "yes"),
                                                       {"kind": "months_since", "question": "asct_date", "at_least": 6}]}]}),
    crit("egfr", "inclusion", "Estimated glomerular filtration rate (eGFR) >= 20 ml/min",
         "Your kidneys work well enough: your eGFR is 20 or more.", cmp("egfr", ">=", 20, "mL/min")),
    crit("liver_enzymes", "inclusion",
         "Alanine aminotransferase (ALT) and aspartate aminotransferase (AST) =< 3 x upper limit of normal (ULN)",
         "Your liver tests ALT and AST are no more than 3 times the top of the normal range.",
         {"kind": "all", "of": [cmp("alt", "<=", 3, "xULN"), cmp("ast", "<=", 3, "xULN")]}),
    crit("bilirubin", "inclusion", "Total bilirubin =< 2 x ULN",
         "Your total bilirubin is no more than 2 times the top of the normal range.", cmp("bilirubin", "<=", 2, "xULN")),
    crit("anc", "inclusion", "Absolute neutrophil count (ANC) >= 1,000/uL",
         "You have enough of the white blood cells that fight infection (neutrophils): at least 1,000 per microliter.",
         cmp("anc", ">=", 1000, "/uL", RAISED_BY)),
    crit("platelets", "inclusion", "Platelets >= 50,000/uL",
         "You have enough platelets, the cells that help blood clot: at least 50,000 per microliter.",
         cmp("platelets", ">=", 50000, "/uL", RAISED_BY)),
    crit("hemoglobin", "inclusion", "Hemoglobin >= 8 g/dL",
         "You have enough hemoglobin, which carries oxygen in your blood: at least 8 g/dL.",
         cmp("hemoglobin", ">=", 8, "g/dL", RAISED_BY)),
    crit("growth_factor_note", "inclusion",
         "Growth factor use or transfusions may be used to meet the eligibility requirement for ANC, platelets, and hemoglobin",
         "Medicines that raise blood counts, or blood transfusions, may be used to reach the 3 blood count levels above.",
         None, note_only=True),
    crit("contraception", "inclusion",
         "Female patients of childbearing potential and male patients must agree to use 2 effective forms of contraception or continuously abstain from heterosexual intercourse during the period of therapy, and for 6 months after discontinuation of study treatment for females and 3 months after discontinuation of study treatment for males",
         "All men in the study, and women who could get pregnant, must agree to use 2 kinds of birth control that "
         "work well, or to not have sex with a partner of the other sex. This lasts during treatment and after it "
         "ends: 6 months for women, 3 months for men.",
         ans("contraception_agreement", "yes")),
]

EXCLUSION = [
    crit("heart_disease", "exclusion",
         "History of clinically significant cardiovascular disease, including congestive heart failure New York Heart Association (NYHA) class 3-4, symptomatic ischemia, left ventricular ejection fraction < 40%, uncontrolled conduction abnormalities, myocardial infarction in last 6 months",
         "You cannot join if you have, or have had, serious heart disease. Examples are bad heart failure "
         "(NYHA class 3 or 4), a weak heart pump (ejection fraction under 40%), chest pain from poor blood flow, "
         "heart rhythm problems that are not under control, or a heart attack in the last 6 months.",
         ans("heart_disease", "no")),
    crit("uncontrolled_hypertension", "exclusion",
         "Uncontrolled hypertension as determined by the principal investigator (PI) or designee",
         "You cannot join if your high blood pressure is not under control. The study doctor decides this.",
         ans("uncontrolled_hypertension", "no")),
    crit("plasma_cell_leukemia_or_amyloidosis", "exclusion",
         "Active plasma cell leukemia or systemic amyloid light-chain (AL) amyloidosis",
         "You cannot join if you have active plasma cell leukemia, or systemic AL amyloidosis (AL amyloidosis that affects the whole body).",
         ans("plasma_cell_leukemia_or_amyloidosis", "no")),
    crit("other_cancer", "exclusion",
         "History of another primary malignancy that has not been in remission for at least 1 year\n"
         "* However, the following diagnoses are eligible for inclusion: non-melanoma skin cancer, localized prostate cancer, superficial bladder cancer, cervical carcinoma in situ, on biopsy or any prior malignancy with an estimated > 90% 1-year cure rate per sponsor-investigator",
         "You cannot join if you have had another cancer that has not been in remission for at least 1 year. "
         "These are allowed: any skin cancer that is not melanoma, prostate cancer that has not spread, "
         "bladder cancer only in the inner lining (superficial), and early cervical cancer (in situ) found on a biopsy. "
         "Also allowed: any past cancer that the study's lead doctor judges has more than a 90% chance of cure "
         "at 1 year.",
         ans("other_active_cancer", "no")),
    crit("hepatitis_b", "exclusion",
         "For patients with chronic hepatitis B viral infection, the hepatitis B virus (HBV) polymerase chain reaction (PCR) must be undetectable on suppressive therapy",
         "If you have long-term hepatitis B, medicine must keep the virus too low to find in a blood test.",
         ans("hepatitis_b", "never", "chronic_undetectable")),
    crit("hepatitis_c", "exclusion",
         "Patients with a history of Hepatitis C viral infection must have been treated and cured. For patients on treatment for hepatitis C, they are eligible if they have an undetectable hepatitis C virus (HCV) viral load",
         "If you have had hepatitis C, it must be cured. If you are being treated now, the virus must be too low to find in a blood test.",
         ans("hepatitis_c", "never", "cured", "treating_undetectable")),
    crit("active_infection", "exclusion", "Subjects with active uncontrolled infection",
         "You cannot join while you have an infection that is not under control.", ans("active_infection", "no")),
    crit("other_cancer_treatment", "exclusion", "Concurrent use of other anticancer agents or experimental treatments",
         "You cannot take other cancer medicines, or medicines from another study, while you are in this study.",
         ans("other_cancer_treatment", "no")),
]

TRIAL = {
    "format": "trial-explainer-trial",
    "version": 1,
    "nct_id": "NCT04883242",
    "title": "Isatuximab, Carfilzomib, Pomalidomide, and Dexamethasone for the Treatment of Relapsed or Refractory Multiple Myeloma",
    "identifiers": [
        {"id": "NCI-2021-03406", "type": "REGISTRY", "source": "secondary_id"},
        {"id": "10690", "type": "OTHER", "source": "secondary_id"},
        {"id": "RG1121154", "type": "-", "source": "org_study_id"},
    ],
    "status": "ACTIVE_NOT_RECRUITING",
    "last_updated": "2025-09-26",
    "results": "Results pending",
    "phase": "PHASE2",
    "enrollment": 30,
    "study_type": "INTERVENTIONAL",
    "start_date": "2021-07-29",
    "completion_date": "2031-12-31",
    "brief_summary": SUMMARY,
    "detailed_description": "OUTLINE:\n\n" + INDUCTION + "\n\n" + MAINTENANCE + "\n\n" + PROCEDURES + "\n\n" + FOLLOW_UP,
    "conditions": ["Recurrent Multiple Myeloma", "Refractory Multiple Myeloma"],
    "design": {"allocation": "NA", "intervention_model": "SINGLE_GROUP", "primary_purpose": "TREATMENT", "masking": "NONE"},
    "sponsors": [
        {"name": "University of Washington", "sponsor_class": "OTHER", "role": "lead"},
        {"name": "Genzyme, a Sanofi Company", "sponsor_class": "INDUSTRY", "role": "collaborator"},
    ],
    "responsible_party": "SPONSOR",
    "investigators": [{"name": "Rahul Banerjee, MD", "role": "PRINCIPAL_INVESTIGATOR",
                       "affiliation": "Fred Hutch/University of Washington Cancer Consortium"}],
    "locations": [{"facility": "Fred Hutch/University of Washington Cancer Consortium", "city": "Seattle",
                   "state": "Washington", "country": "United States"}],
    "related_studies": [{"nct_id": "NCT05911321", "title": "Isa-Pom-Dex in Elderly/Frail Subjects With RRMM",
                         "status": "ACTIVE_NOT_RECRUITING", "phase": "PHASE2"}],
    "arms": [{"label": "Treatment (isatuximab, carfilzomib, pomalidomide, steroid)", "group_type": "EXPERIMENTAL",
              "description": ARM}],
    "interventions": [
        drug("isatuximab", "Isatuximab", "BIOLOGICAL", "Given IV", "IV",
             ["Hu 38SB19", "Isatuximab-irfc", "SAR 650984", "SAR650984", "Sarclisa", "SAR-650984"]),
        drug("carfilzomib", "Carfilzomib", "DRUG", "Given IV", "IV", ["Kyprolis", "PR-171", "Carfilnat", "CFZ"]),
        drug("pomalidomide", "Pomalidomide", "DRUG", "Given PO", "PO",
             ["4-Aminothalidomide", "Actimid", "CC-4047", "Imnovid", "Pomalyst", "CC4047"]),
        drug("dexamethasone", "Dexamethasone", "DRUG", "Given PO or IV", "PO_OR_IV", DEX),
        proc("bone_marrow_biopsy", "Bone Marrow Biopsy", "Undergo bone marrow biopsy"),
        proc("bone_marrow_aspiration", "Bone Marrow Aspiration", "Undergo bone marrow aspiration"),
        proc("skeletal_survey", "Skeletal Survey X-Ray", "Undergo skeletal x-ray"),
        proc("ct", "Computed Tomography", "Undergo CT", ["CAT Scan", "Computed Axial Tomography"]),
        proc("pet", "Positron Emission Tomography", "Undergo PET-CT", ["PET scan"]),
        proc("mri", "Magnetic Resonance Imaging", "Undergo MRI", ["MRI"]),
    ],
    "regimen": {
        "phases": [
            {"id": "induction", "name": "Induction", "cycle_length_days": 28, "cycles": 6,
             "continues_while": CONTINUES, "drugs": INDUCTION_DRUGS, "source": INDUCTION},
            {"id": "maintenance", "name": "Maintenance", "cycle_length_days": 28, "max_months": 24,
             "continues_while": CONTINUES, "drugs": MAINTENANCE_DRUGS, "source": MAINTENANCE},
        ],
        "follow_up": {"first_visit_days_after_treatment": 30, "up_to_years": 5, "source": FOLLOW_UP},
        "procedures_source": PROCEDURES,
    },
    "eligibility": {"minimum_age_years": 18, "sex": "ALL", "healthy_volunteers": False},
    "criteria": INCLUSION + EXCLUSION,
}

if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "resources" / "trials" / "NCT04883242" / "trial.json"
    out.write_text(json.dumps(TRIAL, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(out)
