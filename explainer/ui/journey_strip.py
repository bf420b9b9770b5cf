"""The whole journey as a strip of boxes: tests, induction, maintenance, follow-up.

A plain layout of word-wrapped labels, so it scales with the text size and reads
in order; the strip's accessible description says the whole journey in words.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from explainer.core.schedule import JourneyStage
from explainer.timeline_text import TimelineText

# A calm colour per stage, for the bar on top of each box; the words carry the meaning.
STAGE_COLOURS = {"screening": "#5f6b7a", "induction": "#1d4f9c", "maintenance": "#1b6b3f", "follow_up": "#9a4a00"}


def stage_words(stage: JourneyStage, text: TimelineText, cycle_days: int) -> str:
    """The sentence under a stage's name, with the numbers from the schedule."""
    template = getattr(text.journey, stage.id, "")
    return template.format(cycles=stage.cycles, cycle_days=cycle_days, months=stage.up_to_months,
                           weeks=(stage.days or 0) // 7, first_visit_days=stage.first_visit_days,
                           years=stage.up_to_years)


def stage_name(stage: JourneyStage, text: TimelineText) -> str:
    return getattr(text.journey_names, stage.id, stage.name)


class JourneyStrip(QWidget):
    def __init__(self, stages: tuple[JourneyStage, ...], text: TimelineText, cycle_days: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[QLabel] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        spoken = []
        for index, stage in enumerate(stages):
            if index:
                arrow = QLabel("→")
                arrow.setAccessibleName("then")
                arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
                layout.addWidget(arrow)
            name, words = stage_name(stage, text), stage_words(stage, text, cycle_days)
            layout.addWidget(self._box(stage.id, name, words), 1)
            spoken.append(f"{index + 1}. {name}: {words}")
        self.setAccessibleName(text.journey_heading)
        self.setAccessibleDescription(" ".join(spoken))

    def _box(self, stage_id: str, name: str, words: str) -> QWidget:
        frame = QFrame()
        frame.setObjectName(f"journey-{stage_id}")
        colour = STAGE_COLOURS.get(stage_id, "#5f6b7a")
        frame.setStyleSheet(f"QFrame#journey-{stage_id} {{ border: 1px solid #8a949e; border-top: 6px solid {colour};"
                            " border-radius: 4px; background: palette(base); }")
        label = QLabel(f"<b>{html.escape(name)}</b><br>{html.escape(words)}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        label.setAccessibleName(f"{name}: {words}")
        inner = QVBoxLayout(frame)
        inner.addWidget(label)
        self.boxes.append(label)
        return frame
