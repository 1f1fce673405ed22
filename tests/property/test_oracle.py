"""The reference readings the properties compare against (``render.py``) read what they claim."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

from .render import capture_lines, normalise, render_html, render_text, visible_text
from .strategies import Page, pages

SEED = Path(__file__).parents[2] / "seeds" / "000_09f60b50350baf07.txt"


def test_the_seed_has_the_49_lines_its_expected_output_accounts_for() -> None:
    assert len(capture_lines(SEED.read_text(encoding="utf-8"))) == 49


def test_visible_text_skips_head_scripts_styles_templates_and_comments() -> None:
    page = (
        "<html><head><title>T</title><style>p{}</style></head><body><!-- c -->"
        "<p>a&amp;b</p><script>x()</script><noscript>n</noscript><template>t</template>"
        "<div>c<span>d</span></div></body></html>"
    )
    assert normalise(visible_text(page)) == "a&b cd"


@given(page=pages())
def test_text_and_html_renderings_show_the_same_lines(page: Page) -> None:
    html_lines = [
        n for line in visible_text(render_html(page)).split("\n") if (n := normalise(line))
    ]
    assert html_lines == capture_lines(render_text(page))
