"""The self-check in Spanish, through the app's real widgets: the question bank's
Spanish table reaches what a person reads, and what code compares stays as written."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.windows import shown_window


def test_the_self_check_asks_its_questions_in_spanish(spanish, qtbot) -> None:
    from explainer.app import build_main_window

    window = shown_window(qtbot, build_main_window)
    window.show_section("self-check")
    view = window.self_check.questionnaire
    assert "¿Cuántos años tiene?" in view.row("age_years").text.text()
    assert "Su edad en su último cumpleaños." in view.row("age_years").hint.text()
    assert view.groups["about_you"].accessibleName() == "Sobre usted"
    consent = view.row("can_consent").input
    assert [b.text() for b in consent.buttons.values()] == ["Sí", "No", "No lo sé"]
    assert consent.buttons["unsure"].accessibleName() == "decidir usted mismo si participa: No lo sé"
    platelets = view.row("platelets").input
    assert platelets.unit.findData("10^9/L") >= 0  # units are kept as written: the code looks them up
    # A click on "No lo sé" stores the same answer English would: the value, not the words.
    button = consent.buttons["unsure"]
    with qtbot.waitSignal(window.session.answers_changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert window.session.answers.answers.can_consent == "unsure"
