"""Names vulture cannot see used: read by Textual, by pydantic, or by other programs.

`tests/test_lint.py` runs vulture over quiz, tests and bench with this file. Textual's own
conventions (action_*, watch_*, on_*, compose, CSS_PATH, … and @on handlers) are ignored by
pattern in pyproject.toml's [tool.vulture]; what follows is each other name, with why.
"""

from quiz.classroom import protocol
from quiz.packs import models
from quiz.store import schema, transfer
from quiz.tui.commands import QuizCommands
from quiz.tui.editor.item_form import ItemForm
from quiz.tui.widgets.key_footer import KeyFooter

# Textual reads these attributes of apps, screens and widgets.
QuizCommands.discover  # the command palette lists these when it opens
ItemForm.can_focus
KeyFooter.bindings_changed  # Footer subscribes it to the screen's bindings signal
_.sub_title  # type: ignore[name-defined]  # noqa: F821
_.border_title  # type: ignore[name-defined]  # noqa: F821
_.animation_level  # type: ignore[name-defined]  # noqa: F821
_.opacity  # type: ignore[name-defined]  # noqa: F821  # a style Textual animates
_.disabled  # type: ignore[name-defined]  # noqa: F821  # a widget Textual stops taking input
_.ENABLE_COMMAND_PALETTE  # type: ignore[name-defined]  # noqa: F821  # the host's footer
_.COMPONENT_CLASSES  # type: ignore[name-defined]  # noqa: F821  # the lobby's name styles

# Fields of file and wire formats: written for people and other programs to read.
models.PackMeta.language
models.PackMeta.licence
schema.QuestionStats.last_seen  # in the save file (saves/README.md)
transfer._ExportDocument.export_version  # in the export; checked before the whole file is
protocol.Lobby.latest  # in the documented protocol (docs/classroom-protocol.md)

# pyexpat calls the handlers set on its parser (moodle_xml_import's checking pass).
_.StartElementHandler  # type: ignore[name-defined]  # noqa: F821
_.EndElementHandler  # type: ignore[name-defined]  # noqa: F821
_.CharacterDataHandler  # type: ignore[name-defined]  # noqa: F821
protocol.Kicked.banned  # likewise
