"""A corpus of historiographical debate on de-Stalinization, and its NLP pipeline.

Data flows one way: source bytes -> layout (zones, footnotes, offsets) -> spaCy
``Doc`` with custom components -> stand-off records -> tables, exports, dashboard.
"""

__version__ = "0.1.0"
PRODUCER = f"pipeline/{__version__}"
