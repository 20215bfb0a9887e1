"""End to end on WeChat: the Chinese demo wholesaler, an account linked by an operator's code, encrypted pushes."""

from __future__ import annotations

import re
import time
import urllib.request
from typing import Iterator
from urllib.parse import urlencode

import pytest
from wechatpy.crypto import WeChatCrypto

from tests.bot.conftest import WECHAT_AES_KEY, WECHAT_APP_ID, WECHAT_SECRET, WECHAT_TOKEN, FakeWeChat, wechat_query
from tests.bot.conftest import wechat_xml as follower_xml
from tests.e2e.conftest import System, ThreadedServer, _get, _settle, running_system

pytestmark = pytest.mark.e2e

OPENID = "oZhangJiBianLiDian000000001"
STORE_PHONE = "+8613800138001"


class WeChatFollower:
    """A store owner writing to the Official Account: every push encrypted and signed as in the safe mode."""

    def __init__(self, system: System, api: FakeWeChat) -> None:
        self.system, self.api = system, api
        self.crypto = WeChatCrypto(WECHAT_TOKEN, WECHAT_AES_KEY, WECHAT_APP_ID)
        self.msg_id = int(time.time() * 1000)

    def send(self, text: str) -> list[str]:
        """Push a text; the texts the gateway then sent the owner through the customer-service API."""
        before = len(self.api.texts(OPENID))
        self.msg_id += 1
        query = wechat_query(WECHAT_TOKEN, encrypt_type="aes")
        sealed = self.crypto.encrypt_message(
            follower_xml(OPENID, self.msg_id, text), query["nonce"], query["timestamp"]
        )
        query["msg_signature"] = re.search(r"<MsgSignature><!\[CDATA\[(\w+)\]\]>", sealed).group(1)  # type: ignore[union-attr]
        request = urllib.request.Request(
            f"{self.system.gateway}/webhooks/wechat?{urlencode(query)}", data=sealed.encode(), method="POST"
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert (response.status, response.read()) == (200, b"success")
        return list(_settle(lambda: self.api.texts(OPENID)[before:], 2.0, 90.0))


@pytest.fixture(scope="module")
def follower(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WeChatFollower]:
    api = FakeWeChat()
    fake = ThreadedServer(api.app())
    url = fake.start()
    try:
        with running_system(
            tmp_path_factory.mktemp("e2e-wechat"),
            DEMO_MARKET="cn",
            GATEWAY_CHANNELS="twilio,whatsapp,wechat",
            WECHAT_APP_ID=WECHAT_APP_ID,
            WECHAT_APP_SECRET=WECHAT_SECRET,
            WECHAT_TOKEN=WECHAT_TOKEN,
            WECHAT_AES_KEY=WECHAT_AES_KEY,
            WECHAT_API_BASE=url,
        ) as system:
            yield WeChatFollower(system, api)
    finally:
        fake.stop()


def link_code(system: System, phone: str) -> str:
    """The code an operator gets for a store phone, as the README says to ask for it."""
    shown = system.command("-m", "bot", "wechat", "link", phone)
    found = re.search(r": (\d{8})$", shown, re.M)
    assert found, shown
    return found.group(1)


def test_a_chinese_store_links_its_wechat_account_and_talks_to_the_assistant(follower: WeChatFollower) -> None:
    [ask] = follower.send("你好")
    assert "绑定码" in ask  # asked in the language the owner wrote in: the link code

    [linked] = follower.send(f"绑定 {link_code(follower.system, STORE_PHONE)}")
    assert "张记便利店" in linked

    answered = follower.send("hello")
    assert answered and all(text.strip() for text in answered)
    assert not any("link code" in text or "绑定码" in text for text in answered)

    [stopped] = follower.send("退订")
    assert "不会再给您发促销" in stopped  # no more promotions, in the store's language
    assert {r["json"]["touser"] for r in follower.api.requests if "json" in r} == {OPENID}
    assert len([r for r in follower.api.requests if "token" in r]) == 1
    status, store = _get(f"{follower.system.backend}/v1/stores/CN-001", {"X-API-Key": follower.system.api_key})
    assert (status, store["name"], store["promo_opt_in"]) == (200, "张记便利店", False)
