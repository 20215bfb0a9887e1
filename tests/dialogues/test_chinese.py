"""The main flows in Chinese, as a store on WeChat writes them: order, choose, edit, YES, status, 退订."""

from __future__ import annotations

import re
from typing import Any

import pytest

from backend.client import PlatformClient
from tests.dialogues.conftest import Chat, Phones
from tests.dialogues.languages import language_of

pytestmark = pytest.mark.asyncio(loop_scope="session")

# A delivery day as zh_CN writes it: `12月8日周二`.
CHINESE_DAY = re.compile(r"\d{1,2}月\d{1,2}日周[一二三四五六日]")


@pytest.fixture
def zh(agent: Any, language_phones: dict[str, Phones]) -> Chat:
    """A store whose language is Chinese."""
    return Chat(agent, language_phones["zh"].take())


async def said(chat: Chat, text: str) -> list[dict[str, Any]]:
    """Send a message; every reply must be in Chinese."""
    replies = await chat.say(text)
    assert replies, f"no reply to {text!r}"
    for reply in replies:
        if reply.get("text"):
            assert language_of(reply["text"]) == "zh", f"{text!r} answered in another language: {reply['text']!r}"
    return replies


async def text(chat: Chat, message: str) -> str:
    """Send a message; the replies' text, each checked to be in Chinese."""
    return "\n".join(reply.get("text") or "" for reply in await said(chat, message))


async def test_a_chinese_store_orders_chooses_edits_and_confirms_in_chinese(
    zh: Chat, platform_client: PlatformClient
) -> None:
    question = (await said(zh, "丝苗米 两袋"))[-1]
    assert question["text"].startswith("哪种丝苗米") and question["text"].endswith("请回复序号。")
    assert "1) 禾香 丝苗米 10kg 62/袋 2) 禾香 丝苗米 25kg 148/袋" in question["text"]
    ten_kilos = next(b["payload"] for b in question["buttons"] if "10kg" in b["title"])
    replies = await said(zh, ten_kilos)
    summary = replies[-1]["text"]
    assert summary.startswith("您的订单：\n1) 禾香 丝苗米 10kg 2 袋 x 62 = 124\n合计¥124。"), summary
    assert CHINESE_DAY.search(summary), summary
    assert "回复 YES 确认，NO 放弃" in summary
    assert [b["title"] for b in replies[-1]["buttons"]] == ["YES", "NO"]
    added = await text(zh, "再加两箱可乐")
    assert "2) 可口可乐 330ml×24罐 2 箱 x 52 = 104" in added and "合计¥228。" in added
    assert "1) 禾香 丝苗米 10kg 4 袋 x 62 = 248" in await text(zh, "1 = 4")
    again = await text(zh, "一共多少钱")
    assert again.startswith("您的订单：") and "合计¥352。" in again
    placed = await text(zh, "YES")
    assert re.match(r"订单 #\d+ 已下单：共2行，合计¥352。", placed), placed
    [order] = await platform_client.store_orders(str(await zh.slot("store_id")))
    assert order.order_id in placed
    status = await text(zh, "我的货到哪了？")
    assert status.startswith(f"订单 #{order.order_id}（¥352）已收到。"), status
    assert "已经下单了" in await text(zh, "确认")


async def test_a_chinese_store_reads_numerals_and_measure_words_and_opts_out_with_tuiding(
    zh: Chat, platform_client: PlatformClient
) -> None:
    summary = await text(zh, "来十箱岭丰红烧牛肉面")
    assert summary.startswith("您的订单：\n1) 岭丰 红烧牛肉面 120g×24袋 10 箱 x 55 = 550\n合计¥550。"), summary
    assert "好的，这个订单草稿已作废" in await text(zh, "NO")
    assert "已退订" in await text(zh, "退订")
    assert (await platform_client.store(str(await zh.slot("store_id")))).promo_opt_in is False
    assert "您会收到我们的优惠" in await text(zh, "开始")
    assert (await platform_client.store(str(await zh.slot("store_id")))).promo_opt_in is True


async def test_a_correction_of_another_line_while_a_question_is_open_changes_it_and_asks_again(zh: Chat) -> None:
    await text(zh, "来十箱岭丰红烧牛肉面")
    question = await text(zh, "丝苗米 两袋")
    assert question.startswith("哪种丝苗米"), question
    changed = await text(zh, "不对，牛肉面改成6箱")
    assert "哪种丝苗米" in changed and "请回复1到2之间的数字" not in changed, changed
    summary = await text(zh, "1")
    assert "1) 岭丰 红烧牛肉面 120g×24袋 6 箱" in summary and "丝苗米 10kg 2 袋" in summary, summary


async def test_an_english_store_switches_to_chinese_by_text(chat: Chat) -> None:
    assert language_of(await chat.text("请用中文")) == "zh"
    assert (await chat.text("你好")).startswith("您好！")


