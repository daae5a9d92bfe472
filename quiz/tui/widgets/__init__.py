"""Widgets of the play screens: answer panels for each question type and the round status."""
