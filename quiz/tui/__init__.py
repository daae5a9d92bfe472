"""Textual apps, screens and widgets."""
