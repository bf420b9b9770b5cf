"""Accessibility through the real window: every control named, Tab reaches every
section and never traps, a visible focus ring, text contrast of at least 4.5:1 in
both themes (computed with the WCAG formula), a remembered high-contrast theme,
colour never the only signal, and nothing cut off at 200% text.

Naming rule: a widget that Tab can reach has a non-empty accessible name, or is a
button whose visible text a screen reader reads as its name."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from explainer.ui.pages import GlossaryBrowser
from explainer.ui.theme import HIGH_CONTRAST, NORMAL, PICTURE, PICTURE_MARKS, TEXT_PAIRS, Colours, style_sheet

THEMES = (NORMAL, HIGH_CONTRAST)


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of an sRGB colour like '#1a1a1a'."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize(("fg", "bg", "ratio"), [
    ("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#767676", "#ffffff", 4.54), ("#777777", "#ffffff", 4.48),
])
def test_contrast_formula_matches_known_values(fg: str, bg: str, ratio: float) -> None:
    assert contrast(fg, bg) == pytest.approx(ratio, abs=0.01)


def _text_pairs(colours: Colours) -> list[tuple[str, str, str]]:
    pairs = [(f"{fg.name}/{bg.name}", colours.get(fg), colours.get(bg)) for fg, bg in TEXT_PAIRS]
    pairs += [(f"result word {status}", value, colours.get(QPalette.ColorRole.Base))
              for status, value in colours.status.items()]
    pairs += [(f"disabled words on {bg.name}", colours.disabled, colours.get(bg))
              for bg in (QPalette.ColorRole.Button, QPalette.ColorRole.Window, QPalette.ColorRole.Base)]
    return pairs


@pytest.mark.parametrize("colours", THEMES, ids=lambda c: c.name)
def test_every_text_colour_has_at_least_4_5_to_1(colours: Colours) -> None:
    low = {name: round(contrast(fg, bg), 2) for name, fg, bg in _text_pairs(colours) if contrast(fg, bg) < 4.5}
    assert low == {}


@pytest.mark.parametrize("colours", THEMES, ids=lambda c: c.name)
def test_focus_ring_and_edges_stand_out(colours: Colours) -> None:
    for background in (colours.get(QPalette.ColorRole.Base), colours.get(QPalette.ColorRole.Window)):
        assert contrast(colours.focus, background) >= 3.0  # WCAG 1.4.11 non-text contrast
        assert contrast(colours.edge, background) >= 3.0


@pytest.mark.parametrize("mark", PICTURE_MARKS)
def test_picture_marks_stand_out_on_their_paper(mark: str) -> None:
    assert contrast(PICTURE[mark], PICTURE["paper"]) >= 3.0  # WCAG 1.4.11 non-text contrast


def test_every_colour_in_the_app_code_is_in_the_theme() -> None:
    """Hard-coded colours in views would escape the contrast check."""
    from pathlib import Path

    import explainer

    theme_colours = {c.lower() for t in THEMES for c in (*t.roles.values(), *t.status.values(), t.focus, t.edge)}
    theme_colours |= {c.lower() for c in PICTURE.values()}
    ui = Path(explainer.__file__).parent / "ui"
    found = {(path.name, c.lower()) for path in ui.glob("*.py") if path.name != "theme.py"
             for c in re.findall(r"#[0-9a-fA-F]{6}\b", path.read_text(encoding="utf-8"))}
    assert {(name, c) for name, c in found if c not in theme_colours} == set()


def _tab_reachable(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is window]


def test_every_control_that_tab_reaches_has_a_name(main_window) -> None:
    controls = _tab_reachable(main_window)
    assert len(controls) > 50
    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in controls
               if not w.accessibleName().strip() and not (isinstance(w, QAbstractButton) and w.text().strip())]
    assert unnamed == []


def test_custom_widgets_describe_how_to_use_them(main_window) -> None:
    custom = [main_window.navigator, *main_window.findChildren(GlossaryBrowser)]
    assert len(custom) > 10
    assert [w.accessibleName() for w in custom if not w.accessibleDescription().strip()] == []


def test_every_answer_control_says_what_it_asks(main_window) -> None:
    questionnaire = main_window.self_check.questionnaire
    for key, row in questionnaire.rows.items():
        controls = [w for w in row.input.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        assert controls, key
        assert all(row.question.hint in w.accessibleDescription() for w in controls), key


def _focus_chain(window, qtbot, limit: int = 400) -> list[QWidget]:
    """Press Tab from the navigator until focus comes back to it."""
    window.navigator.setFocus()
    chain = []
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is window.navigator:
            return chain
        chain.append(focused)
    pytest.fail(f"Tab never came back to the sections list: trapped in {type(chain[-1]).__name__}")


def test_tab_reaches_every_section_and_never_traps(main_window, qtbot) -> None:
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    for row, page_id in enumerate(main_window.section_ids()):
        main_window.navigator.setCurrentRow(row)
        page = main_window.stack.currentWidget()
        chain = _focus_chain(main_window, qtbot)
        assert any(w is page or page.isAncestorOf(w) for w in chain), f"Tab never reached {page_id}"


def test_focus_ring_is_in_the_style_sheet_and_applied(main_window) -> None:
    sheet = QApplication.instance().styleSheet()
    assert sheet == style_sheet(NORMAL)
    for widget in ("QListWidget", "QTextBrowser", "QLineEdit", "QComboBox", "QPushButton", "QToolButton",
                   "QCheckBox", "QRadioButton"):
        assert re.search(rf"{widget}:focus[^{{]*\{{[^}}]*border: 3px solid {NORMAL.focus}", sheet), widget


def test_high_contrast_theme_is_a_view_menu_choice_and_remembered(main_window, qtbot) -> None:
    action = main_window.high_contrast_action
    assert action in main_window.view_menu.actions() and not action.isChecked()
    action.trigger()
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.Window) == QColor(HIGH_CONTRAST.get(QPalette.ColorRole.Window))
    assert palette.color(QPalette.ColorRole.Text) == QColor("#ffffff")
    assert HIGH_CONTRAST.focus in QApplication.instance().styleSheet()
    main_window.show_section("study")
    page_html = main_window.stack.currentWidget().browser.toHtml()  # pages redrawn in the new colours
    assert HIGH_CONTRAST.get(QPalette.ColorRole.Link) in page_html
    assert NORMAL.get(QPalette.ColorRole.Link) not in page_html

    from explainer.app import build_main_window

    again = build_main_window()
    qtbot.addWidget(again)
    assert again.high_contrast_action.isChecked()
    again.high_contrast_action.trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window) == QColor(NORMAL.get(QPalette.ColorRole.Window))


def test_results_use_theme_colours_and_words_not_colour_alone(main_window) -> None:
    from explainer.ui.results import results_html

    main_window.theme.set_high_contrast(True)
    html_text = results_html(main_window.self_check.results.report, main_window.session.trial)
    shown = main_window.self_check.results.browser.toHtml()  # redrawn when the theme changed
    main_window.theme.set_high_contrast(False)
    assert HIGH_CONTRAST.status["unknown"] in shown
    assert HIGH_CONTRAST.status["unknown"] in html_text
    assert "? Still open:" in re.sub(r"<[^>]+>", "", html_text)


def test_links_differ_by_shape_not_only_colour(main_window) -> None:
    main_window.show_section("study")
    browser = main_window.stack.currentWidget().browser
    styles = set()
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                styles.add((fmt.anchorHref().split(":")[0], fmt.underlineStyle()))
            it += 1
        block = block.next()
    dotted, solid = QTextCharFormat.UnderlineStyle.DotLine, QTextCharFormat.UnderlineStyle.SingleUnderline
    assert styles == {("glossary", dotted), ("registry", solid)}


@pytest.fixture
def zoomed_window(qtbot):
    """The window built as a user with text at 200% would see it."""
    from explainer.app import build_main_window, make_application, open_settings

    make_application()
    settings = open_settings()
    settings.setValue("view/text_zoom_percent", 200)
    settings.sync()
    window = build_main_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.zoom.reset()


def test_at_200_percent_section_names_are_not_cut_off(zoomed_window) -> None:
    nav = zoomed_window.navigator
    assert QApplication.font().pointSizeF() == pytest.approx(22.0)
    widest = max(nav.fontMetrics().horizontalAdvance(nav.item(r).text()) for r in range(nav.count()))
    assert nav.viewport().width() >= widest
    assert nav.wordWrap()  # and if one ever did not fit, it would wrap, not end in "..."


def test_back_to_normal_text_the_section_list_narrows_again(zoomed_window, qtbot) -> None:
    nav = zoomed_window.navigator
    wide = nav.width()
    zoomed_window.zoom.reset()
    qtbot.waitUntil(lambda: nav.width() < wide * 0.7)  # it kept the 200% width before
    assert nav.width() == nav.minimumWidth()
    widest = max(nav.fontMetrics().horizontalAdvance(nav.item(r).text()) for r in range(nav.count()))
    assert nav.viewport().width() >= widest  # and still shows every name whole


def test_at_200_percent_labels_wrap_or_fit(zoomed_window, qtbot) -> None:
    for page_id in ("self-check", "who-can-join", "medicine-isatuximab"):
        zoomed_window.show_section(page_id)
        page = zoomed_window.stack.currentWidget()
        qtbot.waitUntil(page.isVisible)
        cut = [label.text()[:40] for label in page.findChildren(QLabel)
               if label.isVisible() and label.text() and not label.wordWrap()
               and label.sizeHint().width() > label.width()]
        assert cut == [], page_id
    assert zoomed_window.statusBar().findChild(QLabel).wordWrap()


def test_at_200_percent_the_questions_fit_without_a_sideways_scroll(zoomed_window, qtbot) -> None:
    zoomed_window.show_section("self-check")
    questionnaire = zoomed_window.self_check.questionnaire
    qtbot.waitUntil(questionnaire.isVisible)
    assert questionnaire.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert questionnaire.widget().minimumSizeHint().width() <= questionnaire.viewport().width()


@pytest.mark.parametrize("colours", THEMES, ids=lambda c: c.name)
def test_a_control_that_cannot_be_used_looks_different_not_by_colour_alone(qtbot, colours: Colours) -> None:
    """Disabled controls looked exactly like the others. Now their words are paler
    (still 4.5:1, above) and their border dashed, so the shape tells it too."""
    from PySide6.QtWidgets import QPushButton, QWidget

    from explainer.ui.theme import palette

    holder = QWidget()
    qtbot.addWidget(holder)
    holder.setPalette(palette(colours))
    holder.setStyleSheet(style_sheet(colours))
    on, off = QPushButton("Save", holder), QPushButton("Save", holder)
    off.setEnabled(False)
    for button in (on, off):
        button.resize(120, 40)
    holder.show()
    qtbot.waitExposed(holder)
    assert off.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText).name() == colours.disabled
    on_image, off_image = on.grab().toImage(), off.grab().toImage()
    assert on_image != off_image
    def top_edge(image) -> set[str]:  # the border's top line, left to right, away from the round corners
        return {image.pixelColor(x, 0).name() for x in range(10, 110)}

    assert len(top_edge(on_image)) == 1, "a solid border"
    assert len(top_edge(off_image)) > 1, "a dashed border: dashes and gaps"



@pytest.mark.parametrize(("press", "wanted"), [("enter", False), ("escape", False), ("yes", True)])
def test_a_yes_no_question_keeps_things_unless_yes_is_chosen(qtbot, press, wanted) -> None:
    """Every "Erase…?", "Remove…?", "Replace…?" question (explainer.ui.labels.ask_yes_no):
    No is the default, so Enter or Escape never erase; the text is shown as written."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from explainer.ui.labels import ask_yes_no

    seen: list[QMessageBox] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box)
        if press == "yes":
            qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(box, Qt.Key.Key_Return if press == "enter" else Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    assert ask_yes_no(None, "Remove this study?", "<b>Remove</b> study NCT00000001?") is wanted
    assert seen[0].accessibleName() == "Remove this study?"
    assert seen[0].textFormat() == Qt.TextFormat.PlainText
