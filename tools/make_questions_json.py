"""Builds resources/questions.json (run: python tools/make_questions_json.py resources/questions.json)."""
import json
YN = [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}, {"value": "unsure", "label": "Not sure"}]
CBC = "Your blood count report (CBC, complete blood count)."
CMP = "Your metabolic panel (a chemistry blood test report)."
MP = "Your myeloma protein reports: SPEP (blood), UPEP (urine) or free light chains."
DOC = "Ask your doctor."
groups = [
 ("about_you", "About you", "Two quick questions about you."),
 ("treatment", "Your myeloma and past treatment", "Your doctor or your treatment records can help with these."),
 ("measurable", "Can the study measure your myeloma?", "Only 1 of these needs to be high enough. Answer the ones you have. Skip the rest or choose \"Not sure\"."),
 ("daily_life", "Your daily life and side effects", ""),
 ("blood_count", "Your blood counts", "Type each number as your report shows it, and pick the same unit. We change units for you."),
 ("kidney_liver", "Your kidney and liver tests", "Type each number as your report shows it, and pick the same unit."),
 ("health", "Other health problems", "Some health problems keep people out of the study. Answer the ones you know. For the rest, choose \"Not sure\"."),
 ("pregnancy", "Birth control", ""),
]
Q = []
SHOWN = {}  # group id -> the keys shown under it, in order
# What each lab question measures: its units and ranges are defined once, in explainer/core/units.py.
QUANTITY = {"serum_m_protein": "serum M-protein", "urine_m_protein": "urine M-protein",
            "involved_flc": "involved free light chain", "bone_marrow_plasma_cells": "bone marrow plasma cells",
            "egfr": "eGFR", "creatinine_clearance": "creatinine clearance", "alt": "ALT", "ast": "AST",
            "bilirubin": "bilirubin", "anc": "neutrophil count", "platelets": "platelet count",
            "hemoglobin": "hemoglobin"}
def q(key, group, kind, text, label, hint, ask, served=(), **extra):
    # ``served``: the criteria it was first written for; not stored, the app reads them from each study's rules.
    d = {"key": key, "kind": kind}
    if kind == "lab":
        d["quantity"] = QUANTITY[key]
    d.update({"text": text, "label": label, "hint": hint, "ask_doctor": ask})
    if kind == "yes_no":
        d["choices"] = YN
    d.update(extra)
    Q.append(d)
    SHOWN.setdefault(group, []).append(key)

q("age_years", "about_you", "whole_number", "How old are you, in years?", "age",
  "Your age on your last birthday.", "Ask the study team about the age limit.", ["age_and_consent"], minimum=0, maximum=120)
q("can_consent", "about_you", "yes_no", "Can you understand the study and decide yourself to join it?",
  "agreeing to join yourself", "Think about it, or ask someone you trust.",
  "Ask the study team how they explain the study and ask for your agreement.", ["age_and_consent"])
q("relapsed_or_refractory", "treatment", "yes_no",
  "Has your myeloma come back, or stopped getting better with treatment?",
  "your myeloma coming back or not responding", DOC,
  "Ask your doctor: has my myeloma come back (relapsed), or stopped responding (refractory)?",
  ["relapsed_or_refractory"])
q("prior_treatment_lines", "treatment", "whole_number",
  "How many different treatments (lines of treatment) have you had for myeloma?",
  "number of past treatments",
  "Your treatment records, or ask your doctor. Your doctor can tell you how many lines you have had.",
  "Ask your doctor: how many lines of treatment have I had?", ["relapsed_or_refractory"], minimum=0, maximum=50)
q("prior_lenalidomide", "treatment", "yes_no", "Have you ever taken lenalidomide (Revlimid)?",
  "past lenalidomide (Revlimid)", "Your list of past medicines, or ask your doctor.",
  "Ask your doctor: have I taken lenalidomide (Revlimid) before?", ["prior_lenalidomide"])
q("prior_asct", "treatment", "yes_no", "Have you had a stem cell transplant using your own cells?",
  "a stem cell transplant with your own cells", "Your treatment records, or ask your doctor. Doctors call it an autologous transplant.",
  "Ask your doctor: did I have a transplant with my own stem cells, and on what date?", ["stem_cell_transplant"])
q("asct_date", "treatment", "date", "If you had that transplant: on what date?",
  "transplant date", "Your transplant records. If you had more than 1, give the latest.",
  "Ask your doctor for the date of your last stem cell transplant.", ["stem_cell_transplant"])
