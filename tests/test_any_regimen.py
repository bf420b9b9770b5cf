"""Any regimen (issue 15, item 4): the schedule, the words, the paper and the command
line for a study shaped nothing like NCT04883242. The second study is MADE UP
(tests/fixtures/made_up_two_arm_study.json): one part of 21-day cycles, a shot under
the skin on days 1, 8 and 15, a tablet on days 1 to 14, two groups with different
treatment, no follow-up."""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar
from pydantic import ValidationError

from explainer.cli import main
from explainer.content import ContentError, load_questions, load_summary_text, load_trial
from explainer.core.facts import trial_facts
from explainer.core.model import Form, Trial
from explainer.core.schedule import build_timeline, journey
from explainer.core.summary import SummaryOptions, build_summary, dated_cycle_count
from explainer.core.summary_grids import cycle_grids
from explainer.core.summary_labels import legend_for
from explainer.timeline_text import timeline_text_for

FIXTURES = Path(__file__).parent / "fixtures"
MADE_UP = FIXTURES / "made_up_two_arm_study.json"
MADE_UP_ANSWERS = FIXTURES / "made_up.answers.json"
START = dt.date(2026, 3, 2)  # a Monday
BANK = {"questions": load_questions()}  # each rule is checked against the question bank, as the loader does


@pytest.fixture(scope="module")
def made_up() -> Trial:
    return load_trial(MADE_UP)


def _data(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _without_regimen(data: dict) -> dict:
    data = copy.deepcopy(data)
    data["regimen"] = None
    for arm in data["arms"]:
        arm.pop("regimen", None)
    return data


def test_the_fixture_says_it_is_made_up(made_up) -> None:
    assert made_up.title.startswith("MADE-UP TEST STUDY, not a real trial")
    assert "MADE UP" in made_up.comment and "Never ship it" in made_up.comment


@pytest.mark.parametrize(("arm", "label", "cycles", "open_ended", "drugs"), [
    (0, "Arm A (exampizumab, testinib)", 17, True, ("exampizumab", "testinib")),  # a year of 21-day cycles
    (1, "Arm B (testinib)", 8, False, ("testinib",)),
])
def test_each_group_has_its_own_schedule(made_up, arm, label, cycles, open_ended, drugs) -> None:
    timeline = build_timeline(made_up, START, arm=arm)
    assert (timeline.arm_label, len(timeline.cycles), timeline.drugs) == (label, cycles, drugs)
    assert [(p.id, p.cycle_length_days, p.open_ended) for p in timeline.phases] == [("treatment", 21, open_ended)]
    assert {len(c.days) for c in timeline.cycles} == {21}
    assert timeline.cycle(2).start == START + dt.timedelta(days=21)


@pytest.mark.parametrize(("day", "said"), [
    (1, "Cycle 1, day 1, Monday, March 2, 2026: exampizumab by a shot under the skin at the clinic, "
        "testinib tablet by mouth at home. A clinic day."),
    (8, "Cycle 1, day 8, Monday, March 9, 2026: exampizumab by a shot under the skin at the clinic, "
        "testinib tablet by mouth at home. A clinic day."),
    (14, "Cycle 1, day 14, Sunday, March 15, 2026: testinib tablet by mouth at home."),
    (15, "Cycle 1, day 15, Monday, March 16, 2026: exampizumab by a shot under the skin at the clinic. A clinic day."),
    (16, "Cycle 1, day 16, Tuesday, March 17, 2026: no treatment. A rest day."),
])
def test_days_read_from_the_regimen(made_up, day, said) -> None:
    assert build_timeline(made_up, START).cycle(1).days[day - 1].describe() == said


def test_by_mouth_names_a_form_only_from_the_data(made_up, trial) -> None:
    assert made_up.intervention("testinib").form is Form.TABLET
    assert trial.intervention("pomalidomide").form is Form.CAPSULE
    data = _data(FIXTURES.parent.parent / "resources" / "trials" / "NCT04883242" / "trial.json")
    for item in data["interventions"]:
        item.pop("form", None)
    plain = Trial.model_validate_json(json.dumps(data), context=BANK)  # the file as it was before issue 15 still loads
    day = build_timeline(plain).cycle(1).days[1]
    assert day.describe() == "Cycle 1, day 2: pomalidomide by mouth at home."  # no capsule assumed


def test_the_journey_has_no_follow_up_where_the_record_gives_none(made_up, trial) -> None:
    assert [(s.id, s.part) for s in journey(made_up)] == [("screening", None), ("treatment", 1)]
    assert [s.id for s in journey(trial)] == ["screening", "induction", "maintenance", "follow_up"]


def test_open_questions_follow_the_data(made_up, trial) -> None:
    assert build_timeline(made_up).open_questions == (
        "How long does treatment go on for me, and how will we decide when it stops?",)
    assert build_timeline(made_up, arm=1).open_questions == ()
    assert build_timeline(trial).open_questions == (
        "When do the 24 months of maintenance start: at the first maintenance cycle, or at the start of treatment?",
        "Will I take dexamethasone by mouth, or get it by drip?")


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(regimen=d["arms"][0]["regimen"]), "either one 'regimen' for every group"),
    (lambda d: d["arms"][1].pop("regimen"), "has no 'regimen', but other arms have one"),
    (lambda d: d["interventions"][0].update(form="tablet"), "a form (tablet) is only for a medicine taken by mouth"),
    (lambda d: d["arms"][0]["regimen"]["phases"][0]["drugs"][0].update(drug="nothing"), "names unknown drug 'nothing'"),
    (lambda d: d["arms"][1]["regimen"]["phases"][0].update(id="follow_up"), "not be 'screening' or 'follow_up'"),
    (lambda d: d["arms"][0]["regimen"]["phases"][0]["drugs"][0]["day_rules"][0].update(days="1, 22"),
     "day 22 is outside a 21-day cycle"),
])
def test_broken_regimens_are_named(change, message) -> None:
    data = _data(MADE_UP)
    change(data)
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Trial.model_validate_json(json.dumps(data), context=BANK)


