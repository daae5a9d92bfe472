"""Save files on disk: atomic, locked, versioned, recoverable."""
