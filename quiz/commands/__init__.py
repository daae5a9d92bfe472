"""One module per `quiz` subcommand: `register(subparsers)` and `run(args) -> int`.

A command parses its arguments, builds a typed options object (`RoundOptions`,
`HostOptions`, `JoinOptions`, `TeamsOptions`) and calls a front end (quiz.tui or quiz.plain)
or the core with it: nothing below this package sees argparse (an import-linter contract).
"""