def test_a_study_with_no_schedule_is_allowed(made_up) -> None:
    bare = Trial.model_validate_json(json.dumps(_without_regimen(_data(MADE_UP))), context=BANK)
    assert bare.regimens == () and not bare.arms_differ
    with pytest.raises(ValueError, match="gives no treatment schedule"):
        build_timeline(bare)
    assert "cycle_days" not in trial_facts(bare)
    summary = build_summary(bare, None, None, dt.date(2026, 12, 5), SummaryOptions(), load_summary_text())
    assert summary.timeline is not None and summary.timeline.grids == ()
    assert summary.timeline.intro.startswith("The study record does not give a day-by-day plan.")


def test_facts_are_named_from_the_data(made_up, trial) -> None:
    facts = trial_facts(trial)
    assert (facts["cycle_days"], facts["induction_cycles"], facts["maintenance_months"]) == ("28", "6", "24")
    assert (facts["follow_up_days"], facts["follow_up_years"]) == ("30", "5")
    other = trial_facts(made_up)
    assert (other["cycle_days"], other["treatment_cycles"]) == ("21", "")
    assert "follow_up_years" not in other


@pytest.mark.parametrize(("arm", "legend"), [
    (0, (("po", "Tablet by mouth at home"), ("sc", "Shot under the skin at the clinic"), ("ring", "Clinic day"))),
    (1, (("po", "Tablet by mouth at home"),)),  # no clinic day in its grids
])
def test_the_paper_key_lists_the_marks_used(made_up, arm, legend) -> None:
    assert legend_for(cycle_grids(build_timeline(made_up, arm=arm))) == legend


def test_the_key_for_the_built_in_study_is_as_before(trial) -> None:
    assert legend_for(cycle_grids(build_timeline(trial))) == (
        ("iv", "Drip (IV) at the clinic"), ("po", "Capsule by mouth at home"),
        ("either", "By mouth or by drip: ask which"), ("ring", "Clinic day"),
        ("dashed", "Clinic day only if given by drip"))


