"""ui/*.ui is the single source of every form: the committed compiled forms
must match a fresh pyside6-uic run (stale or missing forms fail)."""

from __future__ import annotations

from pathlib import Path

from crmdesk.gui import build_forms


def test_compiled_forms_match_ui_files() -> None:
    assert list(build_forms.UI_DIR.glob("*.ui")), "no forms in ui/"
    problems = build_forms.stale_forms()
    assert not problems, f"run `make forms`: {', '.join(problems)}"


def test_stale_form_is_detected(tmp_path: Path) -> None:
    ui_dir, out_dir = tmp_path / "ui", tmp_path / "forms"
    ui_dir.mkdir()
    source = build_forms.UI_DIR / "main_window.ui"
    (ui_dir / "main_window.ui").write_text(source.read_text("utf-8"), "utf-8")
    build_forms.compile_all(ui_dir, out_dir)
    assert build_forms.stale_forms(ui_dir, out_dir) == []
    edited = source.read_text("utf-8").replace("&amp;Quit", "&amp;Exit")
    (ui_dir / "main_window.ui").write_text(edited, "utf-8")
    assert build_forms.stale_forms(ui_dir, out_dir) == ["ui_main_window.py (stale)"]
    (out_dir / "ui_main_window.py").unlink()
    assert build_forms.stale_forms(ui_dir, out_dir) == ["ui_main_window.py (missing)"]
