"""The WeChat Official Account channel: signed and encrypted pushes, account links, the customer-service API."""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest
from wechatpy.crypto import WeChatCrypto

from bot.messages import Button, Reply
from bot.render import render
from bot.settings import Settings, SettingsError
from bot.wechat import WeChatLinks
from tests.bot.conftest import (
    STORE_PHONE,
    WECHAT_AES_KEY,
    WECHAT_APP_ID,
    WECHAT_TOKEN,
    FakeWeChat,
    Stack,
    StackFactory,
    eventually,
    wechat_env,
    wechat_query,
    wechat_xml,
)

OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"


class WeChatStack:
    """The gateway with WeChat on, its fake API, and a follower who writes to the account."""

    def __init__(self, stack: Stack, api: FakeWeChat) -> None:
        self.stack, self.api = stack, api
        self.msg_id = int(time.time() * 1000)

    async def push(self, xml: str, query: dict[str, str] | None = None) -> Any:
        """POST a push as WeChat does: plain XML, signed in the query."""
        return await self.stack.client.post(
            "/webhooks/wechat", params=query or wechat_query(WECHAT_TOKEN), data=xml.encode()
        )

    async def text(self, text: str, openid: str = OPENID, msg_id: int | None = None) -> Any:
        """A text from `openid`; the gateway's answer to WeChat."""
        if msg_id is None:
            self.msg_id += 1
            msg_id = self.msg_id
        response = await self.push(wechat_xml(openid, msg_id, text))
        assert response.status == 200 and await response.text() == "success"
        return response

    async def replies(self, count: int, openid: str = OPENID) -> list[str]:
        """Wait for `count` texts sent to `openid` through the customer-service API."""

        async def arrived() -> bool:
            return len(self.api.texts(openid)) >= count

        await eventually(arrived)
        return self.api.texts(openid)

    async def link(self, phone: str = STORE_PHONE, openid: str = OPENID) -> None:
        """Link the account to the store phone with a code an operator issued."""
        code = await WeChatLinks(self.stack.redis, self.stack.settings.key_prefix).issue_code(phone)
        before = len(self.api.texts(openid))
        await self.text(f"绑定 {code}", openid)
        await self.replies(before + 1, openid)


@pytest.fixture
async def wechat(make_stack: StackFactory, aiohttp_server: Any) -> WeChatStack:
    api = FakeWeChat()
    server = await aiohttp_server(api.app())
    stack = await make_stack(**wechat_env(str(server.make_url("")).rstrip("/")))
    return WeChatStack(stack, api)


async def test_url_check_echoes_echostr_when_wechat_signed_it(wechat: WeChatStack) -> None:
    query = wechat_query(WECHAT_TOKEN, echostr="4521753987510")
    response = await wechat.stack.client.get("/webhooks/wechat", params=query)
    assert response.status == 200 and await response.text() == "4521753987510"


async def test_url_check_with_a_wrong_signature_is_forbidden(wechat: WeChatStack) -> None:
    query = wechat_query("not-our-token", echostr="4521753987510")
    response = await wechat.stack.client.get("/webhooks/wechat", params=query)
    assert response.status == 403 and "4521753987510" not in await response.text()


async def test_message_with_a_wrong_signature_is_forbidden_and_not_answered(wechat: WeChatStack) -> None:
    response = await wechat.push(wechat_xml(OPENID, 1, "你好"), wechat_query("not-our-token"))
    assert response.status == 403
    unsigned = await wechat.stack.client.post("/webhooks/wechat", data=wechat_xml(OPENID, 2, "你好").encode())
    assert unsigned.status == 403
    await eventually(wechat.stack.idle)
    assert wechat.api.requests == []


async def test_a_replayed_push_with_an_old_timestamp_is_forbidden(wechat: WeChatStack) -> None:
    response = await wechat.push(wechat_xml(OPENID, 1, "你好"), wechat_query(WECHAT_TOKEN, int(time.time()) - 3600))
    assert response.status == 403


async def test_an_unlinked_account_is_asked_for_its_link_code(wechat: WeChatStack) -> None:
    await wechat.text("来5箱康师傅红烧牛肉面")
    [reply] = await wechat.replies(1)
    assert "绑定码" in reply  # asked in the language the owner wrote in: the link code
    assert wechat.stack.rasa.turns == []


async def test_a_link_code_links_the_account_and_its_messages_reach_the_assistant_as_the_store(
    wechat: WeChatStack,
) -> None:
    await wechat.link()
    assert "Mama Njeri Duka" in wechat.api.texts(OPENID)[-1]
    await wechat.text("5 ctn coke")
    replies = await wechat.replies(2)
    assert replies[-1] == "echo: 5 ctn coke"
    turn = wechat.stack.rasa.turns[-1]
    assert (turn["sender"], turn["metadata"]["channel"]) == (STORE_PHONE, "wechat")
    assert wechat.api.requests[-1]["json"]["touser"] == OPENID


async def test_a_link_code_works_once(wechat: WeChatStack) -> None:
    links = WeChatLinks(wechat.stack.redis, wechat.stack.settings.key_prefix)
    code = await links.issue_code(STORE_PHONE)
    await wechat.text(code)
    await wechat.replies(1)
    other = "oOtherFollower0000000000000"
    await wechat.text(code, openid=other)
    [reply] = await wechat.replies(1, openid=other)
    assert "link code" in reply
    assert await links.phone_of(other) is None and await links.phone_of(OPENID) == STORE_PHONE