@pytest.mark.parametrize(("which", "count"), [("built-in", 7), ("made-up", 10)])
def test_about_half_a_year_of_dates_is_printed(made_up, trial, which, count) -> None:
    assert dated_cycle_count(build_timeline(trial if which == "built-in" else made_up, START)) == count


def test_the_words_come_from_the_study(made_up, trial) -> None:
    generic, own = timeline_text_for(made_up), timeline_text_for(trial)
    assert generic.part_journey == {} and generic.clinic_days.drug_steps == {}
    assert set(own.part_journey) == {"induction", "maintenance"}
    assert set(own.clinic_days.drug_steps) == {"isatuximab", "carfilzomib"}
    assert "myeloma" in own.journey.screening and "myeloma" not in generic.journey.screening


def test_a_misspelt_study_word_is_named(made_up) -> None:
    broken = made_up.model_copy(update={"words": made_up.words.model_copy(update={"timeline": {"jorney": {}}})})
    with pytest.raises(ContentError, match="NCT99999901 words.timeline: jorney: unknown field"):
        timeline_text_for(broken)


# --- the command line ---------------------------------------------------------------------

def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_validate_passes_and_says_the_groups_differ(capsys) -> None:
    code, out, _ = _run(capsys, "validate", str(MADE_UP))
    assert code == 0
    assert out.splitlines()[0].endswith("NCT99999901, 9 criteria, treatment phases per group: 1, 1")
    # A trial file alone, of another study: only the app's own pages, never the built-in study's.
    pages = [line for line in out.splitlines() if line.startswith(("ok  page", "--  page"))]
    assert pages == [f"ok  page {name}" for name in ("welcome", "who-can-join", "help", "glossary", "about")]
    assert "ok  timeline words" in out


def test_validate_of_the_built_in_study_still_checks_every_page(capsys) -> None:
    code, out, _ = _run(capsys, "validate")
    assert code == 0 and "--" not in out and "ok  page what-happens" in out
    assert out.splitlines()[0].endswith("24 criteria, 2 treatment phases")


def test_check_works_for_the_made_up_study(capsys) -> None:
    code, out, _ = _run(capsys, "check", "--trial", str(MADE_UP), str(MADE_UP_ANSWERS))
    assert code == 0
    assert "Self-check for study NCT99999901" in out
    assert "Your neutrophil count (ANC): 1.2 ×10⁹/L = 1,200/µL. The study needs at least 1,500/µL." in out
    # Karnofsky and creatinine clearance are bank questions this answers file leaves unanswered.
    assert "Karnofsky score of 70 or more" in out and "Only the study team can judge this rule." not in out
    assert "The app has no answer it can use for your daily activity score (Karnofsky) yet." in out


# The bank's questions NCT04883242 does not ask (issue 15 item 2): each rule is met, not
# met or open, the same way in `check`, in the PDF and (tests/test_any_regimen_gui.py) the window.
KARNOFSKY_AND_KIDNEYS = [
    ({"karnofsky": 80, "creatinine_clearance": {"value": 45, "unit": "mL/min"}}, "satisfied", "satisfied"),
    ({"karnofsky": 70, "creatinine_clearance": {"value": 30, "unit": "mL/min"}}, "satisfied", "satisfied"),
    ({"karnofsky": 60, "creatinine_clearance": {"value": 29.5, "unit": "mL/min"}}, "not_satisfied", "not_satisfied"),
    ({"karnofsky": 10}, "not_satisfied", "unknown"),
    ({}, "unknown", "unknown"),
]


def _made_up_answers(tmp_path: Path, answers: dict) -> Path:
    path = tmp_path / "mine.answers.json"
    path.write_text(json.dumps({"format": "trial-explainer-answers", "version": 1, "trial": "NCT99999901",
                                "as_of": "2026-11-23", "answers": answers}), encoding="utf-8")
    return path


@pytest.mark.parametrize(("answers", "karnofsky", "kidneys"), KARNOFSKY_AND_KIDNEYS)
def test_check_judges_karnofsky_and_creatinine_clearance(tmp_path, capsys, answers, karnofsky, kidneys) -> None:
    code, out, _ = _run(capsys, "check", "--trial", str(MADE_UP), str(_made_up_answers(tmp_path, answers)), "--json")
    assert code == 0
    status = {c["id"]: c["status"] for c in json.loads(out)["criteria"]}
    assert (status["karnofsky"], status["creatinine_clearance"]) == (karnofsky, kidneys)


