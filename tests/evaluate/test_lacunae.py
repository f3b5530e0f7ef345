"""Lost names in the encyclopedia against the gold list, and on small traps."""

from __future__ import annotations

import pytest

from pipeline.evaluate.lacunae import cut_names, match, unseen
from pipeline.layout import encyclopedia
from pipeline.nlp import document as nlp_document
from pipeline.store import read_layer


def gaps_in(text: str) -> list[str]:
    lay = encyclopedia.parse("fixture", f"Title\n\nSection\n\nSub\n\n{text}\n")
    prepared = nlp_document.prepare(lay)
    ((_, doc),) = nlp_document.process([prepared])
    source = lay.source
    return [source[r.start : r.start + 6].strip() for r in nlp_document.lacuna_records(prepared, doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reforms were undertaken in the and other states.", ["and ot"]),
        ("He spoke at the 20th Congress of the Communist Party of the in February 1956.", ["in Feb"]),
        ("Uprisings in and in 1956 followed.", ["and in", "in 195"]),
        ('It marked a shift toward "" with the West.', ['" with']),
        ("Rehabilitations of prominent victims like .", ["."]),
        ("The speech delivered by at the congress shocked them.", ["at the"]),
        ("In contrast, Khrushchev's retained the party's monopoly.", ["retain"]),
        ("Ideology endured, where ideological preserved the regime.", ["preser"]),
        ("He rose in the late and early , enforcing quotas.", ["and ea", ", enfo"]),
        ("It served primarily to consolidate amid the crisis.", ["amid t"]),
        ("Relations deteriorated, as viewed Khrushchev's speech as revisionism.", ["viewed"]),
        ("Tensions emerged in following the speech.", ["follow"]),
        ("Conflict grew, while Soviet framed them as plots.", ["framed"]),
        ("Following the death of the leader in 1953, emerged as a key figure.", ["emerge"]),
        ("Such overhauls, such as post-World War II in , were external.", ["in , w", ", were"]),
        ("He used anti-Stalin to marginalize opponents.", ["to mar"]),
        ("It bred a tacit tolerance for Stalin-era among conservatives.", ["among"]),
        ("It showed persistence in one-party where repression eased.", ["where"]),
        ("It kept a reduced but functional of corrective facilities.", ["of cor"]),
        ("It was stability rather than fostering or .", ["or .", "."]),
        ("Propaganda framed dissent as fascist plots necessitating defensive to safeguard the state.", ["to saf"]),
        ("In 1961, Stalingrad was renamed by a decree.", ["by a d"]),
        ("Foreign policy alignment with remained non-negotiable.", ["remain"]),
        ("It was part of a coordinated initiated after the congress.", ["initia"]),
        ("Maoists attacked it. Conservative and critiques counter that such separations ignore continuity.", ["critiq"]),
        ("Khrushchev kept leveraging technological and advancements in space.", ["advanc"]),
        ("Poland enabled reforms; and similarly enacted truth commissions.", ["simila"]),
        ("In May 1955, Soviet leaders and visited Belgrade.", ["and vi", "visite"]),
        ("The trial convicted writers and Yuli Daniel for publishing abroad.", ["and Yu"]),
        ("He ceded the role to Khrushchev ally while retaining influence.", ["while"]),
        ("Reform stalled, as the retention of one-party rule and precluded genuine change.", ["preclu"]),
        ("Growth slowed, with gross product averaging 5% annually.", ["produc"]),
        ("Shortages persisted, as partial released labor and eased quotas.", ["releas"]),
        ("Reports stressed how denunciations of fueled demands for broader autonomy.", ["fueled"]),
        ("Power passed to a troika with Malenkov as premier, as interior minister, and Molotov as foreign minister.", ["as int"]),
        ("Reform failed, as ideological rigidity prioritized over adaptive governance.", ["over a"]),
        ("He was ousted by senior members, including Suslov, , and Brezhnev.", [", and"]),
        ("Stalin died in 1953. quickly became the symbol of the thaw.", ["quickl"]),
    ],
)
def test_lost_names_are_marked(text, expected):
    assert gaps_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "To begin with, it is uncertain when de-Stalinisation started.",
        "It was not a straightforward, linear process, but a fragile one.",
        "However, during that time, the regime became more rigid.",
        "Many were left in shock: this was the first time.",
        "Security forces fired on crowds, resulting in at least 75 deaths.",
        "He moved on towards a post-Stalinist society and went on to reform it.",
        "Rigidities remained, such as over-centralization and waste.",
        "In 1966 the trial ended; the proceedings, marked by closed sessions, exemplified the regime.",
        "There is a Stalinist in each of you.",
        "While many were released, others stayed in the camps.",
        "The regime freed prisoners and closed camps in 1956.",
        "Critics described the period as waves of thaws and freezes.",
        "Cases followed the affair (political, anti-Soviet) and the plot.",
        "Becoming similar to the West was never the aim.",
        "He served as party leader until 1964.",
        "The post-war years saw a Stalin-era building boom.",
        "Soviet writers and poets protested.",
        "Reforms followed; and yet the regime endured.",
        "Stalingrad was renamed Volgograd by a decree.",
        "Soviet leaders and Yugoslav officials met.",
        "It was a one-party state, and the anti-Stalin line held.",
        "Renaming spread, with over a dozen other places stripped of his name.",
        "Nagy was reinstated as prime minister on October 24 and announced the exit.",
        "The speech shocked the delegates, and Khrushchev's rivals and allies alike wavered.",
        "Gross output and product quality rose.",
        "The reformers attacked the old established order.",
        "He served two terms, as chief elected official.",
        "He served, as chief elected official, until 1955.",
        "Shortages persisted, while former elected officials protested.",
        "Reports stressed how members of elected councils voted for reform.",
        "The archives showed it, as revealed in declassified documents.",
        "He served, as interior minister, until 1955.",
        "He served as premier, as interior minister and as party secretary.",
        "Khrushchev named him as premier, as well as party leader.",
        "Growth was prioritized over adaptive governance.",
        "Reform failed, as heavy industry was prioritized over consumer goods.",
        "The plan, which Mao criticized as revisionist, failed.",
        "Reform continued, as tensions eased without incident.",
        "He cited prisons, camps, etc. in the report.",
        "The U.S. economy grew, e.g. in the 1960s, and Smith et al. disagree.",
    ],
)
def test_grammatical_text_has_no_lost_names(text):
    assert gaps_in(text) == []


