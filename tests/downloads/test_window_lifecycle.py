"""The window with the downloads pieces closes cleanly, also twice and mid-download."""

from __future__ import annotations


def test_close_twice_and_mid_download_is_clean(open_window, dl_fake, qtbot) -> None:
    dl_fake.add_remote("qwen3.5:0.8b", (50_000_000, 1429, 7711, 561))
    window = open_window()
    view = window.page("models")
    view.select_tag("qwen3.5:0.8b")
    window.downloads.request_download("qwen3.5:0.8b")
    qtbot.waitUntil(lambda: (window.services.pages.downloads.state("qwen3.5:0.8b").fraction or 0) > 0.1, timeout=10_000)
    window.close()
    window.close()
    assert window.downloads._closed