@pytest.mark.parametrize("amount", ["两三箱", "一箱半"])
async def test_an_amount_that_is_no_whole_count_of_cases_is_asked_in_chinese(zh: Chat, amount: str) -> None:
    question = await text(zh, f"可乐 {amount}")
    assert question.startswith("可口可乐 330ml×24罐要几箱？请回复数字。"), question
    summary = await text(zh, "三箱")
    assert "1) 可口可乐 330ml×24罐 3 箱 x 52 = 156" in summary, summary


async def test_a_price_is_answered_with_chinese_punctuation(zh: Chat) -> None:
    answer = await text(zh, "可乐多少钱一箱？")
    assert answer.startswith("可口可乐 330ml×24罐：¥52/箱，有货。"), answer


async def test_an_amount_after_a_price_orders_the_product_priced_in_chinese(zh: Chat) -> None:
    await text(zh, "可乐多少钱一箱？")
    summary = await text(zh, "那来3箱")
    assert "1) 可口可乐 330ml×24罐 3 箱 x 52 = 156" in summary, summary


async def test_a_brand_named_alone_while_a_question_is_open_is_an_item_never_a_yes(zh: Chat) -> None:
    await zh.text("牛肉面5箱 丝苗米2袋")
    # Read as YES by the classifier: the brand joins the order, the question stays.
    replies = await zh.say("可口可乐")
    assert replies[0]["text"] == "已加上：订单现在共2行。", replies
    assert replies[-1]["text"].startswith("哪种丝苗米？"), replies


async def test_an_amount_to_ask_sent_while_a_question_is_open_is_said_to_come_next_in_chinese(zh: Chat) -> None:
    await zh.text("牛肉面5箱 丝苗米2袋")
    replies = await zh.say("再加两提可乐")
    assert replies[0]["text"] == "收到：这个问题答完后再问您那一项。", replies


async def test_a_correction_answers_how_many_and_an_item_asked_alone_is_not_said_to_wait(zh: Chat) -> None:
    await zh.text("牛肉面5箱")
    replies = await zh.say("再加两提可乐")
    assert [reply["text"] for reply in replies if "收到" in reply.get("text", "")] == [], replies
    assert "要几箱" in replies[-1]["text"], replies
    summary = await zh.text("可乐改成3箱")
    assert "3 箱 x 52" in summary and "要几箱" not in summary and "YES" in summary, summary


async def test_a_chinese_store_takes_lines_off_as_the_summary_says(zh: Chat) -> None:
    await text(zh, "丝苗米10kg 两袋，牛肉面3箱，再来两箱可乐")
    assert "3) 可口可乐 330ml×24罐 5 箱" in await text(zh, "3改成5")
    summary = await text(zh, "删掉2")
    assert "牛肉面" not in summary and "2) 可口可乐 330ml×24罐 5 箱" in summary and "删掉3" in summary, summary
    summary = await text(zh, "可乐不要了")
    assert "可乐" not in summary.split("回复")[0] and "1) 禾香 丝苗米 10kg 2 袋" in summary, summary


async def test_a_product_taken_off_the_order_in_words_of_no_keeps_the_rest(zh: Chat) -> None:
    summary = await text(zh, "可乐5箱 岭丰红烧牛肉面2箱")
    assert "可口可乐" in summary and "岭丰" in summary, summary
    rest = await text(zh, "算了可乐不要了")
    assert rest.startswith("您的订单：\n1) 岭丰 红烧牛肉面") and "可口可乐" not in rest, rest


async def test_an_amount_added_or_corrected_alone_in_chinese_changes_the_last_line(zh: Chat) -> None:
    await text(zh, "可乐 5箱")
    assert "1) 可口可乐 330ml×24罐 7 箱" in await text(zh, "再加两箱")
    assert "1) 可口可乐 330ml×24罐 8 箱" in await text(zh, "再来一箱")
    assert "1) 可口可乐 330ml×24罐 3 箱" in await text(zh, "不对，改成3箱")
    # One more order is no amount of cola.
    assert "3 箱" in await text(zh, "一共多少钱") and "4 箱" not in await text(zh, "再来一单")


async def test_an_amount_added_alone_while_asked_which_one_is_kept_for_the_answer_in_chinese(zh: Chat) -> None:
    question = await text(zh, "丝苗米 两袋")
    kept = await text(zh, "再加两袋")
    assert kept.endswith(question) and "请回复1到2之间的数字" not in kept, kept
    assert "1) 禾香 丝苗米 10kg 4 袋 x 62" in await text(zh, "1")


async def test_how_much_a_pack_asked_while_a_question_is_open_prices_what_it_offers_and_asks_again(zh: Chat) -> None:
    question = (await said(zh, "丝苗米 两袋"))[-1]["text"]
    # It asked the question again and answered no price.
    answer = await text(zh, "多少钱一袋？")
    assert "禾香 丝苗米 10kg：¥62/袋" in answer and "禾香 丝苗米 25kg：¥148/袋" in answer, answer
    assert answer.endswith(question), answer
