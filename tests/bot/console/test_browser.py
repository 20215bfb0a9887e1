"""The console in a real browser (Debian's headless Chromium driven by Playwright): handoff to hand back, no XSS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import ConsoleMessage, Dialog, async_playwright, expect

from tests.bot.conftest import STORE_PHONE, eventually
from tests.bot.console.conftest import ADMIN, ADMIN_PASSWORD, ConsoleStack

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"
MARKUP = "<img src=x onerror=alert(1)>"
REPLY = "Hi, this is Wanjiru from support. Your 5 crates leave today."

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")


def _assistant(turn: dict[str, Any]) -> list[dict[str, Any]]:
    if "AGENT" in turn["message"]:
        return [
            {"recipient_id": turn["sender"], "text": "A person will answer soon."},
            {"custom": {"handoff": "requested"}},
        ]
    return [{"recipient_id": turn["sender"], "text": "Sorry, I did not get that."}]


async def test_staff_take_over_a_handoff_reply_and_hand_back_in_a_browser(console: ConsoleStack) -> None:
    console.stack.rasa.reply = _assistant
    await console.store_says(MARKUP)
    await console.store_says("AGENT")
    await console.store_says("just checking in", phone="+254712000003")
    base = str(console.client.make_url("")).rstrip("/")
    dialogs: list[str] = []
    errors: list[str] = []

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = await browser.new_page()

        async def on_dialog(dialog: Dialog) -> None:
            dialogs.append(dialog.message)
            await dialog.dismiss()

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                errors.append(message.text)

        page.on("dialog", on_dialog)
        page.on("console", on_console)
        try:
            await page.goto(f"{base}/console/login")
            await page.fill("input[name=username]", ADMIN)
            await page.fill("input[name=password]", ADMIN_PASSWORD)
            await page.click("button[type=submit]")
            await expect(page.locator("table.list")).to_contain_text("+254712000003")

            await page.check("input[name=needs_person]")
            await page.click("form.filters button[type=submit]")
            await expect(page.locator("table.list tbody tr")).to_have_count(1)
            await expect(page.locator("table.list")).not_to_contain_text("+254712000003")
            await page.click(f"a:text('{STORE_PHONE}')")

            first = page.locator(".msg.in .body").first
            await expect(first).to_have_text(MARKUP)
            assert await page.locator("#messages img").count() == 0

            await page.click("button:text('Take over')")
            await expect(page.locator(".notice")).to_contain_text("You hold this conversation")
            await page.fill("#reply-text", REPLY)
            await expect(page.locator("#reply-segments")).to_have_text(f"{len(REPLY)} characters, 1 SMS segment")
            await page.click("button:text('Send')")
            await expect(page.locator(".notice")).to_contain_text("Reply queued")

            async def delivered() -> bool:
                return REPLY in console.stack.twilio.bodies(STORE_PHONE)

            await eventually(delivered)
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shot = SCREENSHOTS / "conversation.png"
            await page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 0

            await page.click("button:text('Hand back to the assistant')")
            await expect(page.locator(".notice")).to_contain_text("Handed back")
        finally:
            await browser.close()

    assert console.stack.rasa.triggered[-1] == (STORE_PHONE, {"name": "EXTERNAL_handback"})
    assert dialogs == []
    assert not [e for e in errors if "Content Security Policy" in e]
