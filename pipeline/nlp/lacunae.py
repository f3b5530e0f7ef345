"""Lost names: the encyclopedia lost every hyperlinked name in extraction ("the 20th Congress
of the Communist Party of the in February 1956"). A gap is marked where a word that needs a
noun phrase (a determiner, a preposition, an adjective, a possessive) meets what cannot
start one, where a main clause has lost its subject, and where quotes stand empty; a
restoration is proposed only where a rule in ``lacunae.toml`` says the context settles it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.nlp import extensions
from pipeline.nlp.sentences import is_abbreviation
from pipeline.paths import RESOURCES

PAIRED = re.compile(r"\"\"|“”|\(\)|‘’")
# An opening quote with nothing after it, and an empty item: a comma or semicolon right after a
# stop, comma or semicolon ("including , , and .", "Chairman of the ; , who assumed").
EMPTY = re.compile(r"(?<=\s)[\"“](?=[\s,.;:])|(?<=[.!?,;] )(?=[,;])")
SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w) (?=[,.;:)](?:\s|$))")
FINITE = {"VBD", "VBZ", "VBP", "MD"}
POSSESSIVE = {"'s", "’s"}
SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
SCORES = {"high": 0.9, "medium": 0.6, "low": 0.3}


@cache
def lexicon() -> dict:
    with open(RESOURCES / "lacunae.toml", "rb") as fh:
        data = tomllib.load(fh)
    sets = {k: frozenset(v) for k, v in data.items() if isinstance(v, list) and k not in ("restoration", "broken_terms")}
    sets["broken_terms"] = re.compile("|".join(f"(?:{t})" for t in data.get("broken_terms", [])) or r"(?!)", re.IGNORECASE)
    sets["restoration"] = [(re.compile(r["left"]), re.compile(r["right"]), r["name"], r["confidence"]) for r in data.get("restoration", [])]
    return sets


def _next(token: Token) -> Token | None:
    if token.i + 1 >= len(token.doc) or "\n" in token.whitespace_:
        return None
    nxt = token.doc[token.i + 1]
    return None if nxt.is_space else nxt


def _cannot_start_np(token: Token) -> bool:
    lex = lexicon()
    return token.lower_ in lex["blocked_after"] or token.text in lex["closing_punct"]


def needs_noun_after(token: Token, nxt: Token) -> bool:
    """A word that needs a noun phrase after it (a determiner, preposition, adjective,
    possessive or transitive verb) followed by what cannot start one."""
    lex, word = lexicon(), token.lower_
    if word in lex["determiners"]:
        if _cannot_start_np(nxt) or nxt.tag_ in ("IN", "TO", "VBD", "MD", "WDT") or nxt.text == "(":
            return True
        if nxt.tag_ == "VBG" and nxt.lower_ not in lex["nominal_adjectives"] and (after := _next(nxt)) is not None:
            return after.tag_ in ("RB", "CD", "DT", "IN")
        if nxt.tag_ == "VBN" and (after := _next(nxt)) is not None and (after.tag_ in ("IN", "TO") or _hard_punct(after)):
            return True
        if word == "a" and nxt.is_alpha and nxt.lower_[0] in "aeiou":
            return not any(nxt.lower_.startswith(p) for p in lex["a_exception_prefixes"])
    if word == "as" and token.i > 0 and token.doc[token.i - 1].lower_ == "such":
        return _cannot_start_np(nxt) or (nxt.lower_ == "to" and (after := _next(nxt)) is not None and after.tag_ != "VB")
    if word == "as" and _subordinate_verb_with_object(nxt):
        return True
    if is_preposition(token, nxt):
        return _preposition_gap(token, nxt)
    if token.text in POSSESSIVE:
        return nxt.tag_ in ("CC", "IN", "VBD", "VBZ") or nxt.text in lex["closing_punct"]
    if token.lemma_ in lex["transitive_verbs"] and token.tag_ in ("VB", "VBP", "VBG", "VBZ"):
        return _object_lost(nxt)
    if token.lemma_ in lex["transitive_verbs"] and token.tag_ in ("VBD", "VBN") and _past_verb_without_object(token, nxt):
        return True
    if token.lemma_ in lex["naming_verbs"] and token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children):
        return nxt.lower_ == "by" or _hard_punct(nxt)
    if _attributive_compound(token):
        return _cannot_follow_modifier(nxt)
    if _demonym_without_noun(token, nxt) or _title_without_name(token, nxt) or _plural_title_without_names(token, nxt):
        return True
    return token.tag_ in ("JJ", "VBN") and _adjective_without_noun(token, nxt)


def is_preposition(token: Token, nxt: Token) -> bool:
    """A preposition of the list, also where a gap after it made spaCy tag it an adverb or
    particle: after a noun ("steppe lands in and ,"), or, unless it is a phrasal-verb
    particle, before another preposition ("met in from February")."""
    lex, word = lexicon(), token.lower_
    if word not in lex["prepositions"] and word not in lex["participle_prepositions"]:
        return False
    if token.tag_ in ("IN", "TO") or word in lex["participle_prepositions"]:
        return True
    previous = token.doc[token.i - 1] if token.i else None
    if token.tag_ not in ("RB", "RP", "UH") or previous is None:
        return False
    return token.tag_ == "UH" or previous.tag_.startswith("NN") or (nxt.tag_ in ("IN", "TO") and word not in lex["particles"])


def _object_lost(nxt: Token) -> bool:
    """A verb that needs an object followed by a preposition ('to consolidate amid') or by a
    conjunction with nothing to join ('rather than fostering or .')."""
    lex = lexicon()
    if nxt.tag_ == "CC":
        return (after := _next(nxt)) is not None and _hard_punct(after)
    return nxt.tag_ == "IN" and nxt.lower_ not in lex["verb_particles"] and nxt.lower_ not in ("that", "whether", "if")


def _past_verb_without_object(verb: Token, nxt: Token) -> bool:
    """'as ideological rigidity prioritized [X] over adaptive governance': the past form of a verb
    that needs an object, right after its subject and before a preposition, has lost the object
    where it is the only verb of its clause; elsewhere it may be a participle ('the plan,
    prioritized over others, failed', 'was prioritized over'). After a relative pronoun the
    pronoun is the object ('which Mao criticized as capitulationist')."""
    previous = verb.doc[verb.i - 1] if verb.i else None
    if previous is None or previous.tag_ not in ("NN", "NNS", "NNP", "NNPS", "PRP") or nxt.lower_ == "by":
        return False
    opener = _opener_of_sole_verb(verb) if _object_lost(nxt) else None
    return opener is not None and opener.tag_ not in ("WDT", "WP")


def _opener_of_sole_verb(verb: Token) -> Token | None:
    """'how denunciations of [X] fueled demands', 'as partial [X] released labor and eased': a
    clause opened by a subordinator or a wh-word needs a finite verb, so a past form that is the
    only one it has (a verb after 'and' is its conjunct) is that verb, not a participle modifying a
    noun ('how members of elected councils voted' has its verb, and so has 'as revealed in
    declassified archives'). After a subordinator that also heads prepositional phrases the clause
    must run to a full stop, semicolon or dash and name no role ('He served, as chief elected
    official, until 1955'). The word that opens the clause, or None."""
    lex, doc, sent = lexicon(), verb.doc, verb.sent
    i = verb.i - 1
    while i >= sent.start and not _opens_clause(doc[i]) and doc[i].tag_ != "WRB":
        if doc[i].text in lex["clause_ends"] or doc[i].tag_.startswith("VB") or doc[i].tag_ == "MD":
            return None
        i -= 1
    if i < sent.start:
        return None
    j = verb.i + 1
    while j < sent.end and doc[j].text not in lex["clause_ends"] and not _opens_clause(doc[j]):
        if _finite(doc[j]) and doc[j - 1].lower_ not in ("and", "or", "but", "which", "that", "who"):
            return None
        j += 1
    ends = j == sent.end or doc[j].text in lex["clause_ends"]
    if doc[i].lower_ in lex["prepositional_subordinators"] and not (ends and all(t.lemma_ not in lex["role_nouns"] for t in doc[i:j])):
        return None
    return doc[i]


def _finite(token: Token) -> bool:
    """A finite verb, or a past form the parser gave a subject ('inefficiencies persisted')."""
    return token.tag_ in FINITE or (token.tag_ == "VBN" and any(c.dep_ in SUBJECTS for c in token.children))


def _attributive_compound(token: Token) -> bool:
    """The last word of a hyphenated compound that can only modify a noun: 'Stalin-era',
    'one-party', or a prefix before a proper name, 'anti-Stalin', 'post-World War II'."""
    lex, doc = lexicon(), token.doc
    if token.i < 2:
        return False
    hyphen, before = doc[token.i - 1], doc[token.i - 2]
    if hyphen.text == "-" and not hyphen.whitespace_ and not before.whitespace_ and token.lower_ in lex["attributive_heads"]:
        return True
    if not (token.is_title or token.is_upper or token.like_num):
        return False
    first = token.i
    while first > max(token.i - 4, 2) and doc[first - 1].text != "-" and (doc[first - 1].is_title or doc[first - 1].is_upper):
        first -= 1
    hyphen, prefix = doc[first - 1], doc[first - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and not prefix.whitespace_ and prefix.lower_ in lex["attributive_prefixes"]


def _cannot_follow_modifier(nxt: Token) -> bool:
    """What cannot follow a word that modifies a noun: a preposition, a wh-word, a finite verb
    or punctuation that ends the phrase (a comma or bracket may close a list of modifiers:
    '(political, anti-Soviet)')."""
    if nxt.text in (",", ")"):
        return False
    return nxt.tag_ in ("IN", "TO", "WRB", "WDT", "MD", "VBD", "VBZ") or nxt.lower_ in lexicon()["prepositions"] or _hard_punct(nxt)


def _demonym_without_noun(token: Token, nxt: Token) -> bool:
    """'while Soviet framed them', ', Soviet under shifted': a nationality adjective in the
    singular cannot head a phrase, so a verb or preposition right after it means its noun is lost."""
    if token.ent_type_ != "NORP" or token.tag_ not in ("JJ", "NNP") or token.lower_.endswith(("s", "ism", "ist")):
        return False
    return nxt.tag_ in ("VBD", "MD") or (nxt.tag_ == "IN" and nxt.lower_ not in ("of", "and"))


def _title_without_name(token: Token, nxt: Token) -> bool:
    """'ceding the role to Khrushchev ally while': a singular role noun after its modifiers with
    no determiner is a title before a name; a verb, preposition or punctuation after it means
    the name is lost ('as party leader,' and 'the post of party leader' are predicates)."""
    if token.tag_ != "NN" or token.lower_ not in lexicon()["role_nouns"] or not token.is_lower:
        return False
    doc, first = token.doc, token
    while not first.is_sent_start and doc[first.i - 1].tag_ in ("NNP", "JJ", "NN", "HYPH"):
        first = doc[first.i - 1]
    if first is token:
        return False
    previous = None if first.is_sent_start else doc[first.i - 1]
    opens = previous is None or previous.text == "," or (previous.tag_ == "IN" and previous.lower_ not in ("as", "than", "of"))
    return opens and (nxt.tag_ in ("VBD", "VBZ", "MD", "IN", "WRB") or _hard_punct(nxt))


def _plural_title_without_names(token: Token, nxt: Token) -> bool:
    """'convicted writers [Andrei Sinyavsky] and Yuli Daniel', 'Soviet leaders [X] and [Y]
    visited': a plural role noun joined by 'and' to a person's name or to a verb is a title
    whose first name is lost."""
    if token.tag_ != "NNS" or token.lemma_ not in lexicon()["role_nouns"] or nxt.lower_ != "and":
        return False
    after = _next(nxt)
    return after is not None and (after.ent_type_ == "PERSON" or after.tag_ == "VBD")


def _subordinate_verb_with_object(verb: Token) -> bool:
    """'as viewed Khrushchev's denunciation': a verb right after 'as' that takes an object
    is active, so its subject is lost ('as noted,' and 'as permitted by' are fine)."""
    after = _next(verb)
    return verb.tag_ in ("VBD", "VBN") and after is not None and after.tag_ in ("DT", "NNP", "NNPS", "PRP$", "PRP", "JJ", "POS")


def _preposition_gap(token: Token, nxt: Token) -> bool:
    """A preposition followed by what cannot start its object: a function word, a finite or
    past verb form, or another preposition."""
    lex, word = lexicon(), token.lower_
    after = _next(nxt)
    if word != "to" and _cannot_start_np(nxt) and not (nxt.lower_ == "at" and _quantifies(nxt)):
        return f"{word} {nxt.lower_}" not in lex["preposition_pairs"] and not _ends_phrasal_verb(token, nxt)
    if word == "to" and token.tag_ == "IN" and _cannot_start_np(nxt) and token.i and token.doc[token.i - 1].tag_.startswith("NN"):
        return True
    if nxt.tag_ in ("VBD", "VBZ") or (word != "to" and nxt.tag_ in FINITE):
        return True
    if nxt.tag_ == "VBN" and nxt.lemma_ in lex["intransitive_verbs"]:
        return True
    if word != "to" and _active_past_before_object(nxt, after):
        return True
    if word != "to" and nxt.lower_ == "to" and after is not None and after.tag_ in ("VB", "VBN", "VBD", "NNP"):
        return f"{word} to" not in lex["preposition_pairs"] and not _ends_phrasal_verb(token, nxt)
    if _past_form_without_noun(nxt, after) or (token.tag_ == "TO" and nxt.tag_ == "VBN"):
        return True
    if nxt.lower_ in lex["participle_prepositions"] and nxt.tag_ == "VBG":
        return True
    if word != "to" and nxt.tag_ == "VBN" and after is not None and (after.tag_ in ("IN", "RB", "DT") or _hard_punct(after)):
        return True
    if nxt.lower_ in ("that", "which") and after is not None and after.tag_ in FINITE:
        return True
    if (
        nxt.tag_ == "RB"
        and nxt.lower_.endswith("ly")
        and nxt.lower_ not in lex["temporal_adverbs"]
        and after is not None
        and after.is_punct
    ):
        return True
    if nxt.tag_ == "IN" and nxt.lower_ in lex["prepositions"] and not _quantifies(nxt):
        return f"{word} {nxt.lower_}" not in lex["preposition_pairs"] and not _ends_phrasal_verb(token, nxt)
    return False


def _active_past_before_object(word: Token, after: Token | None) -> bool:
    """'how denunciations of [X] fueled demands', 'as partial [X] released labor': a past form
    before a noun phrase may be a participle modifying it ('of fueled demands', 'partial released
    labor'), but not where it is the only verb its clause has: then it is the active verb, and
    the word before it lost the noun it needed."""
    return (
        word.tag_ in ("VBD", "VBN")
        and after is not None
        and after.tag_ in ("NN", "NNS", "DT", "PRP$", "JJ")
        and _opener_of_sole_verb(word) is not None
    )


def _past_form_without_noun(word: Token, after: Token | None) -> bool:
    """'with remained non-negotiable', 'in exemplified fuller reckonings': a past form right
    after a preposition is a verb (not an adjective like 'with limited success') when what
    follows it cannot be the noun it would modify."""
    if after is None or not word.lower_.endswith("ed") or word.tag_ not in ("VBD", "VBN", "JJ"):
        return False
    return after.tag_ in ("DT", "PRP$", "NNP", "NNPS", "POS", "JJR") or _hard_punct(after)


def _hard_punct(token: Token) -> bool:
    """Punctuation that ends a phrase (not a hyphen joining a compound)."""
    return token.is_punct and token.text not in {"-", "–", "(", "“", "‘", '"'}


def _ends_phrasal_verb(token: Token, nxt: Token) -> bool:
    """'to begin with,', 'as in,' and 'carried out and' end in a preposition or particle with
    nothing lost; before another preposition only a particle does ('delivered by at' lost a name)."""
    previous = token.doc[token.i - 1] if token.i else None
    if previous is None or not (previous.pos_ == "VERB" or previous.lower_ == "as"):
        return False
    return token.lower_ in lexicon()["particles"] or (nxt.is_punct and nxt.text != "(")


def _quantifies(token: Token) -> bool:
    """'over 4 million', 'under 5 percent', 'at least 75', 'over a dozen': a preposition used as
    a quantity modifier."""
    doc, i = token.doc, token.i
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is None:
        return False
    if after.lower_ == "a" and i + 2 < len(doc) and (doc[i + 2].like_num or doc[i + 2].lower_ in lexicon()["quantity_words"]):
        return True
    return after.like_num or (token.lower_ == "at" and after.lower_ in ("least", "most"))


def _adjective_without_noun(token: Token, nxt: Token) -> bool:
    """An adjective whose noun is lost: followed by a verb where it opens a clause, or by a
    function word or punctuation where it stands after a determiner or preposition."""
    lex = lexicon()
    if token.i == 0:
        return False
    if _period_without_decade(token, nxt):
        return True
    first = _adjective_run_start(token)
    after = _next(nxt)
    if first.is_sent_start:
        return _attributive_gap(token, nxt, after)
    previous = token.doc[first.i - 1]
    determined = previous.lower_ in lex["determiners"]
    if determined and token.tag_ == "VBN":
        return nxt.tag_ == "VBN" and after is not None and after.tag_ == "IN"
    if (
        nxt.lower_ == "to"
        and token.tag_ == "JJ"
        and (determined or (previous.tag_ == "VBG" and previous.lemma_ not in lex["linking_verbs"]))
    ):
        return True
    verb_follows = nxt.tag_ in FINITE or (nxt.tag_ == "VBN" and after is not None and (after.is_punct or after.lower_ == "by"))
    opens_clause = previous.tag_ in ("IN", "WRB") or previous.lower_ in lex["clause_openers"] or previous.text == "-"
    separate = token.is_alpha and bool(token.whitespace_)
    if separate and (_opens_clause(previous) or previous.tag_ == "WRB") and _active_past_before_object(nxt, after):
        return token.lower_ not in lex["quantifying_adjectives"]
    if verb_follows or nxt.lower_ == "rather":
        return (determined and token.lower_ not in lex["nominal_adjectives"]) or (
            opens_clause and token.lower_ not in lex["quantifying_adjectives"]
        )
    if determined and token.lower_ not in lex["nominal_adjectives"]:
        coordinated = nxt.text == "," and after is not None and after.tag_ == "JJ"
        return not coordinated and (nxt.tag_ in ("IN", "WDT", "TO") or nxt.text in lex["closing_punct"])
    if (previous.tag_ in ("IN", "VBG", "RP") or determined) and previous.lower_ not in ("as", "than"):
        return _attributive_gap(token, nxt, after)
    return False


def _period_without_decade(token: Token, nxt: Token) -> bool:
    """'in the late and early ,', 'from the late to early but': a period word whose decade is lost."""
    if token.lower_ not in lexicon()["temporal_adjectives"] or not token.i:
        return False
    previous = token.doc[token.i - 1]
    return previous.tag_ in ("IN", "DT", "CC", "TO") and (nxt.tag_ in ("CC", "IN", "TO") or _hard_punct(nxt))


def _adjective_run_start(token: Token) -> Token:
    """The first of the adjectives before a noun ("rigid central" in "to rigid central planning",
    "reduced but functional" in "a reduced but functional network")."""
    doc, first = token.doc, token
    while not first.is_sent_start:
        previous = doc[first.i - 1]
        if previous.tag_ in ("JJ", "RBR", "RBS"):
            first = previous
        elif previous.tag_ == "CC" and not previous.is_sent_start and doc[first.i - 2].tag_ == "JJ":
            first = doc[first.i - 2]
        else:
            break
    return first


def _attributive_gap(token: Token, nxt: Token, after: Token | None) -> bool:
    """After a preposition or determiner, an adjective run ends in a noun: 'against loyal like',
    'denying full or compensation' (a noun after the conjunction, itself heading its phrase)."""
    lex = lexicon()
    if nxt.lower_ in lex["after_attributive"] or nxt.tag_ == "UH":
        return token.tag_ == "JJ"
    if nxt.tag_ == "CC" and after is not None and after.tag_ in ("NN", "NNS"):
        head_follows = _next(after)
        return head_follows is None or not head_follows.tag_.startswith("NN")
    return False


def subject_lost(sent: Span) -> Token | None:
    """The first word of a main verb group whose subject was lost ("…, 1953, emerged as")."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.tag_ not in FINITE | {"VBN"} or root.i == sent.start:
        return None
    group = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i] + [root]
    first = min(group, key=lambda t: t.i)
    if first.doc[first.i - 1].text != ",":
        return None
    subjects = [c for c in root.children if c.dep_ in SUBJECTS]
    return first if not subjects or all(_in_opening_phrase(s) for s in subjects) else None


def _in_opening_phrase(subject: Token) -> bool:
    """'Following Stalin's death on March 5, 1953, emerged …': the parser took a noun of the
    opening prepositional phrase for the subject; the verb right after its comma has none."""
    sent = subject.sent
    first_comma = next((t.i for t in sent if t.text == ","), sent.end)
    return sent[0].lower_ in lexicon()["prepositions"] | {"following"} and sent.start < subject.i < first_comma


def find_gaps(doc: Doc) -> list[int]:
    """Character offsets (in the doc) of what follows each gap, in body units only."""

    def in_body(pos: int) -> bool:
        return extensions.unit_kind(doc, pos) == "body"

    gaps = set(_token_gaps(doc, in_body))
    for m in PAIRED.finditer(extensions.text(doc)):
        if in_body(m.start()):
            gaps.add(m.start() + 1)
    for pattern in (EMPTY, SPACE_BEFORE_PUNCT, lexicon()["broken_terms"]):
        for m in pattern.finditer(extensions.text(doc)):
            if in_body(m.end()):
                gaps.add(m.end())
    return sorted(gaps)


def _token_gaps(doc: Doc, in_body) -> Iterator[int]:
    after_gap = set()
    for token in doc:
        if not in_body(token.idx):
            continue
        nxt = _next(token)
        if nxt is None:
            continue
        if _lowercase_sentence_start(token):
            yield token.idx
        if token.text in POSSESSIVE and token.i > 0 and (doc[token.i - 1].whitespace_ or doc[token.i - 1].is_space):
            after_gap.add(token.i)
            yield token.idx
        if (
            needs_noun_after(token, nxt)
            or _conjunction_gap(token, nxt, token.i in after_gap)
            or _clause_without_subject(token, nxt)
            or _list_item_without_name(token, nxt)
        ):
            gap = _second_conjunct(token, nxt)
            after_gap.add(gap.i)
            yield gap.idx
    for sent in doc.sents:
        if in_body(sent.start_char) and (first := subject_lost(sent)) is not None:
            yield first.idx


def _lowercase_sentence_start(token: Token) -> bool:
    """'the superiority of . [Key elements] of this pivot included': a sentence starts with a
    capital, so a lowercase word after a full stop starts one that lost its first words, unless
    the stop closes an abbreviation or an initial ('etc. in the report', 'c. 1950')."""
    if not (token.is_lower and token.is_alpha) or token.i < 2:
        return False
    previous = token.doc[token.i - 1]
    if previous.is_space and "\n" in previous.text:
        previous = token.doc[token.i - 2]
    if previous.text not in (".", "!", "?") or not previous.i:
        return False
    word = token.doc[previous.i - 1]
    return not (is_abbreviation(token.doc, word.i) or (len(word) == 1 and word.is_alpha))


def _conjunction_gap(token: Token, nxt: Token, after_gap: bool) -> bool:
    """'fostering or .', 'including and , arrived': a conjunction with nothing to join."""
    if token.lower_ not in ("and", "or"):
        return False
    if nxt.text in {".", ";", ")", "—"}:
        return True
    return after_gap and (nxt.tag_ == "IN" or nxt.text == ",")


def _list_item_without_name(token: Token, nxt: Token) -> bool:
    """'with [Malenkov] as premier, [Beria] as interior minister, and [Molotov]': in a list of
    'NAME as ROLE' items, an item that starts with 'as' after the comma lost its name, where the
    item before it was a name (or a lost one: 'with as') before 'as ROLE'. One person's roles
    follow a verb or pronoun ('served as premier, as interior minister')."""
    if token.text != "," or nxt.lower_ != "as" or _role_after(nxt) is None:
        return False
    doc, i = token.doc, token.i - 1
    while i > 0 and doc[i].lower_ != "as" and doc[i].tag_ in ("JJ", "NN", "NNP"):
        i -= 1
    if doc[i].lower_ != "as" or _role_after(doc[i]) != doc[token.i - 1] or i == 0:
        return False
    before = doc[i - 1]
    return before.tag_ in ("NNP", "NNPS") or (before.tag_ == "IN" and before.lower_ in lexicon()["prepositions"])


def _role_after(as_token: Token) -> Token | None:
    """The role noun that closes 'as (modifiers) ROLE' ('as premier,', 'as interior minister,')
    where punctuation or a conjunction follows it."""
    doc, roles = as_token.doc, lexicon()["role_nouns"]
    i = as_token.i + 1
    while i < len(doc) and doc[i].lower_ not in roles and doc[i].tag_ in ("JJ", "NN", "NNP"):
        i += 1
    if i + 1 >= len(doc) or doc[i].lower_ not in roles:
        return None
    return doc[i] if doc[i + 1].is_punct or doc[i + 1].tag_ == "CC" else None


def _second_conjunct(token: Token, nxt: Token) -> Token:
    """Where an adjective before a conjunction lost its noun, the gap is read as the second
    modifier lost before a plural head ('technological and [military] advancements'), and as
    the first modifier's noun otherwise ('full [rehabilitation] or compensation')."""
    after = _next(nxt)
    if token.tag_ == "JJ" and nxt.tag_ == "CC" and after is not None and after.tag_ == "NNS":
        return after
    return nxt


def _clause_without_subject(token: Token, nxt: Token) -> bool:
    """A conjunction right before a verb whose subject is lost: the noun before it is the verb's
    own subject ('Soviet leaders [X] and [Y] visited'), and after a semicolon a clause needs a
    subject of its own ('; and [X] similarly enacted')."""
    if token.tag_ == "CC" and token.i and token.doc[token.i - 1].text == ";":
        verb = _next(nxt) if nxt.tag_ == "RB" else nxt
        return verb is not None and verb.tag_ in ("VBD", "VBN", "VBZ") and verb.lemma_ not in ("be", "have", "do")
    if token.lower_ != "and" or nxt.tag_ != "VBD" or not token.i:
        return False
    previous = token.doc[token.i - 1]
    return (previous.dep_ in ("nsubj", "nsubjpass") and previous.head == nxt) or _verbless_clause_before(token)


def _verbless_clause_before(token: Token) -> bool:
    """'as de-Stalinization's retention of one-party rule and [X] precluded': back to the word
    that opened the clause there is no verb, so what precedes 'and' is a noun phrase, not a
    verb phrase the past verb could be coordinated with; the verb's own subject is lost."""
    doc, start = token.doc, token.sent.start
    i, nouns = token.i - 1, 0
    while i >= start and doc[i].text not in (";", ":", "—") and not _opens_clause(doc[i]):
        if doc[i].tag_.startswith("VB") or doc[i].tag_ == "MD" or doc[i].lower_ in ("and", "or", "but"):
            return False
        nouns += doc[i].tag_.startswith("NN")
        i -= 1
    return nouns > 0


def _opens_clause(token: Token) -> bool:
    """A subordinator at the start of its clause (first in the sentence or after a comma);
    elsewhere 'as' and 'since' are prepositions ('reinstated as prime minister')."""
    return token.lower_ in lexicon()["subordinators"] and (token.is_sent_start or token.doc[token.i - 1].text == ",")


def restore(text: str, position: int) -> tuple[str | None, str | None]:
    left, right = text[max(0, position - 80) : position], text[position : position + 80]
    for left_re, right_re, name, confidence in lexicon()["restoration"]:
        if left_re.search(left) and right_re.search(right):
            return name, confidence
    return None, None


class Lacunae:
    def __call__(self, doc: Doc) -> Doc:
        extensions.ensure(doc)
        found = []
        for position in find_gaps(doc):
            name, confidence = restore(extensions.text(doc), position)
            found.append((position, name, confidence, SCORES.get(confidence or "")))
        doc._.lacunae = found
        return doc


@Language.factory("destal_lacunae", default_config={})
def make_lacunae(nlp: Language, name: str) -> Lacunae:
    return Lacunae()
