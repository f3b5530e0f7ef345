"""Voice attribution: whose framing each body sentence gives, and how the author treats it.

Evidence, strongest first: a reporting frame ("according to X", "For X,", "As X put it"); a
reporting verb whose subject is a named person or a group ("Polly Jones warned", "Critics
... highlighted"); a pronoun subject continuing the last reported voice of the paragraph
("she concludes"); a quotation whose footnote cites a work (the cited scholar). Otherwise the
sentence is the author's. Alignment: ``contest`` when the author turns against the report
(a contest marker after it in the sentence, or a contrast opening the next sentence),
``endorse`` when the author agrees ("Similarly", "supports this view", an endorsing verb) or
cites a scholar without turning against them, else ``neutral``. Every word list comes from
``resources/reporting.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.nlp import extensions
from pipeline.nlp.cues import find_cues
from pipeline.paths import RESOURCES

AUTHOR = "author"
QUOTE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")


FRAME_STARTS = ("according to", "for x,", "as x", "in the view of", "in x's view", "in the words of", "in x's words", "as articulated by")


def frame_pattern(template: str) -> re.Pattern:
    """'as X put it' -> a regex whose group ``x`` holds the voice; 'For X,' only opens a clause."""
    before, _, after = template.lower().partition("x")
    holder = r"(?P<x>[^,;.“”\"]{2,80}" + ("?)" if after.strip(" ,") else ")")
    anchor = r"(?:^|[,;]\s*)" if before.strip() == "for" else r"\b"
    return re.compile(
        anchor + re.escape(before) + holder + re.escape(after.rstrip(",")) + (r"(?=,)" if after.endswith(",") else r"\b"), re.IGNORECASE
    )


@cache
def lexicon() -> dict:
    """The reporting lexicon (``reporting.toml``): verbs by alignment lean, frame templates,
    contest and endorse markers, group nouns, and the corpus's school voices."""
    with open(RESOURCES / "reporting.toml", "rb") as fh:
        data = tomllib.load(fh)
    verbs = data["verbs"]
    schools = {form.lower(): item["voice"] for item in data.get("school", []) for form in item.get("forms", [])}
    return {
        "neutral": set(verbs["neutral"]),
        "endorse": set(verbs["endorse"]) | set(verbs.get("agreement", [])),
        "contest": set(verbs["contest"]),
        "frames": [frame_pattern(t) for t in data["frames"]["templates"] if t.lower().startswith(FRAME_STARTS)],
        "contest_markers": [m.lower() for m in data["contest"].get("phrases", [])] + [t for t in data["contest"]["turning"] if t != "but"],
        "turning": tuple(data["contest"]["turning"]),
        "pronouns": set(data["continuation"]["pronouns_person"]),
        "indefinite": {w for w in data["groups"]["indefinite"] if " " not in w},
        "self": set(data["self"]["subjects"]),
        "endorse_markers": [m.lower() for key, value in data["endorse"].items() if isinstance(value, list) for m in value],
        "groups": {g.lower() for g in data["groups"]["nouns"]},
        "schools": schools,
        "works": set(data["works"]["nouns"]),
        "continuation_frames": re.compile(
            r"(?:^\W*|,\s*)(?:" + "|".join(re.escape(f) for f in data["continuation"]["frames"]) + r")\b", re.IGNORECASE
        ),
    }


def reporting_lemmas() -> set[str]:
    lex = lexicon()
    return lex["neutral"] | lex["endorse"] | lex["contest"]


@dataclass
class Voice:
    name: str = AUTHOR
    type: str = AUTHOR
    alignment: str = "n/a"
    evidence: list[tuple[str, int, int]] = field(default_factory=list)  # (kind, start_char, end_char)
    kb_id: str | None = None


def carried(previous: Voice) -> Voice:
    """The paragraph's last reported voice, continued into a new sentence (no evidence yet)."""
    return Voice(previous.name, previous.type, "neutral", kb_id=previous.kb_id)


def doc_ents(doc: Doc) -> list[Span]:
    """The doc's entities, read once per run of the component (``doc.ents`` rebuilds its list
    on every access)."""
    ents = doc.user_data.get("destal_ents")
    if ents is None:
        ents = doc.user_data["destal_ents"] = list(doc.ents)
    return ents


def entity_in(span: Span, labels: tuple[str, ...] = ("PERSON",)) -> Span | None:
    """The first entity of ``labels`` inside ``span``."""
    for ent in doc_ents(span.doc):
        if ent.label_ in labels and span.start <= ent.start and ent.end <= span.end:
            return ent
    return None


def voice_of_entity(ent: Span) -> Voice:
    info = ent.doc._.entity_info.get((ent.start_char, ent.end_char), {})
    name = info.get("name", ent.text)
    kind = ("scholar" if info.get("role") == "scholar" else "actor") if ent.label_ == "PERSON" else "school"
    return Voice(name, kind, "neutral", kb_id=ent.kb_id_ or None)


