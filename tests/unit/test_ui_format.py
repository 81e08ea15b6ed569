"""What the chat shows, built without a server: links that jump to the quoted sentence, and the
quote highlighted in its passage even when the whitespace differs.
"""

from __future__ import annotations


def test_text_fragment_links_follow_the_spec() -> None:
    from assistant.ui_format import deep_link, fragment_text

    assert fragment_text("Cease-fire talks, in Oslo & Bergen, went on.") == (
        "Cease%2Dfire%20talks%2C%20in%20Oslo%20%26%20Bergen%2C%20went%20on"
    )
    link = deep_link("https://x.example/a?b=1#old", "The talks ended.")
    assert link == "https://x.example/a?b=1#:~:text=The%20talks%20ended"
    assert deep_link("javascript:alert(1)", "x") == ""
    assert deep_link("ftp://x.example/file", "x") == ""


def test_highlight_finds_the_quote_despite_whitespace() -> None:
    from assistant.ui_format import highlight

    out = highlight("One <b>.\nTwo  words here. Three.", "Two words here.")
    assert out == "One &lt;b&gt;.<br><mark>Two  words here.</mark> Three."
    assert "<mark>" not in highlight("Nothing matches.", "Something else entirely.")
