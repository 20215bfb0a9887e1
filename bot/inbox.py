"""Inbound messages: deduplicated, queued durably, then handled one conversation at a time, in order."""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from dataclasses import asdict, replace
from typing import Any, Mapping

from redis.asyncio import Redis

from backend.client import PlatformClient
from backend.errors import PlatformError, Unavailable
from backend.logs import mask_phone
from bot import replies
from bot.keywords import Keywords
from bot.messages import Inbound, Reply
from bot.outbox import Outbox, OutboxPolicy
from bot.promotions.store import CampaignStore
from bot.rasa import RasaClient, RasaUnavailable
from bot.render import reply_from_rasa
from bot.streams import PartitionedStream, RetryLater
from bot.transcripts import TranscriptStore, Understanding
from i18n import detect_language, phrasebook

log = logging.getLogger("bot.inbox")

HANDBACK_INTENT = "EXTERNAL_handback"
# A stream entry that answers the messages a person handed back unanswered, in the phone's place in the queue.
HANDBACK_FIELD = "handback"
# Where Rasa's lock store keeps a conversation's tickets (endpoints.yml: lock_store, key_prefix rasa).
RASA_LOCK_PREFIX = "rasa:lock:"


class Inbox:
    """Accepts verified messages and runs each through keywords, the assistant and the outbox."""

    def __init__(
        self,
        redis: Redis,
        stream: PartitionedStream,
        transcripts: TranscriptStore,
        outbox: Outbox,
        rasa: RasaClient,
        platform: PlatformClient,
        keywords: Keywords,
        policy: OutboxPolicy,
        prefix: str,
        campaigns: CampaignStore,
    ) -> None:
        self._redis = redis
        self.stream = stream
        self._transcripts = transcripts
        self._outbox = outbox
        self._rasa = rasa
        self._platform = platform
        self._keywords = keywords
        self._policy = policy
        self._prefix = prefix
        self._campaigns = campaigns

    def _key(self, kind: str, message: Inbound) -> str:
        return f"{self._prefix}:{kind}:{{{message.channel}:{message.message_id}}}"

    async def accept(self, message: Inbound) -> bool:
        """Queue a message unless its provider id was seen before; False for a duplicate."""
        return await self.stream.add_once(
            message.phone,
            f"{message.channel}:{message.message_id}",
            message.to_fields()["message"],
            self._policy.record_ttl,
        )

    async def handle(self, entry_id: str, fields: Mapping[str, str], handed_out_before: int) -> None:
        """Handle one queued message (the stream handler); raises RetryLater while a dependency is down."""
        if HANDBACK_FIELD in fields:
            await self._answer_unanswered(fields[HANDBACK_FIELD], handed_out_before)
            return
        message = Inbound.from_fields(fields)
        done = self._key("done", message)
        if await self._redis.exists(done):
            return
        await self._transcripts.append_inbound(
            message.message_id, message.channel, message.phone, message.text, message.received_at
        )
        text = message.text
        if not message.is_choice:
            text = await self._outbox.menus.choice(message.phone, message.text) or message.text
        consent = self._keywords.consent(message.text)
        if consent is None and await self._waits_for_person(message.phone):
            # A person holds the conversation, or hands it back with messages still to answer: the message waits in
            # the transcript, and in order behind the others, read as the owner meant it when it came.
            unanswered = self._unanswered_key(message.phone)
            await self._redis.rpush(unanswered, json.dumps({"message": asdict(message), "read_as": text}))
            await self._redis.expire(unanswered, self._policy.record_ttl)
            await self._redis.set(done, "1", ex=self._policy.record_ttl)
            log.info("message kept for the person holding the conversation", extra=self._context(message))
            return
        await self._answer(message, text, consent, handed_out_before)
        await self._redis.set(done, "1", ex=self._policy.record_ttl)

    @staticmethod
    def _context(message: Inbound) -> dict[str, str]:
        return {
            "ctx_message_id": message.message_id,
            "ctx_channel": message.channel,
            "ctx_from": mask_phone(message.phone),
        }

    async def _answer(self, message: Inbound, text: str, consent: bool | None, handed_out_before: int) -> None:
        """Reply to one message the assistant (or the consent keywords) may read."""
        ctx = self._context(message)
        if not text.strip():
            # A photo, a voice note or an empty body: never the assistant's to read, so never a YES.
            reply = await self._say(message.phone, replies.TEXT_ONLY)
            await self._outbox.send_reply(message.phone, message.channel, reply, base_id=message.message_id)
            log.info("message without text answered", extra=ctx)
            return
        understanding: Understanding | None = None
        try:
            if consent is not None:
                reply = await self._set_consent(message.phone, consent, message.text)
            else:
                reply, understanding = await self._assistant_reply(message, text, handed_out_before)
        except (RasaUnavailable, Unavailable) as exc:
            delay = self._policy.backoff(handed_out_before + 1)
            log.warning(
                "dependency down; message kept for a retry", extra={**ctx, "ctx_error": str(exc), "ctx_delay": delay}
            )
            await self._apologise_once(message, replies.UNAVAILABLE)
            raise RetryLater(delay) from None
        except PlatformError as exc:
            log.error("platform refused a consent change", extra={**ctx, "ctx_error": exc.code})
            reply = await self._say(message.phone, replies.FAILED, message.text)
        log.debug("assistant replied", extra={**ctx, "ctx_text": reply.text})
        if reply.handoff:
            await self._transcripts.set_waiting_for_person(message.phone, True)
        if reply.text or reply.buttons or reply.image:
            await self._outbox.send_reply(message.phone, message.channel, reply, base_id=message.message_id)
        if understanding is not None:
            await self._record_understanding(message, understanding)
        log.info("message handled", extra=ctx)

    async def _assistant_reply(
        self, message: Inbound, text: str, handed_out_before: int
    ) -> tuple[Reply, Understanding | None]:
        """The assistant's reply to a message, in the language it answered in, and what it understood."""
        metadata: dict[str, Any] = {"channel": message.channel, "message_id": message.message_id}
        # The promotion this phone last got, so "1" or "YES 1 5" orders from it.
        promotion = await self._campaigns.recent(message.phone)
        if promotion is not None:
            metadata["promotion"] = promotion
        # A message handed out again (its gateway died, or Rasa failed) may have had its turn already: its
        # answer then comes from the conversation, and the turn is never run twice.
        earlier = await self._earlier_turn(message) if handed_out_before else None
        if handed_out_before:
            taken = "answer taken from the conversation" if earlier is not None else "turn sent to the assistant"
            log.info(
                "message handed out again",
                extra={"ctx_message_id": message.message_id, "ctx_from": mask_phone(message.phone), "ctx_turn": taken},
            )
        answer = earlier if earlier is not None else await self._rasa.send(message.phone, text, metadata)
        reply = reply_from_rasa(answer)
        # Read before the conversation's next message reaches the assistant, and before the reply
        # is rendered: a WhatsApp list's button is labelled in the language the assistant answered in.
        understanding = await self._understanding(message)
        return replace(reply, language=await self._answered_in(message, understanding)), understanding

    async def _earlier_turn(self, message: Inbound) -> list[dict[str, Any]] | None:
        """The assistant's answer to a message it already handled, else None; read once no Rasa server runs or
        waits to run a turn of the conversation (each holds a ticket in Rasa's lock store until it ends).

        A ticket expires a fixed time after it was issued (TICKET_LOCK_LIFETIME), time spent waiting behind a
        killed server's ticket included, and its turn may still run after that: the conversation is free once
        its lock is gone, or once every ticket expired longer ago than a turn may take.
        """
        while raw := await self._redis.get(RASA_LOCK_PREFIX + message.phone):
            tickets = [json.loads(ticket) for ticket in json.loads(raw).get("tickets", [])]
            if max((ticket["expires"] for ticket in tickets), default=0.0) + self._rasa.turn_seconds <= time.time():
                break
            await asyncio.sleep(0.2)
        return await self._rasa.turn_of(message.phone, message.message_id)

    async def _set_consent(self, phone: str, opt_in: bool, text: str) -> Reply:
        """Switch promotions for every store of this phone, before and without the assistant."""
        stores = await self._platform.stores_by_phone(phone)
        # Running campaigns read this before every send: a STOP holds back the very next message.
        await self._campaigns.consent_changed([s.store_id for s in stores], opt_in)
        for store in stores:
            await self._platform.set_promo_consent(store.store_id, opt_in, source="text")
        return await self._say(phone, replies.OPTED_IN if opt_in else replies.OPTED_OUT, text)

    def _language_key(self, phone: str) -> str:
        return f"{self._prefix}:language:{{{phone}}}"

    async def language(self, phone: str, text: str = "") -> str:
        """The language to answer a phone in: the one the assistant last answered in, else its stores', else
        the one `text` is written in, else English."""
        known = await self._redis.get(self._language_key(phone))
        if known:
            return str(known)
        try:
            stores = await self._platform.stores_by_phone(phone)
        except PlatformError:
            stores = []
        languages = {store.language for store in stores}
        if len(languages) == 1:
            return languages.pop()
        return detect_language(text) or "en"

    async def _say(self, phone: str, message: str, text: str = "") -> Reply:
        """One of the gateway's own texts, in the phone's language."""
        language = await self.language(phone, text)
        return Reply(phrasebook(language)._(message), language=language)

    async def _answered_in(self, message: Inbound, understanding: Understanding | None) -> str:
        """The language of the assistant's reply; kept for the gateway's own texts to this phone when it changes."""
        if understanding is None or not understanding.language:
            return await self.language(message.phone, message.text)
        key = self._language_key(message.phone)
        if await self._redis.get(key) != understanding.language:
            await self._redis.set(key, understanding.language)
        return understanding.language

    async def _apologise_once(self, message: Inbound, reason: str) -> None:
        if await self._redis.set(self._key("apology", message), "1", nx=True, ex=self._policy.record_ttl):
            # The apology leaves the last menu in place: the retried message may be a number picked from it.
            await self._outbox.send_reply(
                message.phone,
                message.channel,
                await self._say(message.phone, reason, message.text),
                base_id=f"{message.message_id}:sorry",
                replaces_menu=False,
            )

    async def _understanding(self, message: Inbound) -> Understanding | None:
        try:
            return await self._rasa.understanding(message.phone)
        except RasaUnavailable as exc:
            log.warning(
                "could not read what the assistant understood",
                extra={"ctx_message_id": message.message_id, "ctx_error": str(exc)},
            )
            return None

    async def _record_understanding(self, message: Inbound, understanding: Understanding) -> None:
        await self._transcripts.set_understanding(message.phone, message.message_id, understanding)
        if understanding.intent in ("opt_out", "opt_in"):
            # "no more offers" in words reaches the platform through the assistant; campaigns hear it here.
            try:
                stores = await self._platform.stores_by_phone(message.phone)
            except PlatformError:
                return
            await self._campaigns.consent_changed([s.store_id for s in stores], understanding.intent == "opt_in")

    def _agent_key(self, phone: str) -> str:
        return f"{self._prefix}:agent:{{{phone}}}"

    async def take_over(self, phone: str, agent: str) -> None:
        """Let a person hold the conversation: the owner's messages reach the transcript, not the assistant."""
        await self._redis.set(self._agent_key(phone), agent)
        await self._transcripts.set_waiting_for_person(phone, False)

    async def held_by(self, phone: str) -> str:
        """The person holding the conversation, or an empty string while the assistant has it."""
        return str(await self._redis.get(self._agent_key(phone)) or "")

    def _unanswered_key(self, phone: str) -> str:
        return f"{self._prefix}:unanswered:{{{phone}}}"

    async def _waits_for_person(self, phone: str) -> bool:
        # Both keys share the phone's hash tag: one round trip, one Cluster slot.
        return bool(await self._redis.exists(self._agent_key(phone), self._unanswered_key(phone)))

    async def unanswered(self, phone: str) -> list[Inbound]:
        """The owner's messages since the person holding the conversation last wrote, oldest first."""
        kept = await self._redis.lrange(self._unanswered_key(phone), 0, -1)
        return [Inbound(**json.loads(raw)["message"]) for raw in kept]

    async def send_from_person(self, phone: str, channel: str, reply: Reply, base_id: str) -> None:
        """A person's reply to the store: it answers the messages they had."""
        # The assistant's last numbered menu stays: the store may still answer it after the person hands back.
        await self._outbox.send_reply(phone, channel, reply, base_id=base_id, replaces_menu=False)
        await self._redis.delete(self._unanswered_key(phone))

    async def hand_back(self, phone: str, answer_unanswered: bool = False) -> int:
        """Give a conversation back to the assistant after a person handled it; the replies queued.

        With `answer_unanswered`, the assistant then reads the owner's messages no one answered, in order, before any
        message sent after; without, those messages stay in the transcript only."""
        messages = await self._rasa.trigger_intent(phone, HANDBACK_INTENT)
        if answer_unanswered and await self._redis.exists(self._unanswered_key(phone)):
            # Answered by the worker that runs the phone's messages in order; until then, later messages queue behind.
            await self.stream.add(phone, {HANDBACK_FIELD: phone})
        else:
            await self._redis.delete(self._unanswered_key(phone))
        await self._redis.delete(self._agent_key(phone))
        await self._transcripts.set_waiting_for_person(phone, False)
        reply = replace(reply_from_rasa(messages), language=await self.language(phone))
        channel = await self._outbox.channel_to_write(phone)
        if not channel or not (reply.text or reply.buttons or reply.image):
            return 0
        queued = await self._outbox.send_reply(phone, channel, reply, base_id=f"handback:{uuid.uuid4().hex}")
        return len(queued)

    async def _answer_unanswered(self, phone: str, handed_out_before: int) -> None:
        """Answer, one by one and oldest first, the messages a person handed back unanswered."""
        key = self._unanswered_key(phone)
        answered: set[str] = set()
        while raw := await self._redis.lindex(key, 0):
            kept = json.loads(raw)
            message = Inbound(**kept["message"])
            # A message kept twice (its first handling died before it was marked done) is answered once.
            if message.message_id not in answered:
                await self._answer(message, kept["read_as"], None, handed_out_before)
                answered.add(message.message_id)
            await self._redis.lpop(key)
