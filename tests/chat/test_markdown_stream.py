"""The incremental Markdown splitter: same result however the text is chunked, fences held back."""

from __future__ import annotations

import random

from runyard_desktop.core.chat.markdown_stream import MarkdownStream, image_placeholder, split_complete

TEXT = (
    "Intro **bold** line\nsecond line\n\n"
    "- a\n- b\n\n"
    "```python\nprint('x')\n``` not a close\n```\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
    "`inline` code and ~tilde~\n"
    "~~~~\nraw ``` inside\n~~~~\ntail"
)


def _collect(ops_list: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for op in ops_list:
        if out and op[0] in ("prose", "code") and out[-1][0] == op[0]:
            out[-1] = (op[0], out[-1][1] + op[1])
        else:
            out.append(op)
    return out


def test_whole_text_splits_into_prose_and_code() -> None:
    ops = split_complete(TEXT)
    kinds = [op[0] for op in ops]
    assert ("code_start", "python") in ops
    assert ("code", "print('x')\n``` not a close\n") in ops
    assert ("code", "raw ``` inside\n") in ops
    assert kinds.count("code_start") == 2 and kinds.count("code_end") == 2
    prose = "".join(op[1] for op in ops if op[0] == "prose")
    assert "```" not in prose and "~~~~" not in prose and prose.endswith("tail")
    assert ops[-1] == ("settle",)


def test_chunking_does_not_change_the_result() -> None:
    expected = _collect(split_complete(TEXT))
    rng = random.Random(7)
    for _ in range(50):
        stream = MarkdownStream()
        ops: list[tuple[str, ...]] = []
        i = 0
        while i < len(TEXT):
            n = rng.randint(1, 6)
            ops += stream.feed(TEXT[i : i + n])
            i += n
        ops += stream.finish()
        got = _collect([op for op in ops])
        # settles may repeat after merging across chunks; compare without duplicates
        dedup = [op for j, op in enumerate(got) if not (op == ("settle",) and j and got[j - 1] == ("settle",))]
        assert dedup == expected


def test_partial_prose_is_emitted_immediately_but_fences_wait() -> None:
    stream = MarkdownStream()
    assert stream.feed("Hello wor") == [("prose", "Hello wor")]
    assert stream.feed("ld\n") == [("prose", "ld\n")]
    assert stream.feed("``") == []
    assert stream.feed("`py\n") == [("code_start", "py")]


def test_image_placeholder_shows_the_link_and_says_it_is_not_loaded() -> None:
    assert image_placeholder("chart", "http://evil/x.png") == "[image: chart — http://evil/x.png not loaded]"
    assert image_placeholder(" two\n lines ", "") == "[image: two lines — no link not loaded]"
    long = image_placeholder("", "data:image/png;base64," + "A" * 5000)
    assert long.startswith("[image: no description — data:image/png") and len(long) < 260


def test_render_budget_counts_what_makes_a_layout_slow() -> None:
    from runyard_desktop.core.chat.render_budget import (
        CHUNK,
        MAX_LINE,
        RenderBudget,
        break_long_lines,
        over_budget,
    )

    assert not over_budget("# Title\n\nSome *prose*.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n")
    assert over_budget("| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 1000)  # 3,000 cells
    assert over_budget("```\nx\n```\n" * 401)
    assert over_budget("x" * (MAX_LINE + 1)) and not over_budget(("x" * 1000 + "\n") * 300)
    budget = RenderBudget()  # streamed: the same, whatever the pieces
    assert not any(budget.feed(piece) for piece in ["``", "`\nx\n`", "``\n"] * 400)
    assert budget.feed("```\n") and budget.over
    assert break_long_lines("ab\n" + "x" * 5000, 0, CHUNK)[0].split("\n") == ["ab", "x" * 2000, "x" * 2000, "x" * 1000]
    assert break_long_lines("x" * 2500 + "\nyy", 1900) == ("x" * 100 + "\n" + "x" * 2000 + "\n" + "x" * 400 + "\nyy", 2)
