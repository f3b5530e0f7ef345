"""The dashboard's logic, kept out of ``dashboard.py`` so that file stays page layout and widgets.

- ``data``: the one cached loader (builds missing annotations, reads every table once).
- ``filters``: the shared filter and view state, and its round trip through the page URL.
- ``stances``: the stance vocabulary and its colour-blind-safe palette.
- ``render``: HTML snippets; every corpus string passes through ``html.escape`` here.
- ``document``: a document in reading order as HTML (the reader).
- ``matrix``, ``contrast``: the aggregations behind the Compare and Contrast views.
- ``handout``: a contrast as a Markdown or HTML handout; any selection as CSV or JSONL.
- ``views``: one module per view, Streamlit calls only.
"""
