"""HTML snippets: spans placed by source offset, always escaped and well nested."""

from __future__ import annotations

from html.parser import HTMLParser

from pipeline.dashboard.render import Insert, Mark, highlight, lacuna_mark, md_escape, note_html, overlay, stance_badge, visible_pieces


class Nesting(HTMLParser):
    """Fails on a closing tag that does not close the innermost open one."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()


def well_nested(html: str) -> bool:
    parser = Nesting()
    parser.feed(html)
    return parser.stack == []


def test_cues_are_marked_and_the_rest_escaped():
    source = "It was <b>a</b> power play & more."
    out = highlight(source, [[0, len(source)]], [{"start": 16, "end": 26, "stance": "power_play", "weight": 0.9}])
    assert (
        out == 'It was &lt;b&gt;a&lt;/b&gt; <mark class="ds-cue ds-pp" title="cue → Power play (weight 0.9)">power play</mark> &amp; more.'
    )


def test_overlapping_spans_are_reopened_not_crossed():
    source = "abcdefghij"
    out = overlay(source, [(0, 10)], [Mark(0, 6, "<s>", "</s>", 0), Mark(4, 9, "<e>", "</e>", 1), Mark(5, 7, "<m>", "</m>", 2)])
    assert out == "<s>abcd<e>e<m>f</m></e></s><e><m>g</m>hi</e>j"
    assert well_nested(out.replace("<e>", "<em>").replace("</e>", "</em>"))


def test_hidden_markers_are_skipped_and_inserts_land_where_they_stood():
    source = "Stalin died.<sup>1</sup> Then"
    visible = [(0, 12), (24, 29)]
    out = overlay(source, [(0, 29)], [], [Insert(12, "[note 1]")], visible)
    assert out == "Stalin died.[note 1] Then"


def test_fragments_cut_by_a_note_block_are_joined_by_a_space():
    source = "saw in the\n\n---\n\n<sup>1</sup> A note.\n\nrevolution."
    out = overlay(source, [(0, 10), (39, 50)], [Mark(7, 44, "<x>", "</x>")])
    assert out == "saw in <x>the revol</x>ution."


def test_visible_pieces_keep_a_fragment_outside_the_reading_order_whole():
    assert visible_pieces((5, 9), [(0, 3), (12, 20)]) == [(5, 9)]
    assert visible_pieces((0, 15), [(0, 3), (12, 20)]) == [(0, 3), (12, 15)]


def test_badges_tell_gold_from_predicted():
    gold, predicted = stance_badge("liberalisation", "gold"), stance_badge("liberalisation", "predicted")
    assert 'class="ds-badge ds-lib ds-gold"' in gold and ">Liberalisation<" in gold
    assert 'class="ds-badge ds-lib ds-pred"' in predicted and "predicted" in predicted


def test_lost_names_show_their_restoration_or_a_bare_gap():
    assert ">[⋯ Soviet Union?]<" in lacuna_mark("Soviet Union", "high", True)
    assert ">[⋯]<" in lacuna_mark(None, None, False)
    assert "&lt;img" in lacuna_mark("<img src=x onerror=alert(1)>", "low", False)


def test_footnotes_keep_emphasis_and_links_but_no_markup():
    note = "<sup>3</sup> See *Pravda* <https://example.org/a?b=1&c=2> <script>x</script>"
    assert note_html(note) == (
        'See <em>Pravda</em> <a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">'
        "https://example.org/a?b=1&amp;c=2</a> &lt;script&gt;x&lt;/script&gt;"
    )


def test_markdown_escaping_defuses_emphasis_links_and_html():
    assert md_escape("*a* [b](javascript:x) <i>") == r"\*a\* \[b\](javascript:x) &lt;i&gt;"
