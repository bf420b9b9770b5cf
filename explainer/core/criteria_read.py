"""Numeric rules read from a criterion's words, deterministically.

``read_line(text)`` finds what a program can check from a patient's numbers: age,
blood counts, kidney and liver tests, albumin, performance status (ECOG, Karnofsky),
the number of prior lines of treatment and the time since a transplant or the last
treatment. Each ``ReadRule`` keeps the comparison, the number, the unit as the
record writes it (spacing normalised) and whether the number is a multiple of the
upper limit of normal, plus the words it was read from.

Wrong is worse than unread, so the reader is narrow on purpose:

- a number counts only with a unit that fits the test (a platelet count in years is
  not a platelet count), and a lab value without any unit is not read;
- a condition in the words ("unless Gilbert's syndrome", "(≤ 5 x ULN with liver
  metastases)", "in women", "for patients with ...", an "or" between two tests,
  "one of the following") never changes the number: the rule is returned with
  ``condition`` holding those words, and whoever evaluates it must leave a value
  that fails the limit open (a question for the patient or the study team);
- anything it does not understand is not read.

No Qt, no files, no clock here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from explainer.core.criteria import Criteria, CriterionItem, Kind, SubItem
from explainer.core.language import say

Op = Literal[">=", ">", "<=", "<", "==", "range"]
Number = int | float
MAX_READ_TEXT = 20_000  # longer text is not read at all (no rule is better than a slow one)
_HEAD_REACH = 300       # how far before a test its subject ("For patients with ...") is looked for


class ReadRule(BaseModel):
    # defer_build: made when a record's criteria are first read, not when this loads.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    question: str
    op: Op
    value: Number | tuple[Number, Number] | str  # text only for sex: "female" or "male"
    unit: str | None
    uln: bool = False
    words: str
    condition: str | None = None
    line: int = 0  # 0: the item's own line; n: its n-th sub-item, in record order

    def as_spec(self) -> dict[str, object]:
        """The "read" object of ../shared/spec/interfaces.md §3 (plus the condition's words)."""
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {"question": self.question, "op": self.op, "value": value, "unit": self.unit,
                "uln": self.uln, "condition": self.condition}


# ---------------------------------------------------------------- vocabulary

# Bounded digit runs: a hostile text of 20,000 digits must not make a regex slow.
_NUM = r"\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,6})?|\d{1,12}(?:\.\d{1,6})?|\.\d{1,6}"
_WORD_NUMBERS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_WORD_NUM = "|".join(_WORD_NUMBERS)

# Comparisons before the number. Longest first so "greater than or equal to" wins over "greater than".
_PREFIX_OPS: tuple[tuple[str, Op], ...] = (
    (r"greater\s+than\s+or\s+equal\s+to|more\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:greater|more)\s+than"
     r"|equal\s+or\s+(?:greater|more)\s+than|at\s+least|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of"
     r"|minimum\s+of|>\s*=|=\s*>|≥|⩾|≧|\+?>=", ">="),
    (r"less\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+less\s+than|equal\s+or\s+less\s+than|no\s+more\s+than"
     r"|not\s+more\s+than|no\s+greater\s+than|not\s+greater\s+than|not\s+exceeding|not\s+to\s+exceed|at\s+most"
     r"|a\s+maximum\s+of|maximum\s+of|up\s+to|<\s*=|=\s*<|≤|⩽|≦", "<="),
    (r"greater\s+than|more\s+than|higher\s+than|older\s+than|above|over|exceeding|>", ">"),
    (r"less\s+than|lower\s+than|fewer\s+than|younger\s+than|below|under|<", "<"),
    (r"equal\s+to|equals|==?", "=="),
)
_PREFIX = "|".join(f"(?:{pattern})" for pattern, _ in _PREFIX_OPS)
_POSTFIX_OPS: tuple[tuple[str, Op], ...] = (
    (r"or\s+(?:more|greater|higher|above|over|older)|and\s+(?:above|over|older)", ">="),
    (r"or\s+(?:less|lower|below|fewer|younger|under)|and\s+(?:below|under|younger)", "<="),
)
_POSTFIX = "|".join(f"(?:{pattern})" for pattern, _ in _POSTFIX_OPS)

_ULN = (r"(?:x|×|\*|times|-?fold)?\s*(?:the\s+)?(?:institutional\s+|institution's\s+)?"
        r"(?:upper\s+limits?\s+of\s+(?:the\s+)?normal(?:\s+range)?(?:\s*\((?:ULN|IULN)\))?|I?ULN|"
        r"(?:institutional\s+)?norm(?:al)?(?:\s+limits?)?)")

# Units each test may have, as written (the unit is what makes a number a lab value).
_COUNT_UNITS = (r"(?:cells\s*)?/\s*(?:mm\s*\^?\s*3|mm³|cu\.?\s*mm|cmm|µL|μL|uL|ul|mcL|microliter)"
                r"|(?:cells\s+)?per\s+(?:mm\s*\^?\s*3|mm³|cu\.?\s*mm|cubic\s+millimet(?:er|re)s?|µL|μL|uL|ul|mcL|microlit(?:er|re))"
                r"|(?:x|×|\*)\s*10\s*(?:\^|\*\*|e|E)?\s*\(?(?:9|⁹)\)?\s*/\s*L|(?:x|×)\s*109\s*/\s*L"
                r"|(?:x|×|\*)?\s*10\s*(?:\^|\*\*|e|E)?\s*\(?(?:3|³)\)?\s*/\s*(?:µL|μL|uL|ul|mm3|mm\^3|mcL)"
                r"|K\s*/\s*(?:µL|μL|uL|ul|mcL)|G\s*/\s*L|/\s*L")
_HGB_UNITS = r"g\s*/\s*dL|g\s*/\s*dl|gm\s*/\s*dL|gm\s*/\s*dl|gm?\s*%|g\s*/\s*L|g\s*/\s*l|mmol\s*/\s*L"
_CHEM_UNITS = r"mg\s*/\s*d[lL]|µmol\s*/\s*L|μmol\s*/\s*L|umol\s*/\s*L|micromol\s*/\s*L|mmol\s*/\s*L"
_ENZ_UNITS = r"I?U\s*/\s*L"
_CLEAR_UNITS = (r"m[lL]\s*/\s*min(?:ute)?(?:\s*/\s*1[.,]73\s*m\s*(?:\^?\s*2|²))?"
                r"(?:\s+per\s+1[.,]73\s*m\s*(?:\^?\s*2|²))?")
_AGE_UNITS = r"years?|yrs?|months?|weeks?|days?"
_TIME_UNITS = r"years?|months?|weeks?|days?"


@dataclass(frozen=True)
class _Test:
    question: str
    names: str           # regular expression of its names
    units: str | None    # regular expression of its units; None: a scale without units
    uln_ok: bool = False
    case_sensitive_names: str | None = None  # abbreviations that must keep their case (eGFR, not EGFR)
    low: float = 0.0     # plausible values; outside them nothing is read
    high: float = 1e7


_TESTS: tuple[_Test, ...] = (
    _Test("creatinine_clearance", r"creatinine\s+clearance|\bCr\s?Cl\b", _CLEAR_UNITS, high=500,
          case_sensitive_names=r"\bCrCl\b|\bCCr\b"),
    _Test("egfr", r"(?:estimated\s+)?glomerular\s+filtration\s+rate", _CLEAR_UNITS, high=500,
          case_sensitive_names=r"\beGFR\b|\bGFR\b"),
    _Test("anc", r"absolute\s+neutrophil(?:\s+count)?|neutrophil\s+count|neutrophils", _COUNT_UNITS,
          case_sensitive_names=r"\bANC\b"),
    _Test("lymphocytes", r"absolute\s+lymphocyte(?:\s+count)?|lymphocyte\s+count|lymphocytes", _COUNT_UNITS,
          case_sensitive_names=r"\bALC\b"),
    _Test("granulocytes", r"(?:absolute\s+)?granulocyte(?:s|\s+count)?", _COUNT_UNITS,
          case_sensitive_names=r"\bAGC\b"),
    _Test("platelets", r"platelets?(?:\s+count)?|thrombocytes?", _COUNT_UNITS,
          case_sensitive_names=r"\bPLT\b"),
    _Test("white_cells", r"white\s+blood\s+cell(?:s|\s+count)?|white\s+(?:blood\s+)?count|leu[ck]ocytes?"
          r"(?:\s+count)?", _COUNT_UNITS, case_sensitive_names=r"\bWBCs?\b"),
    _Test("hemoglobin", r"ha?emoglobin", _HGB_UNITS, high=300, case_sensitive_names=r"\bHg?b\b"),
    _Test("creatinine", r"(?:serum\s+)?creatinine(?!\s+clearance)", _CHEM_UNITS, uln_ok=True, high=5000,
          case_sensitive_names=r"\bSCr\b"),
    _Test("bilirubin", r"(?:total\s+|serum\s+)?bilirubin", _CHEM_UNITS, uln_ok=True, high=5000),
    _Test("ast", r"aspartate\s+(?:amino)?transaminase|aspartate\s+aminotransferase", _ENZ_UNITS, uln_ok=True,
          high=10000, case_sensitive_names=r"\bAST\b|\bSGOT\b"),
    _Test("alt", r"alanine\s+(?:amino)?transaminase|alanine\s+aminotransferase", _ENZ_UNITS, uln_ok=True,
          high=10000, case_sensitive_names=r"\bALT\b|\bSGPT\b"),
    _Test("albumin", r"(?:serum\s+)?albumin", r"g\s*/\s*dL|g\s*/\s*dl|g\s*/\s*L|g\s*/\s*l", high=100),
    # The WHO and Zubrod scales are the ECOG scale under other names (same grades 0 to 5).
    _Test("ecog", r"Eastern\s+Cooperative\s+(?:Oncology\s+)?Group|Zubrod|WHO\s+performance(?:\s+status)?", None, high=5,
          case_sensitive_names=r"\bECOG\b"),
    _Test("karnofsky", r"Karnofsky", r"%", high=100, case_sensitive_names=r"\bKPS\b"),
)

# Words that make a reading conditional when they stand next to it.
_CONDITION = re.compile(
    r"\b(?:unless|except|excluding|exception|if|when|whereas|provided|only|in\s+(?:the\s+)?(?:case|presence|absence"
    r"|patients?|subjects?|participants?|those|individuals?|women|men|females?|males?|children|adults|people|cases)"
    r"|for\s+(?:patients?|subjects?|participants?|those|individuals?|women|men|females?|males?|children|adults"
    r"|people|all|any|cohorts?|arms?|parts?)|with(?:out)?\b|patients?\s+with|subjects?\s+with|participants?\s+with"
    r"|women|men|females?|males?|cohorts?|arms?|part\s+[A-Z0-9]|or|deviations?|toleran(?:ce|t)|approximately|about"
    r"|around|roughly)\b|[<>≤≥±~]|=<|>="
    r"|\d+(?:\.\d+)?\s*(?:x|×|times)\s*(?:the\s+)?(?:ULN|upper|institutional)",
    re.IGNORECASE)
# A parent line whose sub-items do not each stand alone: in an inclusion, alternatives
# ("one of the following"); in an exclusion, parts that exclude only together ("all of").
_ALTERNATIVES = {
    "inclusion": re.compile(r"\b(?:one|any|either)\s+(?:of\s+)?(?:the\s+)?(?:following|these|below)|\bor\s*:?\s*$",
                            re.IGNORECASE),
    "exclusion": re.compile(r"\b(?:all|both|each)\s+(?:of\s+)?(?:the\s+)?(?:following|these|below)|\band\s*:?\s*$",
                            re.IGNORECASE),
}
# Harmless words after a reading: a timing ("within 14 days of registration"), an abbreviation in brackets.
_HARMLESS_TAIL = re.compile(
    r"^[\s.,:]*(?:\((?:[A-Za-z][A-Za-z0-9 .\-]{0,12})\)\s*)*"
    r"(?:(?:obtained\s+|measured\s+|done\s+|performed\s+)?(?:within|≤|<=)\s+\d+\s+(?:days?|weeks?)\s+"
    r"(?:of|before|prior\s+to)\s+(?:registration|enrollment|enrolment|randomi[sz]ation|screening|study\s+entry"
    r"|the\s+first\s+dose|treatment|day\s+1)|at\s+screening)?[\s.,;:]*$",
    re.IGNORECASE)


def _names(test: _Test) -> re.Pattern[str]:
    pattern = rf"(?i:{test.names})"
    if test.case_sensitive_names:
        pattern += f"|{test.case_sensitive_names}"
    return re.compile(pattern)


_NAMES = tuple((test, _names(test)) for test in _TESTS)
_LIMIT_CACHE: dict[str, re.Pattern[str]] = {}
_UNIT_GROUPS = ("unit_n", "unit_r", "unit_r1", "unit_b", "unit_b1")


def _limit_pattern(units: str | None, uln_ok: bool) -> re.Pattern[str]:
    """op? number (unit) postfix-op?, a range "a-b" / "a to b" / "between a and b", or a list "0, 1 or 2"."""
    key = f"{units}|{uln_ok}"
    if key in _LIMIT_CACHE:
        return _LIMIT_CACHE[key]
    unit_alts = [u for u in (units, _ULN if uln_ok else None) if u]
    body = "|".join(f"(?:{u})" for u in unit_alts) if unit_alts else "(?!)"

    def unit(name: str) -> str:
        return rf"(?P<{name}>{body})"

    pattern = (
        rf"(?:between\s+(?P<b_lo>{_NUM})\s*(?:{unit('unit_b1')})?\s+and\s+(?P<b_hi>{_NUM})\s*{unit('unit_b')}?"
        rf"|(?P<r_lo>{_NUM})\s*(?:{unit('unit_r1')})?\s*(?:-|–|to)\s*(?P<r_hi>{_NUM})\s*{unit('unit_r')}?"
        r"|(?P<list>\d{1,3}(?:\s*,\s*\d{1,3}){0,10}\s*,?\s+or\s+\d{1,3})(?![\d.])"
        rf"|(?:(?P<pre>{_PREFIX})\s*)?(?:of\s+)?(?P<num>{_NUM})(?![\d,]*\s*(?:-|–|to)\s*\d)\s*{unit('unit_n')}?"
        rf"(?:\s*(?P<post>{_POSTFIX}))?"
        + (rf"|(?P<pre_u>{_PREFIX})\s*(?P<uln_only>(?:the\s+)?(?:institutional\s+)?(?:upper\s+limit\s+of\s+"
           r"(?:the\s+)?normal(?:\s*\(ULN\))?|I?ULN))" if uln_ok else "") + ")"
        r"(?![\w/])")
    compiled = re.compile(pattern, re.IGNORECASE)
    _LIMIT_CACHE[key] = compiled
    return compiled


# ---------------------------------------------------------------- reading

def read_line(text: str, condition: str | None = None, kind: Kind = "inclusion") -> tuple[ReadRule, ...]:
    """Every rule read from one line of registry words (escapes already undone).

    ``kind`` matters for two tests in one sentence: in an inclusion "A or B" are
    alternatives, in an exclusion "A and B" must both hold; either way each reading
    then carries the sentence as its condition.
    """
    if len(text) > MAX_READ_TEXT:
        return ()
    rules: list[ReadRule] = []
    for _start, clause in _clauses(text):
        found = _read_clause(clause, condition, kind)
        if not found and rules and _qualifies_earlier(clause, rules):
            # "Bilirubin <= 1.5 x ULN. Patients with Gilbert's syndrome: <= 3 x ULN."
            rules = [_conditioned(rule, clause.strip()) for rule in rules]
        rules.extend(found)
    return tuple(rules)


_LATER = re.compile(r"\b(?:unless|except|exception|exceptions|otherwise|excluding|exempt)\b", re.IGNORECASE)
_COMPARED = re.compile(r"(?:[<>≤≥]|=<|>=|\b(?:less|more|greater|fewer)\s+than|\bat\s+(?:least|most))\s*\d")


def _qualifies_earlier(clause: str, rules: list[ReadRule]) -> bool:
    """A later sentence with no reading of its own that changes the earlier ones."""
    if _LATER.search(clause):
        return True
    if _COMPARED.search(clause) and _LEAD.search(clause):
        return True
    names = [pattern for test, pattern in _NAMES if any(rule.question == test.question for rule in rules)]
    return any(pattern.search(clause) for pattern in names)


def _conditioned(rule: ReadRule, condition: str) -> ReadRule:
    return rule if rule.condition is not None else rule.model_copy(update={"condition": condition})


def read_criteria(criteria: Criteria) -> dict[str, tuple[ReadRule, ...]]:
    """Rules of every item, by item id, checked across items.

    When an item reads a test with its own condition ("Patients with Gilbert's
    syndrome: bilirubin <= 3 x ULN"), every other reading of that test in items of
    the same kind gets a condition too: the record gives more than one limit for it.
    """
    read = {item.id: read_item(item) for item in criteria.items}
    for kind in ("inclusion", "exclusion"):
        items = [item for item in criteria.items if item.kind == kind]
        qualified = {rule.question: rule.condition for item in items for rule in read[item.id]
                     if rule.condition is not None and not _inherited(item, rule)}
        for item in items:
            read[item.id] = tuple(
                _conditioned(rule, say("The record gives another limit for this test: {limit}").format(
                    limit=qualified[rule.question]))
                if rule.question in qualified and rule.condition is None else rule
                for rule in read[item.id])
    return read


def _inherited(item: CriterionItem, rule: ReadRule) -> bool:
    """A condition that only says "one of the following" does not qualify the other readings."""
    return rule.line > 0 and rule.condition is not None and item.text.startswith(rule.condition)


def read_item(item: CriterionItem) -> tuple[ReadRule, ...]:
    """Rules in an item's own line and in its sub-items (alternatives marked as conditions)."""
    counter = [0]
    return read_line(item.text, None, item.kind) + _read_subs(item.text, item.sub_items, None, item.kind, counter)


def single_read(item: CriterionItem) -> ReadRule | None:
    """The one rule for an item, when its words hold exactly one and nothing else is read."""
    rules = read_item(item)
    return rules[0] if len(rules) == 1 else None


def _read_subs(parent: str, subs: tuple[SubItem, ...], inherited: str | None, kind: Kind,
               counter: list[int]) -> tuple[ReadRule, ...]:
    condition = inherited
    if condition is None and _ALTERNATIVES[kind].search(parent):
        condition = parent if len(parent) <= 200 else parent[:200]
    out: list[ReadRule] = []
    for sub in subs:
        counter[0] += 1
        out.extend(rule.model_copy(update={"line": counter[0]}) for rule in read_line(sub.text, condition, kind))
        out.extend(_read_subs(sub.text, sub.sub_items, condition, kind, counter))
    return tuple(out)


def _clauses(text: str) -> list[tuple[int, str]]:
    """Split at ';' and at sentence ends outside brackets (a decimal point is not an end)."""
    out: list[tuple[int, str]] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (char == ";" or (char == "." and _sentence_end(text, index))):
            out.append((start, text[start:index]))
            start = index + 1
    out.append((start, text[start:]))
    return [(s, c) for s, c in out if c.strip()]


def _sentence_end(text: str, index: int) -> bool:
    after = text[index + 1:index + 3]
    before = text[max(0, index - 4):index]
    return (after == "" or after[:1] == " " and (after[1:2].isupper() or after[1:2] == "")) and not re.search(
        r"(?:\b[A-Za-z]|e\.g|i\.e|vs|approx|Calc)$", before)


@dataclass(frozen=True)
class _Mention:
    test: _Test
    start: int
    end: int


def _mentions(clause: str) -> list[_Mention]:
    found: list[_Mention] = []
    for test, names in _NAMES:
        for match in names.finditer(clause):
            found.append(_Mention(test, match.start(), match.end()))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[_Mention] = []
    for mention in found:  # the longest name at a place wins ("creatinine clearance", not "creatinine")
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _read_clause(clause: str, inherited: str | None, kind: Kind) -> list[ReadRule]:
    mentions = _mentions(clause)
    groups = _groups(clause, mentions)
    rules: list[ReadRule] = []
    readings: list[tuple[int, int, list[_Test], re.Match[str]]] = []
    for index, group in enumerate(groups):
        window_end = groups[index + 1][0].start if index + 1 < len(groups) else len(clause)
        start = group[-1].end
        limit = _limit_after(clause, start, window_end, group[0].test)
        if limit is None:
            continue
        tests = list({m.test.question: m.test for m in group}.values())  # a test named twice reads once
        readings.append((group[0].start, window_end, tests, limit))
    joiner = r"\bor\b" if kind == "inclusion" else r"\band\b(?!\s*/)"
    alternatives = len(readings) > 1 and any(
        re.search(joiner, clause[readings[i][3].end():readings[i + 1][0]], re.IGNORECASE)
        for i in range(len(readings) - 1))
    conditions = [inherited or _condition(clause, start, limit.end(), window_end, alternatives, kind)
                  for start, window_end, _tests, limit in readings]
    if conditions and conditions[-1] and not conditions[-1].startswith("(") and inherited is None:
        # A condition after the last test of a list may be meant for all of them.
        conditions = [c or conditions[-1] for c in conditions]
    for (start, _end, tests, limit), condition in zip(readings, conditions, strict=True):
        for test in tests:
            rule = _rule(test, limit, clause[start:limit.end()].strip(), condition)
            if rule is not None:
                rules.append(rule)
    rules.extend(_read_age(clause, inherited, kind))
    rules.extend(_read_lines(clause, inherited, kind))
    rules.extend(_read_time_since(clause, inherited, kind))
    return _joined(clause, rules, kind)


def _joined(clause: str, rules: list[ReadRule], kind: Kind) -> list[ReadRule]:
    """Readings joined by "or" in an inclusion (alternatives) or "and" in an exclusion
    (they exclude only together) all carry the sentence as their condition."""
    if len(rules) < 2:
        return rules
    joiner = re.compile(r"\bor\b" if kind == "inclusion" else r"\band\b(?!\s*/)", re.IGNORECASE)
    placed = sorted((clause.find(rule.words), len(rule.words)) for rule in rules)
    for (first, length), (second, _) in zip(placed, placed[1:], strict=False):
        if first >= 0 and second > first + length and joiner.search(clause, first + length, second):
            return [_conditioned(rule, clause.strip()) for rule in rules]
    return rules


def _groups(clause: str, mentions: list[_Mention]) -> list[list[_Mention]]:
    """ "AST/ALT", "AST and ALT", "ALT or AST", "SGOT/SGPT": one limit for tests named together."""
    groups: list[list[_Mention]] = []
    for mention in mentions:
        if groups:
            last = groups[-1][-1]
            between = clause[last.end:mention.start]
            same_kind = {last.test.question, mention.test.question} <= {"ast", "alt"} or \
                last.test.question == mention.test.question
            if same_kind and re.fullmatch(r"\s*\)?\s*(?:\([A-Za-z ]{1,10}\))?\s*(?:/|and|or|,|and/or)\s*", between):
                groups[-1].append(mention)
                continue
            if last.test.question == mention.test.question and re.fullmatch(r"\s*\(\s*", between):
                groups[-1].append(mention)  # "Absolute neutrophil count (ANC" : the same test named twice
                continue
        groups.append([mention])
    return groups


_FILLER = re.compile(
    r"(?:\s|\((?:[A-Za-z][A-Za-z0-9 .\-/]{0,30})\)|\)|[:,]|\b(?:count|counts|level|levels|value|values|concentration"
    r"|score|scores|status|performance|PS|of|is|are|must|should|be|has|have|a|an|the|serum|total|blood|plasma"
    r"|absolute|calculated|measured|estimated|rate|scale|grade|result)\b)*",
    re.IGNORECASE)


def _limit_after(clause: str, start: int, end: int, test: _Test) -> re.Match[str] | None:
    """The limit right after a test's name: only filler words may stand between them."""
    filler = _FILLER.match(clause, start, end)
    at = filler.end() if filler else start
    # A filler regex may stop inside a word ("Oncology" in "Group"); never read past a digit-free gap.
    gap = clause[start:at]
    if re.search(r"\d", gap):
        return None
    match = _limit_pattern(test.units, test.uln_ok).match(clause, at, end)
    if match is None or match.end() == at:
        return None
    return match


def _condition(clause: str, start: int, limit_end: int, window_end: int, alternatives: bool, kind: Kind
               ) -> str | None:
    head = clause[max(0, start - _HEAD_REACH):start]
    if alternatives:
        return clause.strip()
    if _joint(clause[limit_end:window_end], kind):
        return clause[limit_end:window_end][:_HEAD_REACH].strip(" ,;.")
    tail = _own_tail(clause[limit_end:window_end], kind)
    if not _HARMLESS_TAIL.match(tail) and _CONDITION.search(tail):
        return tail.strip(" ,;.")
    if _lead_condition(head):
        return head.strip(" ,;.:")
    return None


_LEAD = re.compile(
    r"\b(?:if|unless|except|when|for|in|among|only|women|men|females?|males?|children|cohorts?|arms?|part|"
    r"deviations?|toleran(?:ce|t)|approximately|about|around|roughly|"
    r"(?:patients?|subjects?|participants?|individuals?|those)\s+(?:with|who|on|receiving|having|treated))\b",
    re.IGNORECASE)


def _lead_condition(head: str) -> bool:
    """Words before the test that limit who the rule is for ("For patients with liver metastases, ...")."""
    return _LEAD.search(head) is not None


def _number(text: str) -> Number:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() else value


def _unit(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"\s+", " ", text.strip())
    return re.sub(r"\s*([/^])\s*", r"\1", text)


def _is_uln(unit: str | None) -> bool:
    return bool(unit) and re.fullmatch(_ULN, unit or "", re.IGNORECASE) is not None and \
        re.search(r"ULN|normal|norm", unit or "", re.IGNORECASE) is not None


def _rule(test: _Test, limit: re.Match[str], words: str, condition: str | None) -> ReadRule | None:
    if limit.groupdict().get("uln_only"):  # "bilirubin <= ULN": once the upper limit of normal
        return ReadRule(question=test.question, op=_op_of(limit.group("pre_u"), _PREFIX_OPS), value=1,
                        unit="xULN", uln=True, words=words, condition=condition)
    unit = _unit(next((limit.group(g) for g in _UNIT_GROUPS if limit.group(g)), None))
    uln = _is_uln(unit)
    if uln:
        unit = "xULN"
    if test.units is not None and unit is None:
        if test.question != "karnofsky":
            return None  # a lab number without a unit: which unit is a guess
    numbers = [limit.group(g) or "" for g in ("num", "r_lo", "r_hi", "b_lo", "b_hi")]
    if test.units is _COUNT_UNITS and unit and not re.search(r"10|K|G", unit) and any("." in n for n in numbers):
        return None  # "100.000/mm3" (a European thousands mark?) or "1.5/µL": which number is meant is a guess
    parsed = _op_value(limit, test)
    if parsed is None:
        return None
    op, value = parsed
    values = value if isinstance(value, tuple) else (value,)
    if any(v < test.low or v > test.high for v in values):
        return None
    if test.question == "ecog" and any(float(v) != int(v) for v in values):
        return None
    return ReadRule(question=test.question, op=op, value=value, unit=unit, uln=uln, words=words,
                    condition=condition)


def _op_value(limit: re.Match[str], test: _Test) -> tuple[Op, Number | tuple[Number, Number]] | None:
    scale_top = {"ecog": None, "karnofsky": 100}.get(test.question)
    if limit.group("b_lo") is not None or limit.group("r_lo") is not None:
        low = _number(limit.group("b_lo") or limit.group("r_lo"))
        high = _number(limit.group("b_hi") or limit.group("r_hi"))
        if high < low:
            return None
        return _scale_range(test, low, high, scale_top)
    if limit.group("list") is not None:
        numbers = [_number(n) for n in re.findall(_NUM, limit.group("list"))]
        if test.question not in ("ecog", "karnofsky") or numbers != sorted(numbers):
            return None
        step = 10 if test.question == "karnofsky" else 1
        if any(b - a != step for a, b in zip(numbers, numbers[1:], strict=False)):
            return None  # "0 or 2" is not a range
        return _scale_range(test, numbers[0], numbers[-1], scale_top)
    value = _number(limit.group("num"))
    pre, post = limit.group("pre"), limit.group("post")
    if pre and post:
        return None
    if pre:
        return _op_of(pre, _PREFIX_OPS), value
    if post:
        return _op_of(post, _POSTFIX_OPS), value
    if test.question in ("ecog", "karnofsky"):
        return "==", value  # "ECOG performance status of 0"
    return None  # "platelets 100,000/mm3" with no comparison: not read


def _scale_range(test: _Test, low: Number, high: Number, scale_top: Number | None
                 ) -> tuple[Op, Number | tuple[Number, Number]]:
    """ECOG "0-1" is "<= 1" and Karnofsky "70-100" is ">= 70": the scale's own end is no limit."""
    if test.question == "ecog" and low == 0:
        return "<=", high
    if scale_top is not None and high == scale_top:
        return ">=", low
    return "range", (low, high)


def _op_of(words: str, table: tuple[tuple[str, Op], ...]) -> Op:
    for pattern, op in table:
        if re.fullmatch(pattern, words.strip(), re.IGNORECASE):
            return op
    raise AssertionError(words)  # the alternation above only matches these


# ---------------------------------------------------------------- age, prior lines, time since

def _age_tail(name: str) -> str:
    return rf"(?P<{name}>{_AGE_UNITS})(?:\s+(?:of\s+age|old))?"


_AGE_LIMIT = re.compile(
    rf"(?:between\s+(?P<b_lo>{_NUM})\s+and\s+(?P<b_hi>{_NUM})\s+{_age_tail('unit_b')}"
    rf"|(?P<r_lo>{_NUM})\s*(?:-|–|to)\s*(?P<r_hi>{_NUM})\s+{_age_tail('unit_r')}"
    rf"|(?:(?P<pre>{_PREFIX})\s*)?(?P<num>{_NUM})\s*{_age_tail('unit')}(?:\s*,?\s*(?P<post>{_POSTFIX}))?"
    rf"|(?:(?P<pre2>{_PREFIX})\s*)(?P<num2>{_NUM})(?!\s*(?:{_AGE_UNITS}|[\d%/.]))"
    rf"|(?P<num3>{_NUM})\s*(?P<post3>{_POSTFIX}))(?![\w/])",
    re.IGNORECASE)
_AGE_WORD = re.compile(r"(?<!gestational )(?<!bone )(?<!corrected )(?<!postmenstrual )(?<!mental )"
                       r"\b(?:age[ds]?|aged)\b(?!-)", re.IGNORECASE)
_AGE_FILLER = re.compile(r"(?:\s|[:,]|\b(?:is|are|must|should|be|at|the|time|of|enrollment|entry|consent"
                         r"|screening|signing|patients?|subjects?|participants?)\b)*")
_OF_AGE = re.compile(r"\b(?:of\s+age|old)\b", re.IGNORECASE)


def _read_age(clause: str, inherited: str | None, kind: Kind) -> list[ReadRule]:
    """ "Age >= 18 years", "Aged < 18 years", "between 18 and 75 years of age", "18 years or older",
    "Age > 18 and < 70 years" (both ends read, the unit shared)."""
    rules: list[ReadRule] = []
    for word in _AGE_WORD.finditer(clause):
        if re.match(r"\s+of\b", clause[word.end():]):  # "years of age": read from the number before
            continue
        filler = _AGE_FILLER.match(clause, word.end())
        match = _AGE_LIMIT.match(clause, filler.end() if filler else word.end())
        if match is not None:
            rules.extend(_age_chain(clause, word.start(), _age_bounds(clause, match), inherited, kind))
    if rules:
        return rules
    # No "age" word before a number: "18 years of age or older", "≥ 12 years to < 18 years of age".
    read_up_to = 0
    for match in _AGE_LIMIT.finditer(clause):
        if match.start() < read_up_to:
            continue
        chain = _age_bounds(clause, match)
        older = re.match(r"(?:older|younger)\b", match.group("pre") or match.group("pre2") or "", re.IGNORECASE)
        if not (older or any(_age_unit(m) and _says_of_age(clause, m) for m in chain)):
            continue
        rules.extend(_age_chain(clause, match.start(), chain, inherited, kind))
        read_up_to = chain[-1].end()
    return rules


def _has_op(match: re.Match[str]) -> bool:
    return any(match.group(g) for g in ("pre", "post", "pre2", "post3"))


def _age_bounds(clause: str, first: re.Match[str]) -> list[re.Match[str]]:
    """The first age limit and any second end joined to it: "> 18 and < 70 years"."""
    chain = [first]
    if not _has_op(first):
        return chain
    gap = re.match(r"\s*(?:and|to|but|-|–)\s*", clause[first.end():])
    if gap:
        following = _AGE_LIMIT.match(clause, first.end() + gap.end())
        if following is not None and _has_op(following):
            chain.append(following)
    return chain


def _age_chain(clause: str, start: int, chain: list[re.Match[str]], inherited: str | None, kind: Kind
               ) -> list[ReadRule]:
    units = [_age_unit(m) for m in chain]
    shared = next((u for u in reversed(units) if u), None)
    rules = []
    for index, match in enumerate(chain):
        rule = _age_from(clause, start if index == 0 else match.start(), match, inherited, kind,
                         unit_text=units[index] or shared, tail_start=chain[-1].end())
        if rule is None:
            return []  # both ends or neither: half a range would be looser than the words
        rules.append(rule)
    return rules


def _says_of_age(clause: str, match: re.Match[str]) -> bool:
    return _OF_AGE.search(match.group(0)) is not None or re.match(
        r"\s*(?:of\s+age|old)\b", clause[match.end():], re.IGNORECASE) is not None


def _age_unit(match: re.Match[str]) -> str | None:
    return match.group("unit") or match.group("unit_b") or match.group("unit_r")


def _age_from(clause: str, start: int, match: re.Match[str], inherited: str | None, kind: Kind,
              unit_text: str | None = None, tail_start: int | None = None) -> ReadRule | None:
    unit_text = unit_text or _age_unit(match)
    if match.group("b_lo") or match.group("r_lo"):
        low = _number(match.group("b_lo") or match.group("r_lo"))
        high = _number(match.group("b_hi") or match.group("r_hi"))
        if high < low:
            return None
        op: Op = "range"
        value: Number | tuple[Number, Number] = (low, high)
    elif match.group("num2") is not None:
        op, value = _op_of(match.group("pre2"), _PREFIX_OPS), _number(match.group("num2"))
    elif match.group("num3") is not None:
        op, value = _op_of(match.group("post3"), _POSTFIX_OPS), _number(match.group("num3"))
    else:
        value = _number(match.group("num"))
        pre, post = match.group("pre"), match.group("post")
        if bool(pre) == bool(post):
            return None
        op = _op_of(pre, _PREFIX_OPS) if pre else _op_of(post, _POSTFIX_OPS)
    values = value if isinstance(value, tuple) else (value,)
    if any(v > 130 for v in values) and (unit_text or "years").lower().startswith("y"):
        return None
    head = clause[max(0, start - _HEAD_REACH):start]
    tail = clause[tail_start if tail_start is not None else match.end():]
    if inherited is None and _lead_condition(head) and not _AGE_SUBJECT.fullmatch(head):
        return None  # "for individuals >= 1 year of age": who another rule is for, not an age rule
    condition = inherited
    if condition is None and _joint(tail, kind):
        condition = tail[:_HEAD_REACH].strip(" ,;.")
    tail = _own_tail(tail, kind)
    if condition is None and _age_tail_condition(tail):
        condition = tail.strip(" ,;.")
    unit = unit_text.lower() if unit_text else None
    return ReadRule(question="age", op=op, value=value, unit=unit, uln=False,
                    words=clause[start:match.end()].strip(), condition=condition)


_AGE_SUBJECT = re.compile(
    r"\s*(?:(?:healthy|adult)\s+)?(?:(?:men|women|males?|females?|boys|girls)(?:\s+(?:and|or|and/or)\s+"
    r"(?:men|women|males?|females?|boys|girls))?|children|adults|adolescents|infants|patients?|subjects?"
    r"|participants?|volunteers|people|persons|individuals)?\s*,?\s*(?:'s|')?\s*(?:must\s+be|is|are|aged?|of)?\s*",
    re.IGNORECASE)


def _age_tail_condition(tail: str) -> bool:
    """Words after an age that limit it ("for cohort 2"); "at the time of consent" does not."""
    tail = re.sub(r"^\s*(?:of\s+age|old|,?\s*inclusive|at\s+the\s+time\s+of\s+(?:the\s+)?\w+"
                  r"(?:\s+\w+)?)\b", "", tail.strip(" ,.;"), flags=re.IGNORECASE)
    return bool(tail.strip(" ,.;")) and not _HARMLESS_TAIL.match(tail) and _CONDITION.search(tail) is not None


_LINES = re.compile(
    rf"(?:(?P<pre>{_PREFIX})\s+)?(?P<num>\d{{1,2}}|{_WORD_NUM})(?:\s+(?P<post>{_POSTFIX}))?\s+"
    r"(?:(?:prior|previous|preceding)\s+)(?:(?:standard|systemic|anti-?cancer|anti-?myeloma|treatment|therapy|"
    r"therapeutic|chemotherapy|different|distinct)\s+){0,3}"
    r"(?:lines?|regimens?)(?:\s+of\s+(?:\w+\s+){0,2}?(?:therapy|treatment|chemotherapy))?\b",
    re.IGNORECASE)


def _count(words: str) -> int:
    """A count the patterns take as digits or as a word ("2", "two")."""
    word = words.lower()
    return _WORD_NUMBERS[word] if word in _WORD_NUMBERS else int(word)


def _read_lines(clause: str, inherited: str | None, kind: Kind) -> list[ReadRule]:
    rules: list[ReadRule] = []
    for match in _LINES.finditer(clause):
        pre, post = match.group("pre"), match.group("post")
        if bool(pre) == bool(post):
            continue  # "received 2 prior lines" (exactly? at least?) is left to the patient
        op = _op_of(pre, _PREFIX_OPS) if pre else _op_of(post, _POSTFIX_OPS)
        value = _count(match.group("num"))
        rules.append(ReadRule(question="prior_treatment_lines", op=op, value=value, unit=None, uln=False,
                              words=match.group(0).strip(), condition=inherited or _tail_condition(
                                  clause[match.end():], kind)))
    return rules


# A stem cell transplant, named so that an organ transplant is never taken for one.
_GRAFT = (r"(?:(?P<graft>autologous|allogeneic|allogenic)\s+(?:\((?:auto|allo)[^)]{0,10}\)\s*)?)?"
          r"(?:(?:hematopoietic|haematopoietic|peripheral\s+blood)\s+)?(?:stem[\s-]+cell|bone\s+marrow)\s+"
          r"transplant(?:ation)?(?:\s*\([A-Za-z-]{2,8}\))?"
          r"|(?P<abbr>(?:auto|allo)-?(?:HSCT|SCT|HCT)|ASCT|HSCT|SCT|HCT)\b")
_TRANSPLANT = re.compile(
    rf"(?:{_GRAFT})\s+(?P<rel>within|in\s+the\s+(?:last|past|previous)|less\s+than|<|≤)\s+"
    rf"(?P<num>\d{{1,3}}|{_WORD_NUM})\s+(?P<unit>{_TIME_UNITS})",
    re.IGNORECASE)
_AFTER_TRANSPLANT = re.compile(
    rf"(?P<pre>{_PREFIX})\s+(?P<num>\d{{1,3}}|{_WORD_NUM})\s+(?P<unit>{_TIME_UNITS})\s+(?:have\s+)?"
    r"(?:(?:elapsed|passed)\s+)?(?:since|after|from|following|post)\s+(?:(?:the|an?|prior|previous|their|last)\s+)*"
    rf"(?:{_GRAFT})",
    re.IGNORECASE)
_SINCE_LAST = re.compile(
    rf"(?P<pre>{_PREFIX})\s+(?P<num>\d{{1,3}}|{_WORD_NUM})\s+(?P<unit>{_TIME_UNITS})\s+(?:have\s+)?(?:elapsed\s+)?"
    r"(?:since|after|from|following)\s+(?:the\s+|their\s+)?(?:last|final|most\s+recent|prior|previous)\s+"
    r"(?:dose|treatment|therapy|injection|infusion|administration|cycle)\b",
    re.IGNORECASE)


def _read_time_since(clause: str, inherited: str | None, kind: Kind) -> list[ReadRule]:
    rules: list[ReadRule] = []
    for match in _TRANSPLANT.finditer(clause):
        question = _transplant_question(match)
        rel = match.group("rel").lower()
        op: Op = "<" if rel in ("less than", "<") else "<="
        value = _count(match.group("num"))
        # In an inclusion, "... within 3 months, or ... transplant within 6" are alternatives.
        condition = inherited or (clause.strip() if kind == "inclusion" and re.search(
            r"\bor\b[^.;]*transplant", clause[match.end():], re.IGNORECASE) else None)
        rules.append(ReadRule(question=question, op=op, value=value, unit=match.group("unit").lower(), uln=False,
                              words=match.group(0).strip(), condition=condition or _tail_condition(
                                  clause[match.end():], kind)))
    for match in _AFTER_TRANSPLANT.finditer(clause):
        value = _count(match.group("num"))
        rules.append(ReadRule(question=_transplant_question(match), op=_op_of(match.group("pre"), _PREFIX_OPS),
                              value=value, unit=match.group("unit").lower(), uln=False, words=match.group(0).strip(),
                              condition=inherited or _tail_condition(clause[match.end():], kind)))
    for match in _SINCE_LAST.finditer(clause):
        value = _count(match.group("num"))
        rules.append(ReadRule(question="time_since_last_treatment", op=_op_of(match.group("pre"), _PREFIX_OPS),
                              value=value, unit=match.group("unit").lower(), uln=False, words=match.group(0).strip(),
                              condition=inherited or _tail_condition(clause[match.end():], kind)))
    return rules


def _transplant_question(match: re.Match[str]) -> str:
    graft = (match.group("graft") or match.group("abbr") or "").lower()
    if graft.startswith("auto") or graft == "asct":
        return "time_since_autologous_transplant"
    if graft.startswith("allo"):
        return "time_since_allogeneic_transplant"
    return "time_since_transplant"


def _own_tail(tail: str, kind: Kind) -> str:
    """The words after a reading that still belong to it.

    In an inclusion, "who ...", "that ..." or "including ..." add another requirement
    (the item needs both), not a case where the number differs. In an exclusion,
    ", or ..." starts another reason to be left out (each excludes on its own).
    """
    tail = tail[:_HEAD_REACH]  # a condition is written near its number
    if kind == "inclusion" and re.match(r"\s*,?\s*(?:who|that|which|including)\b", tail, re.IGNORECASE):
        return ""
    if kind == "exclusion":
        depth = 0
        for index, char in enumerate(tail):
            depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
            if depth <= 0 and re.match(r",?\s+(?:and/)?or\s+(?![<>≤≥=\d]|less|more|greater|above|below|higher|lower)",
                                       tail[index:], re.IGNORECASE):
                return tail[:index]
    return tail


def _joint(tail: str, kind: Kind) -> bool:
    """An exclusion that goes on with "and ...", "with ...": it excludes only together with that."""
    return kind == "exclusion" and re.match(
        r"\s*,?\s*(?:and|with|who|that|plus|in\s+combination)\b(?!\s*/)\s*\S", tail[:_HEAD_REACH],
        re.IGNORECASE) is not None


def _tail_condition(tail: str, kind: Kind = "inclusion") -> str | None:
    if _joint(tail, kind):
        return tail[:_HEAD_REACH].strip(" ,.;")
    tail = _own_tail(tail, kind)
    if _HARMLESS_TAIL.match(tail):
        return None
    trimmed = re.sub(r"^\s*(?:before|prior\s+to)\s+(?:the\s+)?(?:first\s+dose|registration|enrollment|"
                     r"randomi[sz]ation|study\s+entry|study\s+(?:drug|treatment)|day\s+1)[^,;]*", "", tail,
                     flags=re.IGNORECASE)
    if not trimmed.strip(" ,.;") or not _CONDITION.search(trimmed):
        return None
    return tail.strip(" ,.;")


def structured_age_rules(minimum: tuple[int, str] | None, maximum: tuple[int, str] | None) -> tuple[ReadRule, ...]:
    """The record's own minimum and maximum ages (e.g. (18, "years")) as rules."""
    rules = []
    for bound, op in ((minimum, ">="), (maximum, "<=")):
        if bound is not None:
            value, unit = bound
            rules.append(ReadRule(question="age", op=op, value=value, unit=unit, uln=False,  # type: ignore[arg-type]
                                  words=f"{value} {unit}"))
    return tuple(rules)


def structured_sex_rule(sex: str | None) -> ReadRule | None:
    """The record's own sex field: FEMALE or MALE is a rule; ALL is none."""
    if sex not in ("FEMALE", "MALE"):
        return None
    return ReadRule(question="sex", op="==", value=sex.lower(), unit=None, uln=False, words=sex)
