"""Import every module that registers a destal_* spaCy factory."""

from pipeline.nlp import citations, dates, entities, events, lacunae, linking, sentences, stance, voices  # noqa: F401