q("prior_toxicities_resolved", "treatment", "yes_no",
  "Have the side effects of your past treatment gone away, become mild, or gone back to how you were before that treatment? (Leave out nerve problems.)",
  "side effects of past treatment", DOC,
  "Ask your doctor: are side effects from my past treatment now grade 1 or less, or back to how I was before it?", ["prior_toxicities_resolved"])
q("neuropathy_grade", "daily_life", "whole_number",
  "What grade is any nerve damage in your hands or feet (numbness, tingling or pain)? Type 0 if you have none.",
  "nerve damage grade", "Doctors grade nerve damage: the higher the grade, the worse it is. Ask your doctor for your grade.",
  "Ask your doctor: what grade is my nerve damage (peripheral neuropathy)?", ["neuropathy"], minimum=0, maximum=4)
q("ecog", "daily_life", "whole_number", "Which sentence fits you best today?", "daily activity level (ECOG)",
  "Doctors call this the ECOG score: the number beside each sentence. Your doctor decides your score, so ask them if you are not sure.",
  "Ask your doctor: what is my ECOG performance status?", ["ecog"], minimum=0, maximum=4,
  choices=[{"value": "0", "label": "0: I can do everything I did before I got sick."},
           {"value": "1", "label": "1: I can't do heavy work or hard exercise, but I can walk and do light housework or office work."},
           {"value": "2", "label": "2: I can look after myself but can't work. I'm out of bed or my chair more than half the day."},
           {"value": "3", "label": "3: I can only partly look after myself. I spend more than half the day in a bed or chair."},
           {"value": "4", "label": "4: I can't look after myself at all. I stay in a bed or chair all day."},
           {"value": "unsure", "label": "Not sure"}])
q("serum_m_protein", "measurable", "lab", "What is your M protein (M spike) in the blood?",
  "M protein in the blood", MP + " Look for \"M spike\" or \"M protein\" on the SPEP.",
  "Ask your doctor for your latest M protein (SPEP) result.", ["measurable_disease"], units=["g/dL", "g/L"])
q("urine_m_protein", "measurable", "lab", "What is your M protein in the urine, over 24 hours?",
  "M protein in the urine", MP + " It is the UPEP from a 24-hour urine collection.",
  "Ask your doctor for your latest 24-hour urine M protein (UPEP) result.", ["measurable_disease"], units=["mg/24h", "g/24h"])
q("involved_flc", "measurable", "lab", "What is your involved free light chain level? (This is the light chain your myeloma makes: kappa or lambda.)",
  "involved free light chain", "Your free light chain report. It shows a kappa and a lambda level. Use the one your myeloma makes. If you do not know which one that is, ask your doctor.",
  "Ask your doctor for your involved free light chain level.", ["measurable_disease"], units=["mg/dL", "mg/L"])
q("flc_ratio_abnormal", "measurable", "yes_no", "Is your kappa/lambda ratio marked as abnormal (high or low)?",
  "abnormal kappa/lambda ratio", MP + " The report often marks an abnormal ratio with H or L.",
  "Ask your doctor: is my kappa/lambda free light chain ratio abnormal?", ["measurable_disease"],
  choices=[{"value": "yes", "label": "Yes, it is abnormal"}, {"value": "no", "label": "No, it is normal"},
           {"value": "unsure", "label": "Not sure"}])
q("plasmacytoma_2cm", "measurable", "yes_no",
  "Do you have a myeloma tumor (plasmacytoma), proven by a biopsy, that is at least 2 cm across?",
  "a myeloma tumor of 2 cm or more", "Your scan and biopsy reports, or ask your doctor.",
  "Ask your doctor: do I have a plasmacytoma of at least 2 cm?", ["measurable_disease"])
q("bone_marrow_plasma_cells", "measurable", "lab", "What share of the cells in your bone marrow are plasma cells?",
  "plasma cells in the bone marrow", "Your latest bone marrow biopsy report.",
  "Ask your doctor for the plasma cell percentage in your last bone marrow biopsy.", ["measurable_disease"], units=["%"])
q("anc", "blood_count", "lab", "What is your absolute neutrophil count (ANC)?",
  "neutrophil count (ANC)", CBC + " It may say ANC or \"neutrophils, absolute\".",
  "Ask your doctor for your latest absolute neutrophil count.", ["anc"], units=["10^9/L", "10^3/uL", "/uL"])
