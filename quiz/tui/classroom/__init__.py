"""Classroom screens: the teacher's projector screen and the student's screen."""
