"""The second line-by-line read of the bank against the article: each fault it found,
pinned with the question's own words (notes: review-bank.md of the project's notes)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from quiz.packs.generate import generate_questions
from quiz.packs.loader import load_pack
from quiz.packs.question import Question

BANK = Path(__file__).resolve().parents[2] / "questions" / "labour-2010.toml"


@cache
def asked() -> dict[str, Question]:
    return {q.id: q for q in generate_questions(load_pack(BANK, use_cache=False))}


def test_a_false_statement_that_says_whose_phrase_it_is_asks_that_fact_too() -> None:
    # Its reveal says "the article says that of Ed Miliband": Ed's People's Champion
    # question must not follow it in the round.
    question = asked()["david-bookies-favourite.false"]
    assert question.prompt == (
        "According to the article, David Miliband is the nearest thing the Party has to a"
        " People’s Champion."
    )
    assert question.explanation.startswith(
        "False: the article says that of Ed Miliband, not David Miliband."
    )
    assert question.fact_ids == ("david-bookies-favourite", "ed-peoples-champion")
    assert asked()["balls-backed-by-dromey.false"].fact_ids == (
        "balls-backed-by-dromey",
        "david-backed-by-mandelson",
    )
    assert asked()["verdict-ed-appeal-women.false"].fact_ids == (
        "verdict-ed-appeal-women",
        "verdict-balls-hates-libdems",
    )


def test_who_backs_ed_balls_explains_the_backers_once() -> None:
    question = asked()["backed-by.ed-balls.ask-object"]
    assert question.explanation == (
        "The article says Ed Balls “is backed by Unite, Whelan, Dromey and Harman”; Harman"
        " stood aside so as not to split his vote."
    )


def test_the_end_year_question_says_what_the_article_says_labour_managed() -> None:
    # It said "keeping Cheesie Blair and Chalkie Brown apart": the article speaks of
    # managing the lack of relationship between them (and the nicknames gave others away).
    question = asked()["business-end-year"]
    assert question.prompt == (
        "The article says a quarter of Labour’s business went on managing the lack of"
        " relationship between Blair and Brown, from 1997 until which year?"
    )
    assert question.value == 2007.0


def test_the_luvvie_question_quotes_we_have_lost_rather_than_saying_labour_lost() -> None:
    # "We have lost the intellectual giant": "we" need not be Labour (the country lost a
    # Prime Minister), so the prompt pins the words, not a reading of them; and it no
    # longer names Sky, the answer of another question.
    question = asked()["luvvie-intellectual-giant"]
    assert (
        question.prompt == "According to the article, one Labour luvvie said “We have lost…” what?"
    )
    assert question.answers == ("the intellectual giant of Twentieth Century politics",)
    # Nor does the reaction question name Dermot, the answer of another.
    assert asked()["dermot-reaction"].prompt == (
        "According to the article, how did the presenter react to the luvvie’s remark?"
    )


def test_the_argument_steps_carry_no_yet_so_and_that_give_their_order_away() -> None:
    question = asked()["argument-order"]
    assert question.items == (
        "Labour mocks the new coalition as “all cobbled together”",
        "Labour holds Blair and Brown, a muttering Left, union MPs and the likes of Mandelson",
        "The question is whether Labour’s own coalition can hang together",
        "The leadership election will be as comradely as a Stalinist purge",
    )


def test_every_presenter_offered_is_a_he_like_dermot() -> None:
    # "he contented himself with a wry smile": Kay Burley was ruled out by the pronoun.
    question = asked()["media-presenter-name"]
    assert question.choices == ("Dermot Monaghan", "Adam Boulton", "Jeremy Thompson",
                                "Eamonn Holmes")  # fmt: skip
    assert question.answers == ("Dermot Monaghan",)


def test_win_outright_is_explained_without_calling_ed_a_spoiler_for_his_brother() -> None:
    # The 'smart' money has Ed Miliband splitting Ed Balls' vote, not his brother's.
    for question_id in ("verdict-ed-win-outright.true",
                        "judged.thinks-he-can-win-almost-outright.ask-subject"):  # fmt: skip
        assert asked()[question_id].explanation == (
            "“My sense is that Ed Miliband thinks he can win almost outright.”"
        )


def test_reveals_do_not_answer_questions_on_other_facts() -> None:
    q = asked()
    # "Making a difference" no longer names the other source, the pot/kettle element.
    assert q["making-a-difference"].prompt == (
        "What conviction of New(ish) Labour’s senior members does the article name as one"
        " source of the humour and anger they evoke?"
    )
    assert "pot/kettle" not in q["making-a-difference"].explanation
    # Cruddas's reveal no longer says "working-class" (another question's answer).
    assert q["cruddas-factory"].explanation == (
        "The article says Cruddas is “without the experience of working, as such”."
    )
    # Mandelson's smears no longer say whom he backs.
    assert q["verdict-mandelson-smears.true"].explanation == (
        "The article says “the smearing of others will start just as soon as his Lordship is"
        " clear about the full list of contenders”."
    )
    # Labour's own coalition no longer gives the 50 union-sponsored MPs away.
    assert "50" not in q["labour-own-coalition.true"].explanation
    # Thirteen years no longer dates them 1997–2010 (the start year is a question).
    assert "1997" not in q["labour-thirteen-years.numeric"].explanation
    # The roles match says who backs David by name, not by the nickname "Mandy".
    assert q["roles-match"].explanation == (
        "Lord Mandelson backs David Miliband; Harriet Harman decided not to run; to the"
        " author, John Prescott “did nothing else but” manage Blair and Brown; Sky’s Dermot"
        " Monaghan."
    )
    # The flag question explains Ed Balls' wings: it asks those facts too.
    assert q["flag-redness"].fact_ids == (
        "david-new-labour",
        "balls-no-going-forward",
        "balls-military-wing",
    )


def test_cruddas_career_is_quoted_and_explained_as_the_articles_whole_list() -> None:
    question = asked()["has-been.jon-cruddas.ask-object"]
    assert question.quote == (
        "he has been visiting at Universities, a political secretary, a researcher on the"
        " minimum wage campaign, and an author of the MA thesis"
    )
    assert question.explanation.count("The article lists Cruddas") == 1


def test_nickname_reveals_quote_the_article_and_give_no_other_fact_away() -> None:
    q = asked()
    # "Mandy backs him" answered who backs David; now each nickname in the article's words,
    # which the round keeps apart from every question quoting them.
    assert q["nicknames-match"].explanation == (
        "In the article’s words: “Milibland is the bookies’ favourite”; “He’s got Mandy’s"
        " support”; “Hattie’s decision not to run”; “Cheesie Blair and Chalkie Brown”;"
        " “Geoff ‘Taxi’ Hoon”."
    )
    # 'Gone missing' no longer reveals who is the ultimate vacant man.
    assert q["nickname.gone-missing.ask-subject"].explanation == (
        "The article writes David ‘gone missing’ Miliband."
    )
    # The vacant man's reveal no longer says he is the New Labour candidate.
    assert "New Labour" not in q["vacant-man-typed"].explanation
    # The likes of Geoff ‘Taxi’ Hoon give his nickname away: that question asks it too.
    assert q["likes-of"].fact_ids == ("labour-sponsored-mps", "nickname-taxi")