q("platelets", "blood_count", "lab", "What is your platelet count?", "platelets", CBC + " Look for PLT or platelets.",
  "Ask your doctor for your latest platelet count.", ["platelets"], units=["10^9/L", "10^3/uL", "/uL"])
q("hemoglobin", "blood_count", "lab", "What is your hemoglobin?", "hemoglobin", CBC + " Look for Hb or HGB.",
  "Ask your doctor for your latest hemoglobin.", ["hemoglobin"], units=["g/dL", "g/L", "mmol/L"])
q("egfr", "kidney_liver", "lab", "What is your eGFR (estimated kidney filtering rate)?", "eGFR",
  CMP + " Use the number marked eGFR, as printed. Creatinine clearance is a different number: do not use it here. If your report only shows creatinine clearance, choose \"Not sure\".",
  "Ask your doctor for your eGFR (not the creatinine clearance).", ["egfr"], units=["mL/min/1.73m2", "mL/min"])
for key, name, crit in (("alt", "ALT", "liver_enzymes"), ("ast", "AST", "liver_enzymes")):
    q(key, "kidney_liver", "lab", f"What is your {name} (a liver test)?", name,
      CMP + f" Type the {name} number and the top of the normal range printed beside it.",
      f"Ask your doctor for your latest {name} and its normal range.", [crit], units=["U/L", "xULN"])
q("bilirubin", "kidney_liver", "lab", "What is your total bilirubin (a liver test)?", "total bilirubin",
  CMP + " Type the total bilirubin and the top of the normal range printed beside it.",
  "Ask your doctor for your latest total bilirubin and its normal range.", ["bilirubin"], units=["mg/dL", "umol/L", "xULN"])
q("heart_disease", "health", "yes_no",
  "Do you have, or have you had, serious heart disease? For example: bad heart failure, a weak heart pump, chest pain from poor blood flow, heart rhythm problems that are not under control, or a heart attack in the last 6 months.",
  "serious heart disease", "Doctors call bad heart failure NYHA class 3 or 4. A weak heart pump means an ejection fraction under 40%. Ask your doctor.", "Ask your doctor: do I have heart disease that would count for this study?", ["heart_disease"])
q("uncontrolled_hypertension", "health", "yes_no", "Is your blood pressure under control?",
  "blood pressure control", "Your blood pressure readings, or ask your doctor. If you do not have high blood pressure, choose the first answer. The study doctor decides this.",
  "Ask your doctor: is my blood pressure under control?", ["uncontrolled_hypertension"],
  choices=[{"value": "no", "label": "Yes, it is under control, or I do not have high blood pressure"},
           {"value": "yes", "label": "No, it is not under control"},
           {"value": "unsure", "label": "Not sure"}])
q("plasma_cell_leukemia_or_amyloidosis", "health", "yes_no",
  "Do you have active plasma cell leukemia, or systemic AL amyloidosis (AL amyloidosis that affects the whole body)?",
  "plasma cell leukemia or systemic AL amyloidosis", DOC,
  "Ask your doctor: do I have active plasma cell leukemia, or systemic AL amyloidosis?", ["plasma_cell_leukemia_or_amyloidosis"])
q("other_active_cancer", "health", "yes_no",
  "Do you have another cancer (not myeloma) that is active now, or that went into remission less than 1 year ago? Leave out the cancers listed below.",
  "another cancer", "These do not count: any skin cancer that is not melanoma, prostate cancer that has not spread, bladder cancer only in the inner lining, and early cervical cancer (in situ) found on a biopsy. Nor does any cancer that the study's lead doctor judges has more than a 90% chance of cure at 1 year. Ask your doctor.", "Ask your doctor: does my other cancer count for this study?", ["other_cancer"])
q("hepatitis_b", "health", "choice", "Have you had hepatitis B for a long time (chronic hepatitis B)?", "hepatitis B",
  "Your blood test results, or ask your doctor.",
  "Ask your doctor: do I have chronic hepatitis B, and is the virus undetectable (HBV PCR)?", ["hepatitis_b"],
  choices=[{"value": "never", "label": "No, I do not have it"},
           {"value": "chronic_undetectable", "label": "Yes, and medicine keeps the virus too low to find"},
           {"value": "chronic_detectable", "label": "Yes, and the virus can still be found"},
           {"value": "unsure", "label": "Not sure"}])