@pytest.mark.parametrize(("answer", "message"), [
    ({"karnofsky": 75}, "answers.karnofsky: Input should be a multiple of 10"),
    ({"karnofsky": 110}, "answers.karnofsky: Input should be less than or equal to 100"),
    ({"karnofsky": 0}, "answers.karnofsky: Input should be greater than or equal to 10"),  # 0 is death
    ({"karnofsky": "70"}, "answers.karnofsky: Input should be a valid integer"),
    # Creatinine clearance is another number than eGFR (writing guide §4.8): no eGFR unit.
    ({"creatinine_clearance": {"value": 45, "unit": "mL/min/1.73m2"}},
     "answers.creatinine_clearance: unit 'mL/min/1.73m2' is not accepted here; use one of mL/min"),
    ({"creatinine_clearance": {"value": 45000, "unit": "mL/min"}},
     "answers.creatinine_clearance: no lab report shows a number this large here"),
])
def test_a_wrong_karnofsky_or_creatinine_clearance_is_refused_by_name(tmp_path, capsys, answer, message) -> None:
    path = _made_up_answers(tmp_path, answer)
    code, out, err = _run(capsys, "check", "--trial", str(MADE_UP), str(path))
    assert (code, out) == (2, "") and err.startswith(f"trial-explainer: {path}: {message}") and err.count("\n") == 1


def test_the_pdf_shows_karnofsky_and_creatinine_clearance_judged(tmp_path, capsys) -> None:
    answers = _made_up_answers(tmp_path, {"karnofsky": 60, "creatinine_clearance": {"value": 45, "unit": "mL/min"}})
    out = tmp_path / "summary.pdf"
    code, _, _ = _run(capsys, "pdf", str(answers), "--trial", str(MADE_UP), "-o", str(out), "--arm", "1",
                      "--paper", "a4")
    assert code == 0
    # Read in reading order (no -layout): the table's columns are not interleaved.
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "✗ Seems not met You can look after yourself. Doctors call this a Karnofsky score of 70 or more." in text
    assert "Your daily activity score (Karnofsky): 60. The study needs at least 70." in text
    assert "Your creatinine clearance: 45 mL/min. The study needs at least 30 mL/min." in text


@pytest.mark.parametrize(("args", "message"), [
    ((), "the 2 groups in this study get different treatment; say which is yours with --arm 1 to --arm 2"),
    (("--arm", "3"), "--arm: 3 is not a group of this study; use 1 to 2"),
    (("--arm", "2", "--delay", "9:7"), "--delay: cycle 9 is not a cycle that can start late; use 2 to 8 "
                                    "(a late cycle 1 is a later first treatment day)"),
])
def test_calendar_needs_a_group_where_groups_differ(tmp_path, capsys, args, message) -> None:
    out = tmp_path / "my.ics"
    code, _, err = _run(capsys, "calendar", "--trial", str(MADE_UP), "--start-date", "2026-03-02",
                        "-o", str(out), *args)
    assert (code, err) == (2, f"trial-explainer: {message}\n")
    assert not out.exists()


