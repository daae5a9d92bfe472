"""`quiz edit FILE`: the pack editor app.

The app owns the document (`PackDocument`), the history and the file (`EditedFile`). The
list, the form and the source panel only show and report: the form posts `Edited` on every
keystroke, the app checks the item in the context of the pack and, when it is valid, writes
it into the document (so the document is always the last valid state of every item). Saving
validates the whole pack with the loader and writes atomically; a pack that does not
validate is never written, and neither is a file another program changed meanwhile without
the author deciding what to do about it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from quiz.packs.editing import PackDocument
from quiz.packs.errors import PackError
from quiz.packs.hand_questions import hand_fields
from quiz.packs.loader import parse_pack_text
from quiz.packs.models import Fact, Relation
from quiz.safe_text import safe_text
from quiz.tui.editor.edited_file import EditedFile
from quiz.tui.editor.file_actions import FileActions
from quiz.tui.editor.form_data import from_form
from quiz.tui.editor.generated import fact_questions, question_lines, relation_questions
from quiz.tui.editor.help import HelpScreen, help_text, key_rows
from quiz.tui.editor.history import History, Snapshot
from quiz.tui.editor.item_actions import ItemActions
from quiz.tui.editor.item_checks import (
    SINGULAR,
    EditContext,
    build_context,
    ids_of,
    item_problems,
    item_warnings,
    validate_item,
)
from quiz.tui.editor.item_form import ItemForm
from quiz.tui.editor.item_list import ItemList
from quiz.tui.editor.preview import PreviewScreen
from quiz.tui.editor.quote_source import fact_from_quote
from quiz.tui.editor.records import RECORD_KINDS
from quiz.tui.editor.sections import SECTION_KEYS, SECTIONS, section_bar
from quiz.tui.editor.source_panel import SourcePanel
from quiz.tui.widgets.key_footer import KeyFooter

MAX_SHOWN_PROBLEMS = 4  # with the "… and N more" line, fills the 6-line panel
MAX_SHOWN_GENERATED = 5
WATCH_SECONDS = 2.0


class EditorApp(ItemActions, FileActions, App[None]):
    """Edit one pack file: its questions, facts, entities, relations and [pack] table."""

    CSS_PATH = "editor.tcss"
    TITLE = "quiz edit"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True,
                tooltip="save (only a pack that validates is written)"),
        Binding("ctrl+z", "undo", "Undo", priority=True,
                tooltip="undo the last change (one field's edits at a time)"),
        Binding("ctrl+n", "add", "New", priority=True,
                tooltip="add an item after the selected one"),
        Binding("ctrl+d", "duplicate", "Copy", priority=True,
                tooltip="duplicate (copy) the selected item, with a fresh id"),
        Binding("f8", "delete", "Delete", priority=True,
                tooltip="delete the selected item (asks first; ctrl+z undoes it)"),
        Binding("f2", "preview", "Preview", priority=True,
                tooltip="preview as a player sees it (a fact: its first question)"),
        Binding("f1", "help", "Help", priority=True, tooltip="this help"),
        Binding("ctrl+q", "quit_editor", "Quit", priority=True,
                tooltip="quit (twice if there are unsaved changes)"),
        # Listed in the help (f1) and the section bar rather than the footer, which has no
        # room for them at 80 columns.
        Binding("ctrl+y", "redo", "Redo", show=False, priority=True,
                tooltip="redo what ctrl+z undid"),
        Binding("ctrl+a", "select_field", "Select all", show=False, priority=True,
                tooltip="select all the text of the field"),
        Binding("ctrl+up,alt+up", "move(-1)", "Move up", show=False, priority=True,
                tooltip="move the selected item up"),
        Binding("ctrl+down,alt+down", "move(1)", "Move down", show=False, priority=True,
                tooltip="move the selected item down"),
        Binding("ctrl+f", "focus_filter", "Filter", show=False, priority=True,
                tooltip="filter the list: words, tag:NAME, type:KIND"),
        *(
            Binding(key, f"section('{section}')", section.title(), show=False, priority=True,
                    tooltip=f"show the {section}")
            for section, key in SECTION_KEYS.items()
        ),
        Binding("f9", "toggle_source", "Source", show=False, priority=True,
                tooltip="show the source text: enter on a sentence makes a fact"),
    ]  # fmt: skip

    def __init__(
        self,
        path: Path,
        text: str,
        *,
        is_new: bool = False,
        cursor_blink: bool = True,
        source_text: str | None = None,
        read_only_reason: str | None = None,
        watch_seconds: float | None = WATCH_SECONDS,
    ) -> None:
        super().__init__()
        self.file = EditedFile(path, None if is_new else text, read_only_reason=read_only_reason)
        self.document = PackDocument(text)
        self.section = "questions"
        self.selected: dict[str, int] = dict.fromkeys(SECTIONS, 0)
        self.dirty = is_new
        self.history = History()
        self.cursor_blink = cursor_blink
        self.source_text = source_text
        self._watch_seconds = watch_seconds
        self._quit_armed = False
        self._asking_about_disk = False
        self._edit_context: EditContext | None = None
        self._edit_context_text = ""
        # The context still holds the form's item as it was before the form's edits.
        self._edited_since_context = False
        # Whole-pack problems found on opening or on a refused save, shown until fixed.
        self._pack_problems: list[str] = []

    @property
    def path(self) -> Path:
        return self.file.path

    # Layout

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield Static(id="sections")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield ItemList(cursor_blink=self.cursor_blink)
                if self.source_text is not None:
                    yield SourcePanel(self.source_text, cursor_blink=self.cursor_blink)
            with Vertical(id="editor-pane"):
                yield Static(id="form-title")
                yield Vertical(id="form-holder")
                with VerticalScroll(id="generated-box"):
                    yield Static(id="generated")
        yield Static(id="problems")
        yield KeyFooter(show_command_palette=False)

    async def on_mount(self) -> None:
        for panel in self.query(SourcePanel):
            panel.display = False
        self._validate_pack()
        await self._reload()
        if self._watch_seconds is not None:
            self.set_interval(self._watch_seconds, self.check_disk)

    @property
    def item_list(self) -> ItemList:
        return self.query_one(ItemList)

    @property
    def form(self) -> ItemForm | None:
        forms = self.query(ItemForm)
        return forms.first() if forms else None

    @property
    def context(self) -> EditContext:
        """What checks of one item know of the rest of the pack (rebuilt when it changed)."""
        text = self.document.text
        if self._edit_context is None or text != self._edit_context_text:
            self._edit_context = build_context(self.document, self.source_text)
            self._edit_context_text = text
        return self._edit_context

    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        # While a dialog is open, its own keys win over the editor's.
        return action == "select_field" or not isinstance(self.screen, ModalScreen)

    def _validate_pack(self) -> bool:
        """Check the whole document with the loader; remember its problems for display."""
        try:
            parse_pack_text(self.document.text, filename=self.path.name)
        except PackError as error:
            self._pack_problems = [str(problem) for problem in error.problems]
            return False
        self._pack_problems = []
        return True

    def _refresh_status(self) -> None:
        read_only = " · read-only: ctrl+s saves a copy" if self.file.read_only_reason else ""
        self.query_one("#status", Static).update(
            Content.from_markup(
                "[b]quiz edit[/b]  $name  $modified$read_only",
                name=safe_text(self.path.name, single_line=True),
                modified="· modified" if self.dirty else "",
                read_only=read_only,
            )
        )
        counts = {section: self.document.count(section) for section in SECTIONS}
        self.query_one("#sections", Static).update(
            section_bar(self.section, counts, has_source=self.source_text is not None)
        )

    def _show_problems(self, lines: list[str], *, ok: bool = False, warn: bool = False) -> None:
        if self._pack_problems:
            lines = [*lines, "The pack does not validate yet:", *self._pack_problems]
            warn = warn or ok
        shown = lines[: MAX_SHOWN_PROBLEMS + 1]
        if len(lines) > len(shown):
            shown.append(f"… and {len(lines) - len(shown)} more")
        problems = self.query_one("#problems", Static)
        problems.update(Content(safe_text("\n".join(shown))))
        problems.set_class(warn, "warning")
        problems.set_class(not ok and not warn and bool(lines), "error")

    async def _reload(self, field: str = "") -> None:
        """Show the current section's list and form again (after any change of document)."""
        self.history.end_group()
        count = self.document.count(self.section)
        self.selected[self.section] = max(0, min(self.selected[self.section], count - 1))
        self.item_list.show(
            self.section, self.document.items(self.section), self.selected[self.section]
        )
        await self._show_form()
        form = self.form
        widget = form.field_widget(field) if form is not None and field else None
        if widget is not None:
            widget.focus(scroll_visible=False)

    async def _show_form(self) -> None:
        holder = self.query_one("#form-holder", Vertical)
        await holder.remove_children()
        title = self.query_one("#form-title", Static)
        self._refresh_status()
        self.query_one("#generated-box").display = self.section in ("facts", "relations")
        self.query_one("#generated", Static).update("")
        section = self.section
        what = SINGULAR[section]
        if not self.document.count(section):
            title.update(f"No {section} yet: press ctrl+n to add one.")
            self._show_problems([])
            return
        index = self.selected[section]
        item = self.document.item(section, index)
        if self._edited_since_context:
            self._edit_context = None
            self._edited_since_context = False
        context = self.context
        suggestions = {name: ids_of(context, name) for name in ("entities", "relations")}
        reason = self.document.read_only_reason(section)
        form = ItemForm(
            section,
            item,
            suggestions=suggestions,
            read_only=reason is not None,
            cursor_blink=self.cursor_blink,
        )
        await holder.mount(form)
        if reason is not None:
            title.update(Content(f"{what.title()} {index + 1}: read-only"))
            self._show_problems([f"Read-only: {reason}."], warn=True)
            return
        line = self.document.item_line(section, index)
        if section == "pack":
            title.update(Content(f"The [pack] table  ·  line {line}"))
        else:
            count = self.document.count(section)
            title.update(Content(f"{what.title()} {index + 1} of {count}  ·  line {line}"))
        self._check_form()
        form.checked = True

    # Editing one item

    def _item_from_form(self, values: dict[str, str], original: dict[str, Any]) -> dict[str, Any]:
        if self.section == "questions":
            return from_form(values, original)
        number_value = False
        if self.section == "facts":
            relation = self.context.relation(values.get("relation", "").strip())
            number_value = relation is not None and relation.object == "number"
        return RECORD_KINDS[self.section].from_form(values, original, number_value=number_value)

    def _check_form(self, field: str = "") -> list[str]:
        """Check the form; apply it to the document when valid. Returns its problems."""
        form = self.form
        section = self.section
        if form is None or not self.document.count(section):
            return []
        if self.document.read_only_reason(section) is not None:
            return []
        index = self.selected[section]
        original = self.document.item(section, index)
        values = form.values()
        item = self._item_from_form(values, original)
        context = self.context
        problems = item_problems(section, index, item, context)
        if problems:
            if section in ("facts", "relations"):
                what = SINGULAR[section]
                message = f"Questions this {what} generates: shown once it is valid."
                self.query_one("#generated", Static).update(message)
            self._show_problems(problems)
            return problems
        # An untouched form changes nothing, even where its fields show cleaned-up text.
        form.touched = form.touched or values != form.initial_values
        if form.touched and (item != original or list(item) != list(original)):
            before = Snapshot(self.document.text, section, index, field)
            self.history.record(before, field_edit=bool(field))
            self.document.update_item(section, index, item)
            # Only this item changed: the context stays right for checking it (checks
            # replace it), though not for the next form shown.
            self._edit_context_text = self.document.text
            self._edited_since_context = True
            if self._pack_problems:  # see whether this edit fixed them
                self._validate_pack()
            self._changed()
            self.item_list.relabel(index, item)
        warnings = item_warnings(section, index, item, context, str(original.get("id", "")))
        self._show_generated(item)
        self._show_problems(
            [f"✓ This {SINGULAR[section]} is valid.", *warnings], ok=True, warn=bool(warnings)
        )
        return []

    def _show_generated(self, item: dict[str, Any]) -> None:
        """For a fact or relation, the questions it generates now."""
        if self.section not in ("facts", "relations"):
            return
        model = validate_item(self.section, item)
        index = self.selected[self.section]
        questions = []
        if isinstance(model, Fact):
            questions = fact_questions(self.context, index, model)
        elif isinstance(model, Relation):
            questions = relation_questions(self.context, index, model)
        what = "fact" if self.section == "facts" else "relation"
        heading = f"Questions this {what} generates: {len(questions)}"
        if not questions:
            heading += " (its relation asks nothing, or it does not resolve yet)"
        shown = question_lines(questions[:MAX_SHOWN_GENERATED])
        if len(questions) > MAX_SHOWN_GENERATED:
            shown.append(f"… and {len(questions) - MAX_SHOWN_GENERATED} more")
        text = "\n".join([heading, *(f"  {line}" for line in shown)])
        self.query_one("#generated", Static).update(Content(safe_text(text)))

    def generated_questions(self) -> list[str]:
        """The generated-question lines now shown (for tests and the help)."""
        return str(self.query_one("#generated", Static).render()).splitlines()[1:]

    @on(ItemForm.Edited)
    def _form_edited(self, event: ItemForm.Edited) -> None:
        if event.form is self.form:
            self._check_form(event.field)

    @on(ItemList.Chosen)
    async def _chosen(self, event: ItemList.Chosen) -> None:
        if event.index == self.selected[self.section] and self.form is not None:
            return
        self._leave_form()
        self.selected[self.section] = event.index
        self.history.end_group()
        await self._show_form()

    def _leave_form(self) -> None:
        """Say so when the form holds an edit that is not valid (so not kept)."""
        form = self.form
        edited = form is not None and (form.touched or form.values() != form.initial_values)
        if form is not None and self._check_form() and edited:
            self.notify("The unfinished edit of the last item was not kept.", severity="warning")

    def _changed(self) -> None:
        # Undoing back to what is on disk makes the document clean again.
        self.dirty = self.document.text != self.file.saved_text
        self._quit_armed = False
        self._refresh_status()

    # Sections and the source panel

    async def action_section(self, section: str) -> None:
        if section == self.section:
            return
        self._leave_form()
        self.section = section
        await self._reload()
        self.item_list.options.focus()

    async def action_toggle_source(self) -> None:
        panels = self.query(SourcePanel)
        if not panels:
            self.notify(
                "No source text: open the pack with --source TEXT (or name the file in "
                "[pack.source] where).",
                severity="warning",
            )
            return
        panel = panels.first()
        panel.display = not panel.display
        self.item_list.display = not panel.display
        self.query_one("#left").set_class(panel.display, "with-source")
        if panel.display:
            if self.section != "facts":
                await self.action_section("facts")
            panel.focus()
        else:
            self.item_list.options.focus()

    @on(SourcePanel.QuotePicked)
    async def _quote_picked(self, event: SourcePanel.QuotePicked) -> None:
        if self.section != "facts":
            await self.action_section("facts")
        fact = fact_from_quote(event.quote, self.document.items("entities"))
        fact["id"] = self.document.unique_item_id("facts", fact["id"])
        await self._insert(fact, focus="relation")
        self.notify("New fact from the source: choose its relation.")

    # Fields

    def action_select_field(self) -> None:
        focused = self.focused
        if isinstance(focused, Input | TextArea):
            focused.select_all()

    def action_focus_filter(self) -> None:
        self.item_list.filter_box.focus()

    # Preview, help, quit

    def action_preview(self) -> None:
        form = self.form
        if form is None:
            return
        if self.section == "questions":
            self.push_screen(PreviewScreen(from_form(form.values(), {})))
            return
        if self.section == "facts":
            model = validate_item("facts", self._item_from_form(form.values(), {}))
            index = self.selected["facts"]
            questions = (
                fact_questions(self.context, index, model) if isinstance(model, Fact) else []
            )
            if questions:
                self.push_screen(PreviewScreen(hand_fields(questions[0])))
                return
        self.notify("Nothing to preview: only questions (and facts that generate one) show.")

    def action_help(self) -> None:
        self.push_screen(HelpScreen(help_text(key_rows(self, self.BINDINGS))))

    def action_quit_editor(self) -> None:
        if self.dirty and not self._quit_armed:
            self._quit_armed = True
            self.notify(
                "Unsaved changes: ctrl+s saves, ctrl+q again quits without saving.",
                severity="warning",
            )
            return
        self.exit()