q("hepatitis_c", "health", "choice", "Have you ever had hepatitis C?", "hepatitis C",
  "Your blood test results, or ask your doctor.",
  "Ask your doctor: have I had hepatitis C, and is it cured or undetectable?", ["hepatitis_c"],
  choices=[{"value": "never", "label": "No, never"},
           {"value": "cured", "label": "Yes, and it was treated and cured"},
           {"value": "treating_undetectable", "label": "Yes, I am being treated, and the virus is too low to find"},
           {"value": "detectable", "label": "Yes, and the virus can still be found"},
           {"value": "unsure", "label": "Not sure"}])
q("active_infection", "health", "yes_no", "Do you have an infection right now that is still out of control?",
  "an infection that is out of control", "The rule is about an infection that is not under control. Ask your doctor if you are not sure about yours.", "Ask your doctor: do I have an infection that is not under control?", ["active_infection"])
q("other_cancer_treatment", "health", "yes_no",
  "Would you keep taking another cancer medicine, or a medicine from another study, during this study?",
  "other cancer or study medicines", "Your medicine list, or ask your doctor. A medicine you will stop before this study starts does not count.",
  "Ask your doctor: which of my medicines would I need to stop?", ["other_cancer_treatment"])
q("contraception_agreement", "pregnancy", "yes_no",
  "Will you follow the study's birth control rule? It is for all men, and for women who could get pregnant: use 2 kinds of birth control, or do not have sex with a partner of the other sex.",
  "the birth control rule", "The rule lasts during treatment and after it ends: 6 months for women, 3 months for men. Ask your doctor or nurse which kinds of birth control count. If you are a woman who cannot get pregnant, the rule is not for you: choose the first answer.",
  "Ask the study team which kinds of birth control count, for how long, and whether the rule applies to you.", ["contraception"],
  choices=[{"value": "yes", "label": "Yes, or the rule is not for me because I am a woman who cannot get pregnant"},
           {"value": "no", "label": "No"}, {"value": "unsure", "label": "Not sure"}])

# Questions NCT04883242 does not ask, for other curated studies (the made-up test study of issue 15).
q("creatinine_clearance", "kidney_liver", "lab", "What is your creatinine clearance?", "creatinine clearance",
  "Your doctor works it out from a blood or urine test. It may be written CrCl, in mL/min. It is not the same as eGFR: do not type your eGFR here. If you are not sure which one you have, choose \"Not sure\".",
  "Ask your doctor: what is my creatinine clearance?", units=["mL/min"])
q("karnofsky", "daily_life", "whole_number", "What is your Karnofsky score? It goes up to 100, in steps of 10.",
  "daily activity score (Karnofsky)",
  "Your doctor gives this score. The higher it is, the more you can do on your own. Ask your doctor for your score.",
  "Ask your doctor: what is my Karnofsky performance status?", minimum=10, maximum=100, step=10)  # 0 is death: no one answering has it (as ECOG 5 is left out)
# Where each question is shown: after the question it sits best beside.
for group, after, key in (("kidney_liver", "egfr", "creatinine_clearance"), ("daily_life", "ecog", "karnofsky")):
    SHOWN[group].remove(key)
    SHOWN[group].insert(SHOWN[group].index(after) + 1, key)
# The bank's order is the answers file's (../shared/spec/interfaces.md §1): files are written in it.
FILE_ORDER = ["age_years", "can_consent", "relapsed_or_refractory", "prior_treatment_lines", "prior_lenalidomide",
              "serum_m_protein", "urine_m_protein", "involved_flc", "flc_ratio_abnormal", "plasmacytoma_2cm",
              "bone_marrow_plasma_cells", "ecog", "prior_toxicities_resolved", "neuropathy_grade", "prior_asct",
              "asct_date", "egfr", "alt", "ast", "bilirubin", "anc", "platelets", "hemoglobin",
              "contraception_agreement", "heart_disease", "uncontrolled_hypertension",
              "plasma_cell_leukemia_or_amyloidosis", "other_active_cancer", "hepatitis_b", "hepatitis_c",
              "active_infection", "other_cancer_treatment", "creatinine_clearance", "karnofsky"]
Q.sort(key=lambda d: FILE_ORDER.index(d["key"]))
data = {"format": "trial-explainer-questions", "version": 1,
        "groups": [{"id": i, "title": t, "intro": n, "questions": SHOWN[i]} for i, t, n in groups], "questions": Q}
import sys
open(sys.argv[1], "w", encoding="utf-8").write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
