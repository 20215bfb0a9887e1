"""Per-store learned phrases in a real Redis."""

from __future__ import annotations

import uuid

import pytest
from redis.asyncio import Redis

from nlu import CatalogIndex, InMemoryAliasStore, RedisAliasStore, parse_order
from tests.nlu.conftest import catalog_index


@pytest.mark.asyncio
async def test_learned_phrase_from_redis_resolves_that_stores_messages(
    redis_url: str, invented_index: CatalogIndex
) -> None:
    redis = Redis.from_url(redis_url)
    store = RedisAliasStore(redis, prefix=f"test:{uuid.uuid4().hex}")
    try:
        await store.learn("store-1", "Ile  Kubwa!", "Q102")
        learned = await store.get("store-1")
        assert learned == {"ile kubwa": "Q102"}
        parse = parse_order("ile kubwa 3", invented_index, learned=learned)
        assert [(line.sku, line.quantity) for line in parse.lines] == [("Q102", 3)]
        assert await store.get("store-2") == {}
        await store.forget("store-1", "ile kubwa")
        assert await store.get("store-1") == {}
    finally:
        await redis.close()


def test_redis_keys_carry_a_hash_tag_per_store() -> None:
    store = RedisAliasStore(Redis(), prefix="p")
    assert store.key("shop-9") == "p:{shop-9}"


@pytest.mark.asyncio
async def test_redis_store_stops_learning_past_its_bound(redis_url: str) -> None:
    redis = Redis.from_url(redis_url)
    store = RedisAliasStore(redis, prefix=f"test:{uuid.uuid4().hex}", max_phrases=2)
    try:
        for phrase in ("one thing", "two thing", "three thing"):
            await store.learn("s", phrase, "Q101")
        assert len(await store.get("s")) == 2
    finally:
        await redis.close()


@pytest.mark.asyncio
async def test_in_memory_store_behaves_like_the_redis_one() -> None:
    store = InMemoryAliasStore()
    await store.learn("s", "Big One", "Q102")
    assert await store.get("s") == {"big one": "Q102"}
    await store.forget("s", "big one")
    assert await store.get("s") == {}


def test_a_learned_phrase_gives_way_to_another_size_said_beside_it() -> None:
    index = catalog_index(
        'D1,"Omo Multi Active 1kg, bale of 12",Omo,soap_detergent,1kg,bale,12,4680.00,KES,omo,10,1,true\n'
        "D3,Omo Multi Active 3kg bag,Omo,soap_detergent,3kg,bag,1,1150.00,KES,omo 3kg,10,1,true\n"
    )
    learned = {"omo": "D1"}
    assert resolved_with("omo 2 bales", index, learned) == [("D1", 2)]
    assert resolved_with("omo 1kg 2 bales", index, learned) == [("D1", 2)]
    assert resolved_with("omo 3kg 2 bags", index, learned) == [("D3", 2)]
    assert resolved_with("bei ya omo 3kg?", index, learned) == [("D3", 1)]


def resolved_with(text: str, index: CatalogIndex, learned: dict[str, str]) -> list[tuple[str, int]]:
    return [(line.sku, line.quantity) for line in parse_order(text, index, learned=learned).lines]
