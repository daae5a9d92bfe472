"""The game rules: pure and synchronous. Never imports Textual or does I/O.

Modules, in the order a round uses them:

- `modes`: the five modes (classic, blitz, sudden_death, daily, practice) as `ModeRules`,
  `mode_title(mode)` (what every front end calls a mode) and `daily_seed(date, pack_id)`.
- `selection`: which questions a round asks (`draw`, seeded; `missed_first` and `only`
  orders for practice).
- `round`: `Round`, the state machine every UI drives, with `RoundConfig`.
- `views`: `QuestionView` (what to show) and `Feedback` (the verdict on an answer).
- `layout`: how a question is laid out (`quiz.packs.draw.shown_order`, the one shuffle).
- `labels`: a choice's number, letter and shape (`1 A ▲`), the same on every front end.
- `lifeline`: the 50:50 (about half the choices go, all wrong; one wrong always stays).
- `answer_input`: reading an answer typed as one line ("2", "a c", "3 1 2", "1b 2a").
- `checking`: `check_answer(question, answer)` for every type, with partial credit.
- `typed_answers`: typed answers (`normalise`, `match_typed`, `parse_number`).
- `scoring`: points for an answer (`score_answer` gives them in parts); `result`:
  `RoundResult`, what a round produces (with the time limit, speed and time-outs it was
  played with: the saves rank by them).
- `daily_share`: the daily challenge's result as one shareable line.

The round API, for UIs (Textual screens, `--plain`, team play)::

    from quiz.game.round import Round, RoundConfig, InvalidAnswer, RoundStateError

    round_ = Round(questions, RoundConfig(mode="classic", count=10, seed=7,
                   time_limit=20, speed=True, player="Ann", pack_id=pack.id,
                   pack_version=pack.version), clock=time.monotonic)
    view = round_.next_question()     # QuestionView | None (None: the round is over)
    view.number, view.total           # 1-based; total None in blitz
    view.prompt, view.type            # untrusted text: safe_text + markup=False
    view.choices                      # single/multiple/true_false, display order
    view.items                        # ordering: shuffled for display
    view.lefts, view.rights           # matching: right column shuffled
    view.time_limit                   # seconds the countdown bar spans, or None
    round_.time_left()                # float | None, read it on each frame
    round_.tick()                     # Feedback when the time ran out, else None
    round_.fifty_fifty_available      # bool; round_.use_fifty_fifty() -> new QuestionView
    round_.fifty_fifty_refusal        # why not, in one sentence (None when available)
    feedback = round_.answer(...)     # texts: "choice", ["c1", "c2"], "typed", "236",
                                      # ["item", ...] in order, {"left": "right", ...}
                                      # raises InvalidAnswer (re-prompt, nothing changes)
    feedback.correct, feedback.mark, feedback.verdict, feedback.points,
    feedback.breakdown (+828 speed +200 streak), feedback.streak_points,
    feedback.right_answer, feedback.explanation, feedback.quote, feedback.quote_to_show,
    feedback.attribution, feedback.accepted, feedback.ends_round
    round_.score, round_.streak, round_.best_streak, round_.number, round_.total
    round_.stop()                     # quit early; round_.finished
    round_.result()                   # RoundResult for the summary and the save file
    round_.missed_ids()               # for "play the missed ones again":
    Round(pool, RoundConfig(mode="practice"), prioritise=selection.only(ids))
"""