@pytest.mark.parametrize(("arm", "events", "first", "part"), [
    # Arm A has no set end: no "of about 17", the calendar holds its first year.
    ("1", 17 * 15, "Clinic day: exampizumab, testinib (treatment cycle 1, day 1)", "Treatment: cycle 1, day 1."),
    ("2", 8 * 14, "At home: testinib (treatment cycle 1, day 1)", "Treatment: cycle 1 of 8, day 1."),
])
def test_calendar_for_each_group(tmp_path, capsys, arm, events, first, part) -> None:
    out = tmp_path / "my.ics"
    code, said, _ = _run(capsys, "calendar", "--trial", str(MADE_UP), "--start-date", "2026-03-02",
                         "-o", str(out), "--arm", arm)
    assert code == 0 and said.startswith(f"Wrote {events} treatment days")
    found = [e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert len(found) == events and str(found[0]["SUMMARY"]) == first
    description = str(found[0]["DESCRIPTION"])
    assert description.startswith(f"{part} Study NCT99999901.")
    assert "tablet by mouth at home" in description and "capsule" not in description


def test_calendar_for_a_study_with_no_schedule_is_one_line(tmp_path, capsys) -> None:
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(_without_regimen(_data(MADE_UP))), encoding="utf-8")
    out = tmp_path / "my.ics"
    code, _, err = _run(capsys, "calendar", "--trial", str(bare), "--start-date", "2026-03-02", "-o", str(out))
    assert code == 2 and not out.exists()
    assert err == ("trial-explainer: the study record gives no day-by-day treatment plan, so there are no dates "
                   "to work out; ask the study team for your treatment days\n")
    code, out_text, _ = _run(capsys, "validate", str(bare))
    assert code == 0 and "no treatment schedule (the record gives none)" in out_text


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize(("arm", "shown", "grid"), [
    ("1", "This shows the group Arm A (exampizumab, testinib).", "Treatment: every cycle"),
    ("2", "This shows the group Arm B (testinib).", "Treatment cycles 1 to 8"),
])
def test_the_pdf_for_each_group(tmp_path, capsys, arm, shown, grid) -> None:
    out = tmp_path / "summary.pdf"
    code, _, _ = _run(capsys, "pdf", str(MADE_UP_ANSWERS), "--trial", str(MADE_UP), "-o", str(out),
                      "--start-date", "2026-03-02", "--arm", arm, "--paper", "a4")
    assert code == 0
    text = " ".join(_pdf_text(out).split())
    text = text[:text.index("Words used in this summary")]  # the glossary's own meanings say "capsule"
    for words in (shown, grid, "Study NCT99999901", "This is a made-up study.", "Your self-check",
                  "Treatment cycle 1 Mon Mar 2, 2026", "Tablet by mouth at home"):
        assert words in text
    for never in ("capsule", "Capsule", "Follow-up", "follows up", "isatuximab", "maintenance", "induction"):
        assert never not in text
    # Group B takes tablets at home only: no clinic-day part, no clinic mark in the key.
    assert ("What a clinic day asks of you" in text) is (arm == "1")
    if arm == "1":
        assert "exampizumab by a shot under the skin at the clinic; testinib tablet by mouth at home" in text
        assert "Shot under the skin at the clinic" in text and "Cycles of 21 days with no set end" in text
        assert "Days with exampizumab at the clinic" in text


def test_the_web_page_for_the_made_up_study(tmp_path, capsys) -> None:
    out = tmp_path / "summary.html"
    code, _, _ = _run(capsys, "html", "--trial", str(MADE_UP), "-o", str(out), "--arm", "1",
                      "--start-date", "2026-03-02", "--delay", "2:3")
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert '<use href="#mark-sc">' in page and "Shot under the skin at the clinic" in page
    assert "Tablet by mouth at home" in page and "capsule by mouth" not in page.lower()


def test_pdf_and_web_page_for_a_study_with_no_schedule(tmp_path, capsys) -> None:
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(_without_regimen(_data(MADE_UP))), encoding="utf-8")
    pdf, page = tmp_path / "summary.pdf", tmp_path / "summary.html"
    assert _run(capsys, "pdf", "--trial", str(bare), "-o", str(pdf), "--paper", "a4")[0] == 0
    assert _run(capsys, "html", "--trial", str(bare), "-o", str(page))[0] == 0
    said = ("The study record does not give a day-by-day plan. Ask the study team which days you go to the clinic "
            "and which medicines you take at home.")
    text = " ".join(_pdf_text(pdf).split())
    assert f"Treatment timeline {said}" in text and "The whole journey" not in text
    html = page.read_text(encoding="utf-8")
    assert said in html and 'class="grid"' not in html and "mark-iv" not in html.split("<main")[-1]
    code, _, err = _run(capsys, "pdf", "--trial", str(bare), "-o", str(pdf), "--arm", "2")
    assert code == 0  # no schedule, nothing to choose: the groups are still named in the record
