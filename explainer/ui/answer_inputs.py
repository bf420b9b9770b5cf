"""One input widget per answer kind. Each has ``value()``, ``set_value()`` and a
``value_changed`` signal; "Not sure" is always there, and an empty field is unanswered.

The spec stores "Not sure" only for yes/no and choice questions; for a number, a lab
value or a date it means "leave it out", which the self-check treats as open.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from explainer.core.answers import LabValue
from explainer.core.eligibility import full_months_between
from explainer.core.facts import long_date
from explainer.core.questions import Question
from explainer.core.language import current_language
from explainer.core.units import (
    ULN,
    conversion_text,
    convert,
    display_unit,
    format_value,
    physical_problem,
    unusual,
)
from explainer.ui.i18n import tr

UNSURE = "unsure"
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")  # a space, no-break, narrow no-break, thin: thousands
_SPANISH_NUMBER = re.compile(r"([+-]?)([\d.,]*\d[\d.,]*)([eE][+-]?\d+)?")
AMBIGUOUS = "ambiguous"  # '150.000' is 150 000 in Spain and 150 in the United States: never guessed


def parse_number(text: str, language: str | None = None) -> float | None:
    """'150', '4.9', '4,9' (decimal comma), '150,000' (thousands); None if not a number.
    In Spanish (``language``, else the app's) see spanish_number: a number that reads two
    ways is None too, and ``ambiguous_words`` says why."""
    if (language or current_language()) == "es":
        number = spanish_number(text)
        return None if number == AMBIGUOUS else number
    text = text.strip().replace(" ", "")
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def spanish_number(text: str) -> float | str | None:
    """A number as people type it in Spanish, never silently changed:
    - spaces group thousands: '150 000' = 150000;
    - with both marks, the last one is the decimal mark and the other groups thousands
      in threes: '1.500,5' = 1500.5, '1,500.5' = 1500.5;
    - one mark used twice or more groups thousands: '1.500.000' = 1500000;
    - one mark once is decimal ('1,5', '4.9', '0,500', '1234,5'), except with exactly three
      digits after it and one to three before (not '0'): '150.000', '1,500' are AMBIGUOUS."""
    text = _SPACES.sub("", text.strip())
    match = _SPANISH_NUMBER.fullmatch(text)
    if match is None:
        return None
    sign, digits, exponent = match.group(1), match.group(2), match.group(3) or ""
    marks = [c for c in digits if c in ".,"]
    if len(set(marks)) == 2:
        decimal = digits[max(digits.rfind("."), digits.rfind(","))]
        group = "," if decimal == "." else "."
        whole, _, fraction = digits.rpartition(decimal)
        if not re.fullmatch(rf"\d{{1,3}}(\{group}\d{{3}})*", whole) or not fraction.isdigit():
            return None
        plain = whole.replace(group, "") + "." + fraction
    elif len(marks) > 1:
        if exponent or not re.fullmatch(rf"\d{{1,3}}(\{marks[0]}\d{{3}})+", digits):
            return None
        plain = digits.replace(marks[0], "")
    elif marks:
        whole, _, fraction = digits.partition(marks[0])
        if not fraction.isdigit():
            return None
        if not exponent and len(fraction) == 3 and whole and len(whole) <= 3 and not whole.startswith("0"):
            return AMBIGUOUS
        plain = f"{whole}.{fraction}"
    else:
        plain = digits
    number = float(sign + plain + exponent)
    return number if abs(number) != float("inf") else None


def ambiguous_words(typed: str) -> str:
    """One plain sentence for a number that reads two ways ('150.000': 150 000 or 150);
    empty for any other text."""
    if current_language() != "es" or spanish_number(typed) != AMBIGUOUS:
        return ""
    digits = _SPACES.sub("", typed.strip()).lstrip("+-")
    mark = "." if "." in digits else ","
    whole, _, fraction = digits.partition(mark)
    thousands = f"{int(whole + fraction):,}".replace(",", "\u00a0")
    decimal = plain_number(float(f"{whole}.{fraction}"))
    return tr("We cannot tell if {typed} means {thousands} or {decimal}: please type the one you mean, "
              "written as here.").format(typed=typed.strip(), thousands=thousands, decimal=decimal)


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
# Spanish month names are read in either language: none of them, nor 3 letters of one,
# names another month in English ('mar', 'may', 'jun', 'jul', 'sep', 'oct', 'nov' are the same month).
SPANISH_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                  "octubre", "noviembre", "diciembre")
_FILLER_WORDS = ("st", "nd", "rd", "th", "of", "the", "de", "del")  # '1st of March', '1 de marzo de 2023'
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_YEAR_LAST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
DATE_WORDS = "Please type the date as year-month-day, like 2024-01-10, or as January 10, 2024."
SHORT_YEAR_WORDS = "Please type the whole year, like 2024, so the date cannot be misread."


def _month(word: str) -> int | None:
    """'March', 'Mar', 'mar.', 'Sept', 'marzo', 'dic', 'setiembre' -> 3, 3, 3, 9, 3, 12, 9 (3 letters at least)."""
    word = word.lower().rstrip(".")
    if len(word) < 3:
        return None
    if word == "sept" or "setiembre".startswith(word) and word.startswith("set"):  # Spanish 'setiembre' too
        return 9
    return next((n for n, name in enumerate(MONTHS, start=1) if name.startswith(word)), None) or \
        next((n for n, name in enumerate(SPANISH_MONTHS, start=1) if name.startswith(word)), None)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, day_first: bool) -> dt.date | str | None:
    """A typed date in the forms people type: '2023-03-01', 'March 1, 2023', '1 March
    2023', '1 de marzo de 2023', and '3/1/2023' in the order of the person's region (``day_first``: 1/3/2023),
    or the other order when only that one is a date (25/12/2023). A date; SHORT_YEAR
    for a two-digit year; None when it is no date."""
    text = text.strip()
    if match := _ISO.match(text):
        return _date(*map(int, match.groups()))
    if match := _YEAR_LAST.match(text):
        first, second, year = match.groups()
        if len(year) == 2:
            return SHORT_YEAR
        a, b = int(first), int(second)
        readings = [(b, a), (a, b)] if day_first else [(a, b), (b, a)]  # (month, day)
        return next((d for month, day in readings if (d := _date(int(year), month, day))), None)
    words = re.findall(r"[A-Za-z]+\.?|\d+", text.replace(",", " "))
    words = [w for w in words if w.lower() not in _FILLER_WORDS]
    months = [m for w in words if not w.isdigit() and (m := _month(w))]
    numbers = [w for w in words if w.isdigit()]
    if len(months) != 1 or len(numbers) != 2 or len(words) != 3:
        return None
    day, year = (numbers if len(numbers[1]) >= len(numbers[0]) else numbers[::-1])
    if len(year) == 2:
        return SHORT_YEAR
    return _date(int(year), months[0], int(day)) if len(year) == 4 else None


SHORT_YEAR = "short year"


def region_reads_day_first() -> bool:
    """Whether dates here are written day first (1/3/2023 is March 1), from the
    region's short date format."""
    from PySide6.QtCore import QLocale

    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return "d" in pattern and "M" in pattern and pattern.index("d") < pattern.index("M")


def plain_number(number: float, language: str | None = None) -> str:
    """The number exactly as stored, without thousands separator: 1234567, 4.9648; with an
    exponent only beyond any lab value (1e+308 would otherwise fill the box with 309 digits).
    In Spanish with a decimal comma, 4,9648, read back as the same number: 1.234 is written
    1,2340, as 1,234 would read two ways (spanish_number)."""
    if float(number).is_integer() and abs(number) < 1e15:
        return str(int(number))
    shown = repr(float(number))
    if (language or current_language()) != "es":
        return shown
    shown = shown.replace(".", ",")
    return shown + "0" if spanish_number(shown) == AMBIGUOUS else shown


def unit_label(unit: str) -> str:
    return tr("× ULN (times the top of normal)") if unit == ULN else display_unit(unit)


class AnswerInput(QWidget):
    value_changed = Signal()

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self._note: QLabel | None = None
        # Where the note goes once made (a typed answer's own layout; a question's row
        # places it under the answer instead): None keeps it out of any layout.
        self.place_note: Callable[[QLabel], None] | None = None

    @property
    def note(self) -> QLabel:
        """The line under a typed answer: a conversion, a warning or a problem with what
        was typed. Made when first asked for or first needed (show_note): a choice's
        buttons have none, and most typed answers never say anything (issue 18: the
        self-check made and styled 15 hidden notes ahead)."""
        if self._note is None:
            self._note = QLabel()
            self._note.setWordWrap(True)
            self._note.setTextFormat(Qt.TextFormat.PlainText)  # it may quote what was typed or opened
            self._note.setAccessibleName(tr("Note about {question}").format(question=self.question.label))
            self._note.hide()
            if self.place_note is not None:
                self.place_note(self._note)
        return self._note

    def has_note(self) -> bool:
        """Whether the note is made yet (show_note makes it when there is first something to say)."""
        return self._note is not None

    def show_note(self, text: str) -> None:
        if not text and self._note is None:
            return  # nothing to say, and nothing said before
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def is_unsure(self) -> bool:
        return False


LONG_CHOICE = 30  # longer choice labels wrap beside their button (a radio button's own text cannot)


class _ChoiceLabel(QLabel):
    """A radio button's long label: wraps at any text size; a click chooses the button."""

    def __init__(self, button: QRadioButton, text: str) -> None:
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)
        self.setBuddy(button)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self.button.click()
        self.button.setFocus()
        event.accept()


