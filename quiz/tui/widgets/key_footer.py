"""The footer every screen shows: Textual's Footer, redrawn only when its keys change.

Textual's Footer starts empty and rebuilds all its key widgets after every bindings signal:
a screen opening sends two (its first focus, then the screen stack), and every focus change
or `refresh_bindings` sends another, whether or not a key, label or enabled state changed.
Each rebuild mounts and styles the keys again, a noticeable share of putting a question on
screen. This footer folds the signals that arrive before its check runs into one check, and
rebuilds only when what it would show differs from what it shows.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

# What one key in the footer shows: key, key label, description, action, enabled, tooltip.
KeyShown = tuple[str, str, str, str, bool, str]


class KeyFooter(Footer):
    """A Footer that skips rebuilds which would show the same keys."""

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(show_command_palette=show_command_palette)
        self._shown: tuple[KeyShown, ...] | None = None
        self._check_pending = False

    def keys_shown(self) -> tuple[KeyShown, ...]:
        """What the footer would show now (the command palette key included)."""
        keys = []
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING:
                display = self.app.get_key_display(binding)
                keys.append(
                    (binding.key, display, binding.description, binding.action, enabled, tooltip)
                )
        return tuple(keys)

    def compose(self) -> ComposeResult:
        # Like Textual's, the footer stays empty until the screen first signals its bindings
        # (its focus settles then); from then on it shows what `keys_shown` says.
        self._shown = self.keys_shown() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._check_pending:
            return
        if self.is_attached and screen is self.screen:
            self._check_pending = True
            self.call_later(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._check_pending = False
        if self.is_attached and self.keys_shown() != self._shown:
            await self.recompose()
