"""The student page `quiz host` serves on its own port, and the join URL and QR code that
lead students to it."""
