"""One reply, rendered per channel within each channel's limits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.messages import Button, Channel, Reply
from bot.render import render, reply_from_rasa
from bot.sms import segment_count


def test_rasa_turn_merges_texts_buttons_and_handoff() -> None:
    reply = reply_from_rasa(
        [
            {"text": "Found 2 items."},
            {"text": "Confirm?", "buttons": [{"title": "Yes", "payload": "/affirm"}]},
            {"custom": {"handoff": "requested"}},
        ]
    )
    assert reply == Reply("Found 2 items.\n\nConfirm?", (Button("Yes", "/affirm"),), "", True)


def test_sms_shows_choices_as_a_numbered_menu_and_remembers_payloads() -> None:
    rendered = render(Reply("Confirm?", (Button("Yes", "/affirm"), Button("No", "/deny"))), Channel.SMS, 3)
    assert [p[1] for p in rendered.parts] == ["Confirm?\n1. Yes\n2. No"]
    assert rendered.menu == ("/affirm", "/deny")


def test_sms_does_not_list_choices_the_text_already_names() -> None:
    choices = (Button("Zuri Cola 350ml 720/tray", "1"), Button("Zuri Cola 1L 960/case", "2"))
    text = "Which cola? 1) Zuri Cola 350ml 720/tray 2) Zuri Cola 1L 960/case. Reply with the number."
    rendered = render(Reply(text, choices), Channel.SMS, 3)
    assert [p[1] for p in rendered.parts] == [text]
    # A typed number is read as typed: `1` answers the question as the text numbers it.
    assert rendered.menu == ()
    partly = render(Reply("Reply YES to confirm.", (Button("YES", "yes"), Button("NO", "no"))), Channel.SMS, 3)
    assert partly.parts[0][1] == "Reply YES to confirm.\n1. YES\n2. NO" and partly.menu == ("yes", "no")


def test_a_number_the_owner_was_never_shown_stands_for_no_choice() -> None:
    # `Reply YES to confirm, NO to drop it`: no `1. YES` is shown, so a typed `1` must never place the order.
    text = "Total KES 3,300.\nReply YES to confirm, NO to drop it, or edit: 2 = 10, remove 3."
    for channel in (Channel.SMS, Channel.WECHAT, Channel.WHATSAPP):
        rendered = render(Reply(text, (Button("YES", "yes"), Button("NO", "no"))), channel, 3)
        assert rendered.menu == (), channel


def test_sms_over_the_segment_budget_is_split_not_truncated() -> None:
    lines = "\n".join(f"{n}. Coca-Cola 300ml glass bottle crate of 24 x{n} = KES {n * 660}" for n in range(1, 30))
    rendered = render(Reply(lines), Channel.SMS, 2)
    texts = [p[1] for p in rendered.parts]
    assert len(texts) > 1 and all(segment_count(t) <= 2 for t in texts)
    assert "\n".join(texts) == lines


def test_whatsapp_uses_reply_buttons_for_up_to_three_short_titles() -> None:
    rendered = render(Reply("Confirm?", (Button("Yes", "/affirm"), Button("No", "/deny"))), Channel.WHATSAPP, 3)
    [(kind, body, choices, _)] = rendered.parts
    assert kind == "buttons" and body == "Confirm?" and [c.id for c in choices] == ["/affirm", "/deny"]
    assert rendered.menu == ()


def test_whatsapp_falls_back_to_numbered_text_beyond_ten_choices() -> None:
    buttons = tuple(Button(f"Item {n}", f"/choose{n}") for n in range(12))
    rendered = render(Reply("Which?", buttons), Channel.WHATSAPP, 3)
    [(kind, body, _, _)] = rendered.parts
    assert kind == "text" and body.endswith("12. Item 11")
    assert len(rendered.menu) == 12


@given(st.text(min_size=1, max_size=40), st.integers(min_value=1, max_value=10), st.text(max_size=1500))
def test_whatsapp_interactive_parts_stay_within_metas_limits(title: str, count: int, text: str) -> None:
    buttons = tuple(Button(title, f"/p{n}") for n in range(count))
    for kind, body, choices, _ in render(Reply(text, buttons), Channel.WHATSAPP, 3).parts:
        if kind == "buttons":
            assert len(choices) <= 3 and all(len(c.title) <= 20 for c in choices) and len(body) <= 1024
        elif kind == "list":
            assert len(choices) <= 10 and len(body) <= 1024
            assert all(len(c.title) <= 24 and len(c.description) <= 72 for c in choices)
        else:
            assert len(body) <= 4096
