"""The whole journey as a strip of boxes: tests, each part of treatment, follow-up.

A plain layout of word-wrapped labels, so it scales with the text size and reads
in order; the strip's accessible description says the whole journey in words.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QVBoxLayout, QWidget

from explainer.core.escaping import rich_text
from explainer.core.facts import about_months
from explainer.core.schedule import JourneyStage
from explainer.timeline_text import TimelineText
from explainer.ui.i18n import tr
from explainer.ui.theme import PICTURE

# A calm colour per stage, for the bar on top of each box, by position: the parts of
# treatment take turns through PART_COLOURS. The words carry the meaning.
STAGE_COLOURS = {"screening": PICTURE["screening"], "follow_up": PICTURE["medicine_4"]}
PART_COLOURS = tuple(PICTURE[key] for key in ("medicine_1", "medicine_3", "medicine_2", "medicine_5", "medicine_6"))


def stage_colour(stage: JourneyStage) -> str:
    if stage.part is not None:
        return PART_COLOURS[(stage.part - 1) % len(PART_COLOURS)]
    return STAGE_COLOURS.get(stage.id, PICTURE["screening"])


def _template(stage: JourneyStage, text: TimelineText) -> str:
    """The study's own sentence for a part, else the generic one for its kind of stage."""
    if stage.part is None:
        return getattr(text.journey, stage.id, "")
    if stage.id in text.part_journey:
        return text.part_journey[stage.id]
    if stage.open_ended:
        return text.journey.open_ended
    return text.journey.up_to_months if stage.up_to_months else text.journey.fixed


def stage_words(stage: JourneyStage, text: TimelineText, cycle_days: int) -> str:
    """The sentence under a stage's name, with the numbers from the schedule."""
    return _template(stage, text).format(cycles=stage.cycles, cycle_days=cycle_days, months=stage.up_to_months,
                                         weeks=(stage.days or 0) // 7, about_months=about_months(stage.days or 0),
                                         first_visit_days=stage.first_visit_days, years=stage.up_to_years)


def stage_name(stage: JourneyStage, text: TimelineText, parts: int = 2) -> str:
    """'Tests first', 'Part 1: <name>' (or just the name where treatment has one part), 'Follow-up'."""
    if stage.part is None:
        return getattr(text.journey_names, stage.id, stage.name)
    template = text.part_names.get(stage.id) or (text.journey_names.only_part if parts == 1
                                                 else text.journey_names.part)
    return template.format(number=stage.part, name=stage.name, name_lower=stage.name.lower())


class JourneyStrip(QWidget):
    def __init__(self, stages: tuple[JourneyStage, ...], text: TimelineText, cycle_days: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[QLabel] = []
        self.arrows: list[QLabel] = []
        layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(0, 0, 0, 0)
        spoken = []
        parts = sum(1 for stage in stages if stage.part is not None)
        for index, stage in enumerate(stages):
            if index:
                arrow = QLabel("→")
                arrow.setAccessibleName(tr("then"))
                arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.arrows.append(arrow)
                layout.addWidget(arrow)
            name, words = stage_name(stage, text, parts), stage_words(stage, text, cycle_days)
            layout.addWidget(self._box(stage, name, words), 1)
            spoken.append(f"{index + 1}. {name}: {words}")
        self.setAccessibleName(text.journey_heading)
        self.setAccessibleDescription(" ".join(spoken))

    def fit_to(self, width: int) -> None:
        """Side by side when there is room; one under the other with large text or a narrow window."""
        room = width >= self.fontMetrics().averageCharWidth() * 22 * len(self.boxes)
        layout = self.layout()
        assert isinstance(layout, QBoxLayout)
        layout.setDirection(QBoxLayout.Direction.LeftToRight if room else QBoxLayout.Direction.TopToBottom)
        for arrow in self.arrows:
            arrow.setText("→" if room else "↓")

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """No wider than one stage: the strip stacks its stages when the page is narrow
        (fit_to), so its side-by-side width is never what it needs."""
        own = super().minimumSizeHint()
        one_stage = max((label.parentWidget().minimumSizeHint().width() for label in self.boxes), default=0)
        return QSize(min(own.width(), one_stage), own.height())

    @property
    def side_by_side(self) -> bool:
        layout = self.layout()
        return isinstance(layout, QBoxLayout) and layout.direction() == QBoxLayout.Direction.LeftToRight

    def _box(self, stage: JourneyStage, name: str, words: str) -> QWidget:
        label = QLabel(f"<b>{rich_text(name)}</b><br>{rich_text(words)}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setAccessibleName(f"{name}: {words}")
        box = StageBox(QColor(stage_colour(stage)))
        box.setObjectName(f"journey-{stage.id}")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(8, 12, 8, 8)
        inner.addWidget(label)
        self.boxes.append(label)
        return box


class StageBox(QFrame):
    """A framed box with a coloured bar on top. Painted, not styled: a style sheet
    would freeze the font and stop the text zoom."""

    def __init__(self, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        painter = QPainter(self)
        painter.fillRect(0, 0, self.width(), 6, self.colour)
        painter.end()