def group_phrase(token: Token) -> str | None:
    """'Critics, including …' -> 'Critics'; 'Official Soviet accounts' -> the school it names;
    'Defenders of Stalin' keeps its 'of' phrase."""
    if token.lemma_.lower() not in lexicon()["groups"] and token.lower_ not in lexicon()["groups"]:
        return None
    left = [t for t in token.lefts if t.dep_ in ("amod", "compound", "nmod") and not t.is_punct]
    of = [c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"]
    named = [g for g in of[0].children if g.dep_ == "pobj" and g.pos_ == "PROPN"] if of else []
    right = [of[0], *named] if named else []
    words = sorted([*left, token, *right], key=lambda t: t.i)
    phrase = " ".join(t.text if t.pos_ == "PROPN" or t.ent_type_ == "NORP" else t.lower_ for t in words)
    schools = lexicon()["schools"]
    longest_first = sorted(schools, key=len, reverse=True)
    known = schools.get(phrase.lower()) or next((schools[f] for f in longest_first if phrase.lower().endswith(f)), None)
    return known or phrase


def subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ in ("advcl", "xcomp", "conj", "ccomp") and verb.head is not verb:
        return subject_of(verb.head)
    return None


@cache
def any_frame() -> re.Pattern:
    """All frame templates in one pattern, to skip the sentences that have none."""
    return re.compile("|".join(f"(?:{p.pattern.replace('(?P<x>', '(?:')})" for p in lexicon()["frames"]), re.IGNORECASE)


def from_frame(sent: Span) -> Voice | None:
    """'According to X', 'For X,', 'As X put it', 'in X's view' with a person or group as X."""
    if not any_frame().search(sent.text):
        return None
    for pattern in lexicon()["frames"]:
        for m in pattern.finditer(sent.text):
            holder = sent.doc.char_span(sent.start_char + m.start("x"), sent.start_char + m.end("x"), alignment_mode="expand")
            if holder is None:
                continue
            ent = entity_in(holder)
            head = holder.root
            voice = voice_of_entity(ent) if ent is not None else None
            if voice is None and (group := group_phrase(head)) is not None:
                voice = Voice(group, "school", "neutral")
            if voice is not None:
                voice.evidence.append(("frame", sent.start_char + m.start(), sent.start_char + m.end()))
                return voice
    return None


def _paragraph_text(sent: Span) -> str:
    """The text of the unit (paragraph) holding ``sent``, lower-cased."""
    for start, end, _, _ in sent.doc._.units:
        if start <= sent.start_char < end:
            return extensions.text(sent.doc)[start:end].lower()
    return sent.text.lower()


def reports_content(verb: Token) -> bool:
    """A reporting verb that carries a view: a clause ('argued that …'), an 'as' framing
    ('portrayed the speech as …'), or a quotation; not a bare action ('omitted to mention')."""
    if verb.tag_ in ("VBN", "VBG") and verb.dep_ in ("amod", "acl", "relcl", "pcomp"):
        return False
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis") or (child.dep_ == "prep" and child.lower_ == "as"):
            return True
        if child.dep_ == "dobj" and any(g.dep_ == "prep" and g.lower_ == "as" for g in child.children):
            return True
    return False


def from_reporting_verb(sent: Span, previous: Voice | None) -> Voice | None:
    lemmas = reporting_lemmas()
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() not in lemmas:
            continue
        subject = subject_of(token)
        if subject is None:
            continue
        evidence = ("reporting_verb", token.idx, token.idx + len(token.text))
        subtree = sent.doc[subject.left_edge.i : subject.right_edge.i + 1]
        if subject.lower_ in lexicon()["self"] or subtree.text.lower() in lexicon()["self"]:
            return None
        anaphoric = any(c.lower_ in ("this", "these", "such") for c in subject.lefts)
        if anaphoric and previous is not None and previous.type != AUTHOR and group_phrase(subject) is not None:
            voice = carried(previous)
            voice.evidence.append(("pronoun", subject.idx, subject.idx + len(subject.text)))
            voice.alignment = verb_alignment(token.lemma_.lower())
            return voice
        group = group_phrase(subject)
        ent = None if group else entity_in(subtree)
        if ent is not None and not (ent.start <= subject.i < ent.end):
            ent = None
        if ent is not None:
            voice = voice_of_entity(ent)
            if voice.type == "actor" and not reports_content(token):
                continue
        elif group is not None:
            voice = Voice(group, "school", "neutral")
        elif subject.lower_ in lexicon()["indefinite"]:
            noun = "historians" if "historian" in _paragraph_text(sent) else "commentators"
            voice = Voice(f"some {noun}", "school", "neutral")
        elif subject.lower_ in lexicon()["pronouns"] and previous is not None and previous.type != AUTHOR and reports_content(token):
            voice = carried(previous)
            evidence = ("pronoun", subject.idx, subject.idx + len(subject.text))
        else:
            continue
        voice.evidence.append(evidence)
        voice.alignment = verb_alignment(token.lemma_.lower())
        return voice
    return None


def default_alignment(voice: Voice) -> str:
    """A scholar cited without a turn against them is used by the author: endorse."""
    return "endorse" if voice.type == "scholar" else "neutral"


def verb_alignment(lemma: str) -> str:
    lex = lexicon()
    return "endorse" if lemma in lex["endorse"] else "contest" if lemma in lex["contest"] else "neutral"


def from_scholar_work(sent: Span) -> Voice | None:
    """'Khlevniuk's archival case is persuasive', 'as Taubman's account makes clear': a named
    scholar's work (``[works]`` nouns) standing for the scholar."""
    works = lexicon()["works"]
    for ent in doc_ents(sent.doc):
        if ent.label_ != "PERSON" or not (sent.start <= ent.start and ent.end <= sent.end):
            continue
        after = sent.doc[ent.end : min(ent.end + 3, sent.end)]
        if len(after) < 2 or after[0].lower_ not in ("'s", "’s"):
            continue
        noun = next((t for t in after[1:] if t.lower_ in works), None)
        voice = voice_of_entity(ent) if noun is not None else None
        if voice is not None and voice.type == "scholar":
            voice.evidence.append(("work", ent.start_char, noun.idx + len(noun.text)))
            return voice
    return None


def from_continuation(sent: Span, previous: Voice | None) -> Voice | None:
    """'In this version the party corrected itself', 'For them the Congress was the high point':
    a frame that carries the paragraph's last reported voice into a sentence without a
    reporting verb."""
    if previous is None or previous.type == AUTHOR:
        return None
    m = lexicon()["continuation_frames"].search(sent.text)
    if m is None:
        return None
    voice = carried(previous)
    voice.evidence.append(("continuation", sent.start_char + m.start(), sent.start_char + m.end()))
    return voice


def from_quoted_note(sent: Span) -> Voice | None:
    """A quoted judgement sourced only by a footnote is the cited scholar's; a quoted fact
    stays the author's."""
    cited = sent.doc._.context.get("note_authors", {})
    judgements = [m for m in QUOTE.finditer(sent.text) if find_cues(m.group(1))]
    if not judgements:
        return None
    quote = judgements[0]
    for number in sentence_notes(sent):
        for author, kb_id in cited.get(number, []):
            voice = Voice(author, "scholar", "neutral", kb_id=kb_id)
            voice.evidence.append(("footnote", sent.start_char + quote.start(), sent.start_char + quote.end()))
            return voice
    return None


def sentence_notes(sent: Span) -> list[int]:
    return [n for pos, n in sent.doc._.context.get("markers", []) if sent.start_char <= pos <= sent.end_char + 1]


def adjust_alignment(voice: Voice, sent: Span, following: Span | None) -> None:
    """Contest when the author turns against the report; endorse when they agree."""
    lex = lexicon()
    lower = sent.text.lower()
    report_end = max((e for _, _, e in voice.evidence), default=sent.start_char) - sent.start_char
    tail = lower[report_end:]
    turns_next = following is not None and following.text.strip().lower().startswith(lex["turning"])
    if turns_next or any(re.search(rf"\b{re.escape(m)}\b", tail) for m in lex["contest_markers"]):
        voice.alignment = "contest"
    elif voice.alignment == "neutral" and any(re.search(rf"\b{re.escape(m)}\b", lower) for m in lex["endorse_markers"]):
        voice.alignment = "endorse"
    elif voice.alignment == "neutral":
        voice.alignment = default_alignment(voice)


class Voices:
    def __call__(self, doc: Doc) -> Doc:
        extensions.ensure(doc)
        voices = {}
        for start, end, kind, _ in doc._.units:
            if kind != "body":
                continue
            unit = doc.char_span(start, end, alignment_mode="expand")
            sents = [s for s in unit.sents if s.text.strip()] if unit is not None else []
            previous: Voice | None = None
            for i, sent in enumerate(sents):
                voice = (
                    from_frame(sent)
                    or from_reporting_verb(sent, previous)
                    or from_scholar_work(sent)
                    or from_continuation(sent, previous)
                    or from_quoted_note(sent)
                )
                if voice is None:
                    voice = Voice()
                else:
                    adjust_alignment(voice, sent, sents[i + 1] if i + 1 < len(sents) else None)
                    previous = voice
                voices[sent.start_char] = voice
        doc._.voices = voices
        doc.user_data.pop("destal_ents", None)
        return doc


@Language.factory("destal_voices", default_config={})
def make_voices(nlp: Language, name: str) -> Voices:
    return Voices()
