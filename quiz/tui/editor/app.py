"""`quiz edit FILE`: the pack editor app.

The app owns the document (`PackDocument`), the undo stack and the file. The list and the
form only show and report: the form posts `Edited` on every keystroke, the app validates
the question and, when it is valid, writes it into the document (so the document is always
the last valid state of every question). Saving validates the whole pack with the loader
and writes atomically; a pack that does not validate is never written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import tomli
from pydantic import ValidationError
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, Static, TextArea

from quiz.durable import write_durably
from quiz.packs.editing import PackDocument
from quiz.packs.errors import PackError
from quiz.packs.loader import parse_pack_text
from quiz.packs.models import PackFile
from quiz.safe_text import safe_text
from quiz.tui.editor.form_data import from_form, question_problems, question_warnings
from quiz.tui.editor.help import HelpScreen
from quiz.tui.editor.preview import PreviewScreen
from quiz.tui.editor.question_form import QuestionForm
from quiz.tui.editor.question_list import QuestionList

MAX_UNDO = 200
MAX_SHOWN_PROBLEMS = 4  # with the "… and N more" line, fills the 6-line panel
NEW_QUESTION: dict[str, Any] = {
    "type": "single",
    "prompt": "New question: what is asked?",
    "choices": ["The right answer", "A wrong answer"],
    "answer": "The right answer",
}


def context_pack(text: str) -> PackFile | None:
    """The pack's metadata and entities, for checking one question; None if they are broken."""
    try:
        data = tomli.loads(text)
        data.pop("questions", None)
        return PackFile.model_validate(data)
    except (tomli.TOMLDecodeError, ValidationError, RecursionError, ValueError):
        return None


