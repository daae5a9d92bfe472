"""Choice labels and mode titles: one source for what every front end shows."""

from __future__ import annotations

from quiz.classroom import protocol as p
from quiz.game.labels import choice_label, line_label, option_label
from quiz.game.modes import MODES, mode_title
from quiz.plain.join import lines_for
from quiz.tui.editor.preview import player_lines
from quiz.tui.widgets.choices import row_label


def test_each_label_is_a_number_a_letter_and_a_shape() -> None:
    assert [choice_label(n) for n in range(4)] == ["1 A ▲", "2 B ◆", "3 C ●", "4 D ■"]
    assert choice_label(8) == "9 I ▲"  # eight shapes, then they repeat
    assert [option_label(n) for n in range(5)] == ["1 ▲", "2 ◆", "3 ●", "4 ■", "5 ★"]
    assert [line_label(n) for n in (0, 1, 11)] == ["1) A.", "2) B.", "12) L."]


def test_the_tui_the_editor_preview_and_the_classroom_label_alike() -> None:
    choices = ["Abbott", "Balls", "Burnham", "Miliband", "Harman", "Dromey"]
    assert [row_label(n) for n in range(6)] == [
        "1 A ▲", "2 B ◆", "3 C ●", "4 D ■", "5 E ★", "6   ♥",  # no letter past E: f is 50:50
    ]  # fmt: skip
    preview = player_lines({"id": "q", "type": "single", "choices": choices})
    assert preview[0] == "  1 A ▲  Abbott" and preview[5] == "  6 F ♥  Dromey"
    message = p.QuestionMessage(
        number=1, total=1, kind="single", prompt="Who?", choices=choices, seconds=20
    )
    assert lines_for(message)[1:7] == [
        "  1 ▲  Abbott", "  2 ◆  Balls", "  3 ●  Burnham",
        "  4 ■  Miliband", "  5 ★  Harman", "  6 ♥  Dromey",
    ]  # fmt: skip


def test_mode_titles_come_from_the_mode_rules() -> None:
    assert [mode_title(mode) for mode in MODES] == [
        "Classic", "Blitz", "Sudden death", "Daily challenge", "Practice",
    ]  # fmt: skip
    assert mode_title("marathon") == "marathon"  # a mode a newer save file knows