async def test_guessing_link_codes_stops_after_a_few_tries(wechat: WeChatStack) -> None:
    links = WeChatLinks(wechat.stack.redis, wechat.stack.settings.key_prefix)
    for guess in range(5):
        await wechat.text(f"{guess:08d}")
    code = await links.issue_code(STORE_PHONE)
    await wechat.text(code)
    await wechat.replies(6)
    assert await links.phone_of(OPENID) is None


async def test_a_message_wechat_pushes_twice_is_answered_once(wechat: WeChatStack) -> None:
    await wechat.link()
    await wechat.text("2 bales sugar", msg_id=6543210987654321)
    await wechat.text("2 bales sugar", msg_id=6543210987654321)
    await wechat.replies(2)
    await eventually(wechat.stack.idle)
    assert [t["message"] for t in wechat.stack.rasa.turns] == ["2 bales sugar"]
    assert wechat.api.texts(OPENID).count("echo: 2 bales sugar") == 1


async def test_tuiding_stops_promotions_before_the_assistant_sees_it(wechat: WeChatStack) -> None:
    await wechat.link()
    await wechat.text("退订")
    assert "no more promotions" in (await wechat.replies(2))[-1]
    assert wechat.stack.rasa.turns == []


async def test_a_picture_is_answered_that_only_text_is_read(wechat: WeChatStack) -> None:
    await wechat.link()
    response = await wechat.push(wechat_xml(OPENID, 77, kind="image"))
    assert await response.text() == "success"
    replies = await wechat.replies(2)
    assert "only read text" in replies[-1]
    assert wechat.stack.rasa.turns == []


async def test_an_encrypted_message_is_opened_and_answered(wechat: WeChatStack) -> None:
    await wechat.link()
    crypto = WeChatCrypto(WECHAT_TOKEN, WECHAT_AES_KEY, WECHAT_APP_ID)
    query = wechat_query(WECHAT_TOKEN, encrypt_type="aes")
    sealed = crypto.encrypt_message(wechat_xml(OPENID, 88, "3 ctn soda"), query["nonce"], query["timestamp"])
    query["msg_signature"] = sealed.split("<MsgSignature><![CDATA[")[1].split("]]>")[0]
    response = await wechat.push(sealed, query)
    assert response.status == 200 and await response.text() == "success"
    assert (await wechat.replies(2))[-1] == "echo: 3 ctn soda"


async def test_an_encrypted_message_sealed_with_another_key_is_forbidden(wechat: WeChatStack) -> None:
    crypto = WeChatCrypto(WECHAT_TOKEN, "Z" * 43, WECHAT_APP_ID)
    query = wechat_query(WECHAT_TOKEN, encrypt_type="aes")
    sealed = crypto.encrypt_message(wechat_xml(OPENID, 89, "3 ctn soda"), query["nonce"], query["timestamp"])
    query["msg_signature"] = uuid.uuid4().hex
    response = await wechat.push(sealed, query)
    assert response.status == 403


async def test_the_access_token_is_fetched_once_and_reused(wechat: WeChatStack) -> None:
    await wechat.link()
    await wechat.text("hello")
    await wechat.replies(2)
    fetched = [r for r in wechat.api.requests if "token" in r]
    assert len(fetched) == 1
    assert {r["access_token"] for r in wechat.api.requests if "json" in r} == {"ACCESS_TOKEN_1"}


async def test_an_expired_access_token_is_renewed_and_the_reply_still_sent(wechat: WeChatStack) -> None:
    await wechat.link()
    wechat.api.expire_tokens()
    await wechat.text("hello again")
    replies = await wechat.replies(3)
    assert replies[-1] == "echo: hello again"
    assert wechat.api.requests[-1]["access_token"] == "ACCESS_TOKEN_2"


async def test_a_reply_after_the_48_hour_window_is_not_retried(wechat: WeChatStack) -> None:
    await wechat.link()
    wechat.api.then(200, {"errcode": 45015, "errmsg": "response out of time limit or subscription is canceled"})
    await wechat.text("late")
    await wechat.replies(2)
    await eventually(wechat.stack.idle)
    assert len(wechat.api.texts(OPENID)) == 2
    transcript = await wechat.stack.transcript()
    assert transcript[-1].status == "failed"


def test_a_long_chinese_reply_is_sent_in_parts_wechat_takes() -> None:
    rendered = render(Reply("康师傅红烧牛肉面" * 200, (Button("是", "/affirm"), Button("否", "/deny"))), "wechat", 3)
    assert len(rendered.parts) > 1
    assert all(len(text.encode("utf-8")) <= 2048 for _, text, _, _ in rendered.parts)
    assert rendered.parts[-1][1].endswith("1. 是\n2. 否") and rendered.menu == ("/affirm", "/deny")


def test_production_refuses_wechat_without_its_secrets() -> None:
    env = {
        "GATEWAY_MODE": "production",
        "BACKEND_API_KEY": "k" * 20,
        "RASA_TOKEN": "t",
        "PUBLIC_BASE_URL": "https://example.com",
        "GATEWAY_CHANNELS": "wechat",
        "WECHAT_APP_ID": WECHAT_APP_ID,
    }
    with pytest.raises(SettingsError, match="WECHAT_APP_SECRET, WECHAT_TOKEN"):
        Settings.from_env(env)
    with pytest.raises(SettingsError, match="WECHAT_AES_KEY"):
        Settings.from_env({**env, "WECHAT_APP_SECRET": "s", "WECHAT_TOKEN": "t", "WECHAT_AES_KEY": "short"})
