"""The game rules: pure and synchronous. Never imports Textual or does I/O."""
