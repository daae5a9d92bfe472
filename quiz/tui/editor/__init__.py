"""`quiz edit`: a Textual editor for the questions of one pack (see docs/authoring-tools.md)."""
