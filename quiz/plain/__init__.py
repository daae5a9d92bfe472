"""Line-mode front ends: the game, the classroom host and a student as lines on stdout,
answers read from stdin (screen readers, pipes, scripts, CI). Never imports Textual.

- `play`: `quiz play --plain`
- `host`: `quiz host --plain --auto`
- `join`: `quiz join --plain`
"""
