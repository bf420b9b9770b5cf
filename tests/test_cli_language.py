"""`--lang en|es` on pdf, html and check (issue 19, item 3): English by default and
byte for byte as without the option; a language the app does not have is one line,
exit 2, and no file."""

from __future__ import annotations

import pytest

from explainer.cli import main
from explainer.core.language import current_language
from tests.conftest import FIXTURES

ANSWERS = str(FIXTURES / "full.answers.json")
RECORD = str(FIXTURES / "ctgov" / "NCT04267848.json")


def _argv(command: str, out, *more: str) -> list[str]:
    if command == "check":
        return ["check", ANSWERS, *more]
    return [command, ANSWERS, "-o", str(out), "--start-date", "2027-01-04", *more]


def _output(command: str, out, capsys) -> bytes:
    printed = capsys.readouterr().out
    return printed.encode() if command == "check" else out.read_bytes()


@pytest.mark.parametrize("command", ["check", "pdf", "html"])
@pytest.mark.parametrize(("lang", "words"), [
    ("fr", "invalid choice: 'fr'"),
    ("ES", "invalid choice: 'ES'"),
    ("", "invalid choice: ''"),
    ("es_MX", "invalid choice: 'es_MX'"),
    ("english", "invalid choice: 'english'"),
])
def test_a_language_the_app_does_not_have_is_one_line_and_exit_2(tmp_path, capsys, command, lang, words) -> None:
    out = tmp_path / f"summary.{command}"
    assert main([*_argv(command, out), "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("trial-explainer: argument --lang: ") and words in err
    assert not out.exists()


@pytest.mark.parametrize("command", ["check", "pdf", "html"])
def test_lang_without_a_value_is_one_line_and_exit_2(tmp_path, capsys, command) -> None:
    assert main([*_argv(command, tmp_path / "out"), "--lang"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("command", ["validate", "download"])
def test_commands_without_words_to_translate_do_not_take_it(capsys, command) -> None:
    assert main([command, "--lang", "es"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("command", ["check", "pdf", "html"])
def test_english_is_the_default_and_the_same_bytes_as_without_the_option(tmp_path, capsys, command) -> None:
    plain, english = tmp_path / f"plain.{command}", tmp_path / f"english.{command}"
    assert main(_argv(command, plain)) == 0
    before = _output(command, plain, capsys)
    assert main([*_argv(command, english), "--lang", "en"]) == 0
    assert _output(command, english, capsys) == before
    assert before  # something was written


@pytest.mark.parametrize(("command", "check"), [
    ("check", lambda data: b"NCT04883242" in data),
    ("pdf", lambda data: data.startswith(b"%PDF-")),
    ("html", lambda data: b'<html lang="es">' in data),  # the page says its language
])
def test_spanish_runs_and_says_so(tmp_path, capsys, command, check) -> None:
    out = tmp_path / f"summary.{command}"
    assert main([*_argv(command, out), "--lang", "es"]) == 0
    assert check(_output(command, out, capsys))
    assert current_language() == "en"  # only inside the command


def test_english_html_says_english(tmp_path, capsys) -> None:
    out = tmp_path / "summary.html"
    assert main(_argv("html", out)) == 0
    assert b'<html lang="en">' in out.read_bytes()


@pytest.mark.parametrize("command", ["check", "html"])
def test_a_record_takes_the_option_too(tmp_path, capsys, command) -> None:
    out = tmp_path / f"summary.{command}"
    argv = ["check", "--trial", RECORD] if command == "check" else ["html", "--trial", RECORD, "-o", str(out)]
    assert main([*argv, "--lang", "es"]) == 0
    assert main([*argv, "--lang", "xx"]) == 2


def test_the_help_names_the_option(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["pdf", "--help"])
    assert "--lang {en,es}" in capsys.readouterr().out
