"""Save files on disk: players, round history, high scores and study state.

Atomic, locked, versioned, recoverable. The layout and the file formats are described in
saves/README.md; this docstring is the API the game, the TUI and the CLI use. Modules:
paths (where saves live, names, folder names), reading (the one guarded path every read of a
save file takes, and recovery from backups), end_line (the check a cut-off file can't pass),
files (atomic writes, backups), schema (file models, kinds, migrations), history (round
files, sealing), aggregates (totals), player_files (one player's derived files), savestore
(SaveStore), players (list, create, rename, delete, export), transfer (import), reset,
stats (Scores-screen data), progress (rounds and days from the history), study_state (FSRS
cards on disk).

Where saves live
----------------
`resolve_saves_dir(cli_value) -> Path`, first that applies: `--saves DIR`; `$QUIZ_SAVES_DIR`;
the checkout's `saves/` when running from a source tree; platformdirs' user data folder.

    from quiz.store import SaveStore, resolve_saves_dir
    store = SaveStore(resolve_saves_dir(options.saves))  # the --saves value, or None
    # or: SaveStore.from_cli(options.saves)
    # SaveStore(root, clock=..., lock_timeout=30.0): `clock` (aware datetimes) dates new
    # profiles and is the default `now` for due counts; tests inject a fixed one.
    # One store per process (or per app) is best: it keeps the files it parsed.

Players (names: quiz.name_identity.player_name; names that look alike are one player)
---------------------------------------------------------------------------------------
- `store.list_players() -> list[PlayerSummary]` (name, folder, created, rounds, problem:
  a one-line reason when nothing of the player can be read; then created is None)
- `store.create_player(name) -> Profile`      PlayerNameError if nothing visible, or taken
- `store.rename_player(old, new)` (one write of the profile; the folder stays, so a game
  playing as that player meanwhile keeps saving), `store.delete_player(name)`
- `store.export_player(name, destination=None) -> str` (one TOML document, export_version 1)
- `import_player(store, path, name=None) -> ImportSummary` (quiz.store.transfer): merges an
  export into a player here, new or not; rounds already here (by `round_id`) are skipped.
  `read_export(path)` checks a file whole (SaveError naming the file and field).
- `reset_player(store, name, scores=…, study=…) -> ResetSummary` (quiz.store.reset)
- `store.find_player(name) -> Path | None`
- `store.open_profile(name) -> Profile`: `.name`, `.created`, `.settings.theme`,
  `.settings.bell`,
  `.high_scores[pack_id][table] -> list[HighScore]` (top 10: score, accuracy, date, round;
  `table` is the mode, or the mode and the rules that differed: see
  `aggregates.score_table`), `.rounds`, `.recent`. Cheap even at 10,000 rounds.
- `store.get_theme(name) -> str | None`, `store.set_theme(name, theme) -> bool`;
  `store.get_bell(name) -> bool`, `store.set_bell(name, on) -> bool` (the bell on a miss)
- `store.require_player(name) -> (folder, clean name)`   PlayerNameError if there is none
- Building blocks (what quiz.store.players uses): `store.locked(folder)` (the player's lock),
  `store.player_files(folder) -> PlayerFiles`, `store.recovery_lock(folder)`,
  `store.player_folders()`, `store.name_in(folder)`, `store.new_folder(name)`,
  `store.forget_lock(folder)` after a player's folder is deleted or the player renamed.

Recording a round
-----------------
`store.record_round(player, result: RoundResult) -> RecordOutcome` returns once the round
is on disk (atomic, fsynced, under the player's lock; the player is created if new). It
never raises. `RecordOutcome`: `saved`, `round` (its number), `rank` (1-10 in its pack's
table, or None: practice is never ranked, and a round not saved claims no rank),
`previous_best`, `new_high_score` (rank == 1), `warning`: one line saying what went wrong
with this very round — "Not saved: …" (read-only, full or not a folder, a refused name, a
file from a newer quiz), or "Round 32 saved; your stats could not be updated (…)" when only
a derived file could not be rewritten. Show it as is. Every round tries again, so a freed
disk saves the next one.
`store.check_writable()` asks up front and `store.unavailable` holds the one-line reason.
`store.import_rounds(player, results)` records many rounds at once (one write per file).

History and the Scores screen
-----------------------------
- `store.history(name, pack_id=None, mode=None, limit=None) -> list[StoredRound]`,
  newest first (StoredRound is a RoundResult plus `.round`).
- `scores_data(store, name, pack_id=None, mode=None) -> ScoresData` (quiz.store.stats):
  `.high_scores` (HighScoreRow: pack_id, table, mode, title, rank, score, accuracy, date),
  `.points` (ScorePoint per round of the pack: mode, round, date, score, accuracy — the
  chart), `.weakest_topics` (TopicStat: tag, asked, correct, accuracy), `.most_missed`
  (MissedQuestion: question_id, asked, missed), `.recent` (newest first), `.packs` (every
  pack played). `store.stats(name) -> StatsFile` holds the raw totals, by pack.
- `recent_scores(stats, pack_id, mode)` (the menu's sparkline) and
  `daily_played(store, name, pack_id, day)` (the daily challenge scores once a day).
- `player_progress(store, name, pack_id=None) -> PlayerProgress` (quiz.store.progress):
  every round and day of one pack or all, read from the history (what `quiz scores --json`
  reports beside `scores_data`); `progress_of(history)` for a history already read.

Practice (FSRS, per player and question id)
-------------------------------------------
- `store.study_cards(name) -> dict[str, fsrs.Card]`
- `store.due_count(name, questions, now=None) -> int` (question ids or Questions)
- `store.practice_order(name, questions, now=None) -> list[Question]`: due first (most
  overdue first), then new questions, then the rest. Scheduling rules: quiz.game.study.

Errors and warnings
-------------------
`SaveError` (a QuizError; one line naming the file), `NewerSaveError` (a file from a newer
quiz: refused, left unchanged), `PlayerNameError`. Damaged files (cut short, garbage, a
folder, pipe or link where a file should be, unreadable…) are set aside, recovered from
backups or rebuilt from the history, and reported as one-line strings by
`store.take_warnings()`, each damage once: show them. The first time a store opens a player
it takes a quick look at their files (all but history older than the last 1,000 rounds,
which is checked as it is read), so damage there is reported then.
"""

from __future__ import annotations

from quiz.store.errors import NewerSaveError, PlayerNameError, SaveError
from quiz.store.paths import resolve_saves_dir
from quiz.store.players import PlayerSummary
from quiz.store.savestore import RecordOutcome, SaveStore
from quiz.store.schema import HighScore, Profile, StoredRound
from quiz.store.stats import ScoresData, scores_data

__all__ = [
    "HighScore",
    "NewerSaveError",
    "PlayerNameError",
    "PlayerSummary",
    "Profile",
    "RecordOutcome",
    "SaveError",
    "SaveStore",
    "ScoresData",
    "StoredRound",
    "resolve_saves_dir",
    "scores_data",
]
