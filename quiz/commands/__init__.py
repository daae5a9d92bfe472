"""One module per `quiz` subcommand: `register(subparsers)` and `run(args) -> int`."""
