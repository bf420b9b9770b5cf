"""The whole journey as a strip of boxes: tests, induction, maintenance, follow-up.

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
from explainer.ui.theme import PICTURE

# A calm colour per stage, for the bar on top of each box; the words carry the meaning.
STAGE_COLOURS = {"screening": PICTURE["screening"], "induction": PICTURE["isatuximab"],
                 "maintenance": PICTURE["pomalidomide"], "follow_up": PICTURE["dexamethasone"]}


def stage_words(stage: JourneyStage, text: TimelineText, cycle_days: int) -> str:
    """The sentence under a stage's name, with the numbers from the schedule."""
    template = getattr(text.journey, stage.id, "")
    return template.format(cycles=stage.cycles, cycle_days=cycle_days, months=stage.up_to_months,
                           weeks=(stage.days or 0) // 7, about_months=about_months(stage.days or 0),
                           first_visit_days=stage.first_visit_days, years=stage.up_to_years)


def stage_name(stage: JourneyStage, text: TimelineText) -> str:
    return getattr(text.journey_names, stage.id, stage.name)


class JourneyStrip(QWidget):
    def __init__(self, stages: tuple[JourneyStage, ...], text: TimelineText, cycle_days: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[QLabel] = []
        self.arrows: list[QLabel] = []
        layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(0, 0, 0, 0)
        spoken = []
        for index, stage in enumerate(stages):
            if index:
                arrow = QLabel("→")
                arrow.setAccessibleName("then")
                arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.arrows.append(arrow)
                layout.addWidget(arrow)
            name, words = stage_name(stage, text), stage_words(stage, text, cycle_days)
            layout.addWidget(self._box(stage.id, name, words), 1)
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

    def _box(self, stage_id: str, name: str, words: str) -> QWidget:
        label = QLabel(f"<b>{rich_text(name)}</b><br>{rich_text(words)}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setAccessibleName(f"{name}: {words}")
        box = StageBox(QColor(STAGE_COLOURS.get(stage_id, PICTURE["screening"])))
        box.setObjectName(f"journey-{stage_id}")
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
