"""The stance cue decision: negation, contrast, concession and the readings the guidelines decide."""

from __future__ import annotations

import pytest

from pipeline.nlp.cues import contrast_spans, find_cues, lexicon_label, naive_label, paragraph_labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The speech was not entirely honest.", "power_play"),
        ("It fuelled demands for autonomy without delivering systemic liberalization.", "power_play"),
        ("These crises showed its destabilizing potential without yielding genuine autonomy.", "power_play"),
        ("Reduced repression served regime stability rather than fostering pluralism.", "power_play"),
        ("The measures were pragmatic, prioritizing regime stability over ideological reckoning.", "power_play"),
        ("It framed the atrocities as products of personal rather than institutional flaws.", "power_play"),
        ("Kadar pursued a controlled thaw under Soviet oversight.", "power_play"),
        ("Critics saw the failure to confront the past holistically.", "power_play"),
        ("Although Khrushchev showed some courage, the critique remained selective and cosmetic.", "power_play"),
        ("This should not belittle the importance of reform, even though it was limited.", "liberalisation"),
        ("It was a genuine break rather than a tactical manoeuvre.", "liberalisation"),
        ("Mao denounced the speech as revisionism.", "liberalisation"),
        ("Hardliners decried the reforms as a betrayal of the revolution.", "liberalisation"),
        ("Tangible relief from terror coexisted with instrumental limits.", "mixed"),
        ("The new leadership stifled the tentative cultural openings of the decade.", "mixed"),
        ("In 1956 the congress met in Moscow.", "none"),
        ("He assumed control of the Ministry of Internal Affairs.", "none"),
        ("The anthem was performed instrumentally without words.", "none"),
    ],
)
def test_cue_decision(text, expected):
    assert lexicon_label(text) == expected


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("served stability rather than fostering pluralism, and it lasted", "fostering pluralism"),
        ("the failure to confront the past holistically; the rest", "confront the past holistically"),
        ("prioritizing stability over reckoning while others", "reckoning "),
    ],
)
def test_a_contrast_denies_up_to_the_end_of_its_clause(text, denied):
    (span,) = contrast_spans(text)
    assert text[span[0] : span[1]].strip() == denied.strip()


def test_denying_a_genuine_break_asserts_a_limit_but_denying_a_limit_is_weaker():
    (genuine,) = find_cues("without yielding genuine autonomy")[:1]
    assert genuine.negated and genuine.effective == ("power_play", 1.0)
    (selective,) = find_cues("it was not selective")
    assert selective.negated and selective.effective == ("liberalisation", 0.5)


def test_the_counting_baseline_ignores_what_the_decision_reads():
    text = "Reduced repression served regime stability rather than fostering genuine pluralism."
    assert (naive_label(text), lexicon_label(text)) == ("liberalisation", "power_play")


@pytest.mark.parametrize(
    ("text", "concessive"),
    [
        ("While Khrushchev showed genuine courage, the critique remained selective.", True),
        ("It altered the tone of literary control while leaving its machinery intact.", False),
        ("Although the releases were genuine, the critique stayed selective.", True),
    ],
)
def test_while_concedes_only_when_it_opens_the_sentence(text, concessive):
    first = find_cues(text)[0]
    assert first.concessive is concessive


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            ["Jones argues that the resolution was a retreat to safer formulas.", "Her case persuades me."],
            ["power_play", "power_play"],
        ),
        (
            ["Western scholars read the releases as cosmetic.", "But this overlooks the scale of what had happened."],
            ["power_play", "liberalisation"],
        ),
        (
            ["The congress met in February.", "Her case persuades me."],
            ["none", "none"],
        ),
        (
            ["Zubok treats the festival as genuine liberalisation.", "That reading is convincing, but the festival was selective."],
            ["liberalisation", "power_play"],
        ),
    ],
    ids=["endorsing keeps the view", "rebutting turns it", "nothing to endorse", "own cues decide"],
)
def test_a_sentence_that_only_weighs_the_previous_view_takes_its_stance_from_it(paragraph, expected):
    assert [label for label, _ in paragraph_labels(paragraph)] == expected


def test_the_discourse_cue_is_the_phrase_that_weighs_the_view():
    text = "But this overlooks the scale of what had happened."
    (_, (_, cue)) = paragraph_labels(["The releases were merely cosmetic.", text])
    assert text[cue.start : cue.end] == "overlooks" and cue.effective[0] == "liberalisation"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The archives do not show a calculation resting on power alone.", "mixed"),
        ("If de-Stalinization was only a power play, why did he extend it?", "mixed"),
        ("If the reform was a genuine liberalisation, how do we explain the tanks in Budapest?", "power_play"),
        ("Was the speech an act of conscience, or a tactical move against his rivals?", "mixed"),
        ("The truth about Stalin served the First Secretary as political currency.", "power_play"),
        ("The shootings were hushed up and the files stayed closed.", "power_play"),
        ("He claimed ignorance of crimes he had helped to commit.", "power_play"),
        ("By 1962 many people had stopped being afraid of the police.", "liberalisation"),
        ("The revolution escaped every leadership's control.", "liberalisation"),
        ("Calculation and conviction were bound up together.", "mixed"),
    ],
)
def test_third_revision_readings(text, expected):
    """Denying that a reading is the whole story, the premise of a rhetorical question, an open
    question between readings, and the concept families added in the third revision."""
    assert lexicon_label(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Revisionist scholars of the 1980s studied Soviet society.",
        "Dissidents wrote memoirs in the 1970s.",
        "Almost at once observers began to ask questions.",
        "Beria was tried in secret and shot.",
        "Soviet troops withdrew from Budapest on 30 October.",
    ],
)
def test_names_of_schools_and_narrated_facts_are_not_framing(text):
    assert lexicon_label(text) == "none"