def test_match_counts_each_gold_mark_once():
    assert match([10, 20], [9, 11, 20]) == 2


def test_encyclopedia_lacunae_against_gold(built_root):
    gold = [r.start for r in read_layer(built_root / "gold" / "adjudicated" / "grokipedia-destalinization.lacuna.jsonl")]
    predicted = [r.start for r in read_layer(built_root / "silver" / "grokipedia-destalinization.lacuna.jsonl")]
    hits = match(gold, predicted)
    assert hits / len(predicted) >= 0.95
    assert hits / len(gold) >= 0.9
    essay = (
        read_layer(built_root / "silver" / "seniuc-2020.lacuna.jsonl")
        if (built_root / "silver" / "seniuc-2020.lacuna.jsonl").exists()
        else []
    )
    assert essay == []


def test_cut_names_leaves_the_encyclopedia_pattern():
    text = "Reforms in the Soviet Union and Poland spread to Hungary."
    cut, gaps = cut_names(text, [(15, 27), (32, 38), (49, 56)])
    assert cut == "Reforms in the and spread to ."
    assert [cut[g : g + 3] for g in gaps] == ["and", "spr", "."]


def test_marks_stay_precise_on_prose_the_rules_were_not_written_on(built_root):
    """The essay lost no names; cut half of them out and the marks must find them, not noise."""
    rows = unseen(root=built_root)
    precision = sum(r[3] for r in rows) / len(rows)
    recall = sum(r[4] for r in rows) / len(rows)
    assert precision >= 0.9
    assert recall >= 0.45