class EditorApp(App[None]):
    """Edit the questions of one pack file."""

    CSS_PATH = "editor.tcss"
    TITLE = "quiz edit"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+z", "undo", "Undo", priority=True),
        Binding("ctrl+n", "add", "New", priority=True),
        Binding("ctrl+d", "duplicate", "Copy", priority=True),
        Binding("f8", "delete", "Delete", priority=True),
        Binding("f2", "preview", "Preview", priority=True),
        Binding("f1", "help", "Help", priority=True),
        Binding("ctrl+q", "quit_editor", "Quit", priority=True),
        # Listed in the help (f1) rather than the footer, which has no room for them at 80.
        Binding("ctrl+up,alt+up", "move(-1)", "Move up", show=False, priority=True),
        Binding("ctrl+down,alt+down", "move(1)", "Move down", show=False, priority=True),
        Binding("ctrl+f", "focus_filter", "Filter", show=False, priority=True),
    ]

    def __init__(
        self, path: Path, text: str, *, is_new: bool = False, cursor_blink: bool = True
    ) -> None:
        super().__init__()
        self.path = path
        self.document = PackDocument(text)
        self.selected = 0
        self._saved_text: str | None = None if is_new else text
        self.dirty = is_new
        self.undo_stack: list[tuple[str, int]] = []
        self.cursor_blink = cursor_blink
        self._editing = False  # an undo snapshot was taken for the current question's edits
        self._quit_armed = False
        self._pack_context = context_pack(text)
        # Whole-pack problems found on opening or on a refused save, shown until fixed.
        self._pack_problems: list[str] = []

    # Layout

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="main"):
            yield QuestionList(cursor_blink=self.cursor_blink)
            with Vertical(id="editor-pane"):
                yield Static(id="form-title")
                yield Vertical(id="form-holder")
        yield Static(id="problems")
        yield Footer(show_command_palette=False)

    async def on_mount(self) -> None:
        self._validate_pack()
        self.question_list.show(self.document.questions(), self.selected)
        await self._show_form()

    def _validate_pack(self) -> bool:
        """Check the whole document with the loader; remember its problems for display."""
        try:
            parse_pack_text(self.document.text, filename=self.path.name)
        except PackError as error:
            self._pack_problems = [str(problem) for problem in error.problems]
            return False
        self._pack_problems = []
        return True

    @property
    def question_list(self) -> QuestionList:
        return self.query_one(QuestionList)

    @property
    def form(self) -> QuestionForm | None:
        forms = self.query(QuestionForm)
        return forms.first() if forms else None

    def _refresh_status(self) -> None:
        count = len(self.document)
        self.query_one("#status", Static).update(
            Content.from_markup(
                "[b]quiz edit[/b]  $name  ·  $count  $modified",
                name=safe_text(self.path.name, single_line=True),
                count=f"{count} question{'s' if count != 1 else ''}",
                modified="· modified" if self.dirty else "",
            )
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

    async def _show_form(self) -> None:
        holder = self.query_one("#form-holder", Vertical)
        await holder.remove_children()
        title = self.query_one("#form-title", Static)
        self._refresh_status()
        if not len(self.document):
            title.update("No questions yet: press ctrl+n to add one.")
            self._show_problems([])
            return
        self.selected = max(0, min(self.selected, len(self.document) - 1))
        form = QuestionForm(self.document.question(self.selected), cursor_blink=self.cursor_blink)
        await holder.mount(form)
        title.update(
            Content.from_markup(
                "Question $number of $count  ·  line $line",
                number=str(self.selected + 1),
                count=str(len(self.document)),
                line=str(self.document.line_of(self.selected)),
            )
        )
        self._check_form()

    async def _reload(self, selected: int) -> None:
        self.selected = selected
        self._editing = False
        self.question_list.show(self.document.questions(), self.selected)
        await self._show_form()

    # Editing one question

    def _check_form(self) -> list[str]:
        """Validate the form; apply it to the document when valid. Returns its problems."""
        form = self.form
        if form is None or not len(self.document):
            return []
        original = self.document.question(self.selected)
        values = form.values()
        question = from_form(values, original)
        problems = question_problems(question, self._pack_context)
        if problems:
            self._show_problems(problems)
            return problems
        # An untouched form changes nothing, even where its fields show cleaned-up text.
        form.touched = form.touched or values != form.initial_values
        if form.touched and (question != original or list(question) != list(original)):
            if not self._editing:
                self._push_undo()
                self._editing = True
            self.document.update(self.selected, question)
            if self._pack_problems:  # see whether this edit fixed them
                self._validate_pack()
            self._changed()
            self.question_list.relabel(self.selected, question)
        warnings = question_warnings(question, self._pack_context)
        self._show_problems(["✓ This question is valid.", *warnings], ok=True, warn=bool(warnings))
        return []

    @on(QuestionForm.Edited)
    def _form_edited(self, event: QuestionForm.Edited) -> None:
        if event.form is self.form:
            self._check_form()

    @on(QuestionList.Chosen)
    async def _chosen(self, event: QuestionList.Chosen) -> None:
        if event.index == self.selected and self.form is not None:
            return
        form = self.form
        edited = form is not None and (form.touched or form.values() != form.initial_values)
        if form is not None and self._check_form() and edited:
            self.notify(
                "The unfinished edit of the last question was not kept.", severity="warning"
            )
        self.selected = event.index
        self._editing = False
        await self._show_form()

    def _changed(self) -> None:
        # Undoing back to what is on disk makes the document clean again.
        self.dirty = self.document.text != self._saved_text
        self._quit_armed = False
        self._refresh_status()

    # Undo

    def _push_undo(self) -> None:
        self.undo_stack.append((self.document.text, self.selected))
        del self.undo_stack[:-MAX_UNDO]

    async def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo.")
            return
        text, selected = self.undo_stack.pop()
        self.document = PackDocument(text)
        self._changed()
        await self._reload(selected)

    # Structural changes

    async def action_add(self) -> None:
        self._push_undo()
        question = {"id": self.document.unique_id("new-question"), **NEW_QUESTION}
        index = self.document.insert(self.selected + 1 if len(self.document) else 0, question)
        self._changed()
        await self._reload(index)
        # The prompt sits near the top of the form: no scrolling needed (or wanted, as it
        # would race the form's first layout). Its text is selected, so typing replaces it.
        prompt = self.query_one("#field-prompt", TextArea)
        prompt.focus(scroll_visible=False)
        prompt.select_all()

    async def action_duplicate(self) -> None:
        if not len(self.document):
            return
        self._push_undo()
        original = str(self.document.question(self.selected).get("id", "question"))
        index = self.document.duplicate(self.selected, self.document.unique_id(original))
        self._changed()
        await self._reload(index)

    async def action_delete(self) -> None:
        if not len(self.document):
            return
        self._push_undo()
        gone = str(self.document.question(self.selected).get("id", ""))
        self.document.delete(self.selected)
        self._changed()
        await self._reload(min(self.selected, len(self.document) - 1))
        self.notify(
            f"Deleted {safe_text(gone, single_line=True)} (ctrl+z brings it back).", markup=False
        )

    async def action_move(self, offset: int) -> None:
        if not len(self.document):
            return
        self._push_undo()
        index = self.document.move(self.selected, offset)
        if index == self.selected:
            self.undo_stack.pop()
            return
        self._changed()
        await self._reload(index)

    # Saving, preview, help, quit

    def action_save(self) -> None:
        problems = self._check_form()
        if problems:
            self._show_problems(["Not saved: fix this question first.", *problems])
            self.notify("Not saved: this question has problems.", severity="error")
            return
        text = self.document.text
        if not self._validate_pack():
            problems, self._pack_problems = self._pack_problems, []
            self._show_problems(["Not saved: the pack does not validate.", *problems])
            self._pack_problems = problems
            self.notify("Not saved: the pack does not validate.", severity="error")
            return
        try:
            write_durably(self.path, text)
        except OSError as error:
            message = f"Not saved: cannot write {self.path.name}: {error.strerror or error}"
            self._show_problems([message])
            self.notify(message, severity="error", markup=False)
            return
        self._saved_text = text
        self.dirty = False
        self._editing = False
        self._refresh_status()
        self._show_problems([f"Saved {self.path.name}."], ok=True)
        self.notify("Saved.")

    def action_preview(self) -> None:
        form = self.form
        if form is None:
            return
        self.push_screen(PreviewScreen(from_form(form.values(), {})))

    def action_focus_filter(self) -> None:
        self.question_list.filter_box.focus()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_quit_editor(self) -> None:
        if self.dirty and not self._quit_armed:
            self._quit_armed = True
            self.notify(
                "Unsaved changes: ctrl+s saves, ctrl+q again quits without saving.",
                severity="warning",
            )
            return
        self.exit()