class _WrappedChoice(QWidget):
    def __init__(self, button: QRadioButton, text: str) -> None:
        super().__init__()
        self.label = _ChoiceLabel(button, text)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)


class ChoiceInput(AnswerInput):
    """Radio buttons; for a whole-number question with choices (ECOG) the value is an int."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        # Short Yes / No / Not sure sit in a row; more choices, or words ("Yes, it is under
        # control, or ..."), go one under the other so a large text size never runs off the page.
        # The whole row counts too: three short Spanish answers ("Sí, es anormal", "No, es
        # normal", "No lo sé") made one row wider than the page at 250% text.
        in_a_row = (question.kind == "yes_no" and len(question.choices) <= 3
                    and all(len(c.label) <= LONG_CHOICE // 2 for c in question.choices)
                    and sum(len(c.label) for c in question.choices) <= LONG_CHOICE)
        layout = QHBoxLayout(self) if in_a_row else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for choice in question.choices:
            long_label = len(choice.label) > LONG_CHOICE
            button = QRadioButton("" if long_label else choice.label)
            button.setAccessibleName(f"{question.label}: {choice.label}")
            self.group.addButton(button)
            self.buttons[choice.value] = button
            layout.addWidget(_WrappedChoice(button, choice.label) if long_label else button)
        if isinstance(layout, QHBoxLayout):
            layout.addStretch(1)
        self.group.buttonToggled.connect(lambda _b, checked: checked and self.value_changed.emit())

    def chosen(self) -> str | None:
        return next((v for v, b in self.buttons.items() if b.isChecked()), None)

    def is_unsure(self) -> bool:
        return self.chosen() == UNSURE

    def value(self) -> Any:
        chosen = self.chosen()
        if self.question.kind == "whole_number":
            return None if chosen in (None, UNSURE) else int(chosen)
        return chosen

    def set_value(self, value: Any) -> None:
        self.group.setExclusive(False)  # lets every button be unchecked for "unanswered"
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)
        if value is not None and str(value) in self.buttons:
            self.buttons[str(value)].setChecked(True)


class _TextWithNotSure(AnswerInput):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.placeholder_text())
        self.field.setAccessibleName(question.label)
        self._fit_field()
        self.not_sure = QCheckBox(tr("Not sure"))
        self.not_sure.setAccessibleName(tr("{question}: not sure").format(question=question.label))
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.row)
        self.place_note = layout.addWidget  # last: under the field and what a lab answer adds below it
        self.field.textChanged.connect(self._changed)
        self.not_sure.toggled.connect(self._not_sure_toggled)

    def placeholder_text(self) -> str:
        return ""

    def _fit_field(self) -> None:
        """Wide enough for its hint text at the current text size, no wider."""
        hint = self.field.placeholderText() or "0000-00-00"
        self.field.setMaximumWidth(self.field.fontMetrics().horizontalAdvance(hint) + 40)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:
            self._fit_field()
        super().changeEvent(event)

    def _finish_row(self) -> None:
        self.row.addWidget(self.not_sure)
        self.row.addStretch(1)

    def _not_sure_toggled(self, checked: bool) -> None:
        self.field.setEnabled(not checked)
        self._changed()

    def _changed(self) -> None:
        self.show_note(self.describe())
        self.value_changed.emit()

    def is_unsure(self) -> bool:
        return self.not_sure.isChecked()

    def describe(self) -> str:
        return ""


class WholeNumberInput(_TextWithNotSure):
    def placeholder_text(self) -> str:
        return tr("Type a number")

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self._finish_row()

    def value(self) -> Any:
        if self.is_unsure() or not self.field.text().strip():
            return None
        number = parse_number(self.field.text())
        return int(number) if number is not None and number.is_integer() else self.field.text()

    def set_value(self, value: Any) -> None:
        self.not_sure.setChecked(False)
        self.field.setText("" if value is None else str(value))

    def describe(self) -> str:
        text = self.field.text().strip()
        if text and not self.is_unsure() and not isinstance(self.value(), int):
            return ambiguous_words(text) or tr("Please type a whole number, with no decimal point or letters.")
        return ""


class DateInput(_TextWithNotSure):
    def placeholder_text(self) -> str:
        return tr("YYYY-MM-DD")

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.as_of: dt.date | None = None
        self.day_first = region_reads_day_first()
        self.field.setToolTip(tr("For example 2024-01-10, or January 10, 2024"))
        self._finish_row()

    def _fit_field(self) -> None:
        """Wide enough for a date written out, like 'September 30, 2024'."""
        longest = tr("September 30, 2024")  # the longest date said back, in the app's language
        self.field.setMaximumWidth(self.field.fontMetrics().horizontalAdvance(longest) + 40)

    def value(self) -> Any:
        text = self.field.text().strip()
        if self.is_unsure() or not text:
            return None
        parsed = parse_date(text, self.day_first)
        return parsed if isinstance(parsed, dt.date) else text

    def set_value(self, value: Any) -> None:
        self.not_sure.setChecked(False)
        self.field.setText("" if value is None else value.isoformat())

    def describe(self) -> str:
        value = self.value()
        if isinstance(value, str):
            if parse_date(value, self.day_first) == SHORT_YEAR:
                return tr("Please type the whole year, like 2024, so the date cannot be misread.")
            return tr("Please type the date as year-month-day, like 2024-01-10, or as January 10, 2024.")
        if not isinstance(value, dt.date):
            return ""
        # Said back in words unless typed that way: 3/1/2023 is March 1 or January 3.
        read = "" if _ISO.match(self.field.text().strip()) else \
            tr("We read this as {date}.").format(date=long_date(value)) + " "
        if self.as_of is not None and value <= self.as_of:
            months = full_months_between(value, self.as_of)
            before = (tr("That is {months} full month before {date}, the date of your answers.") if months == 1 else
                      tr("That is {months} full months before {date}, the date of your answers."))
            return read + before.format(months=months, date=long_date(self.as_of))
        return read.strip()


class LabInput(_TextWithNotSure):
    """A number, its unit as on the report, and (for × ULN rules) the report's normal limit."""

    def placeholder_text(self) -> str:
        return tr("Number")

    def __init__(self, question: Question, rule_unit: str, rule_limit: float | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.rule_unit = rule_unit
        self.rule_limit = rule_limit  # so a rounded conversion never seems to cross it
        self.unit = QComboBox()
        self.unit.setAccessibleName(tr("Unit of {question}").format(question=question.label))
        for unit in question.units:
            self.unit.addItem(unit_label(unit), unit)
        # The report's normal limit, only for a quantity a rule gives as times that limit:
        # other lab questions never show it (8 of them, two widgets each, were made hidden).
        self.uln_label: QLabel | None = None
        self.uln: QLineEdit | None = None
        if question.takes_uln:
            self.uln_label = QLabel(tr("Top of the normal range on your report:"))
            self.uln_label.setWordWrap(True)
            self.uln = QLineEdit()
            self.uln.setAccessibleName(tr("Top of the normal range for {question}").format(question=question.label))
            self.uln.setPlaceholderText(tr("Number"))
            self.uln.setMaximumWidth(100)
            self.uln_label.setBuddy(self.uln)
        self._finish_row()
        # The unit, then the normal limit, each on its own line (so large text fits
        # without a sideways scroll), added in the order Tab should visit them.
        layout = self.layout()
        layout.insertWidget(1, self.unit, 0, Qt.AlignmentFlag.AlignLeft)
        if self.uln is not None:
            layout.insertWidget(2, self.uln_label)  # the whole width: it wraps only when it must
            layout.insertWidget(3, self.uln, 0, Qt.AlignmentFlag.AlignLeft)
            self.uln.textChanged.connect(self._changed)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self._unit_changed()

    def current_unit(self) -> str:
        return str(self.unit.currentData())

    def _needs_uln(self) -> bool:
        return self.uln is not None and self.current_unit() != ULN

    def _uln_text(self) -> str:
        return "" if self.uln is None else self.uln.text()

    def _unit_changed(self) -> None:
        if self.uln is not None:
            for widget in (self.uln_label, self.uln):
                widget.setVisible(self._needs_uln())
        self._changed()

    def value(self) -> Any:
        text = self.field.text().strip()
        if self.is_unsure() or not text:
            return None
        number = parse_number(text)
        if number is None:
            return text
        uln = parse_number(self._uln_text()) if self._needs_uln() else None
        if self._needs_uln() and uln is None:
            return None  # the ×ULN limit needs the report's normal limit; open until given
        return {"value": number, "unit": self.current_unit(), **({"uln": uln} if uln is not None else {})}

    def set_value(self, value: LabValue | None) -> None:
        self.not_sure.setChecked(False)
        if value is None:
            self.field.setText("")
            if self.uln is not None:
                self.uln.setText("")
            return
        index = self.unit.findData(value.unit)
        self.unit.setCurrentIndex(max(index, 0))
        if self.uln is not None:
            self.uln.setText("" if value.uln is None else plain_number(value.uln))
        self.field.setText(plain_number(value.value))

    def describe(self) -> str:
        value = self.value()
        text = self.field.text().strip()
        if isinstance(value, str):
            return ambiguous_words(text) or tr("Please type a number, like 150 or 4.9.")
        if text and value is None and not self.is_unsure():
            return ambiguous_words(self._uln_text()) or \
                tr("Please also type the top of the normal range from your report.")
        if not isinstance(value, dict):
            return ""
        return self._conversion(value)

    def _conversion(self, value: dict[str, Any]) -> str:
        quantity, number, unit = self.question.quantity or "", value["value"], value["unit"]
        if physical_problem(quantity, number, unit, value.get("uln")):
            return ""  # the row already says no report shows it; no conversion of it (nor "inf")
        shown = conversion_text(quantity, number, unit, self.rule_unit, value.get("uln"), self.rule_limit)
        # The results page asks the same question (core.units.unusual), so both say it.
        odd = unusual(quantity, number, unit, self.rule_unit, value.get("uln"))
        if odd is None:
            return tr("We changed the unit for you: {conversion}").format(conversion=shown) if shown else ""
        if odd.meant is None:
            warning = tr("⚠ {value} would be very unusual. Please check the number and the unit on your report.")
            warning = warning.format(value=format_value(number, unit, 6))
        else:
            warning = tr("⚠ Please check the unit: {value} would be very unusual. Did you mean {meant}?").format(
                value=format_value(number, unit, 6), meant=format_value(number, odd.meant, 6))
            if odd.meant != self.rule_unit:
                guess = convert(number, odd.meant, self.rule_unit)
                warning += " " + tr("(That would be {value}.)").format(value=format_value(guess or 0, self.rule_unit))
        return f"{shown}\n{warning}" if shown else warning
