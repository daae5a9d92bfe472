"""The play screens, each in its own module with a .tcss file next to it."""
