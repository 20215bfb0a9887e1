"""The feed of consent changes: every store's opt-ins and opt-outs in order, paged without gaps or repeats."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient

from backend.client import PlatformClient
from backend.database import PlatformDatabase
from backend.stores_csv import parse_stores_csv
from tests.backend.conftest import API_KEY, STORES_CSV

STORE_HEADER, *STORE_ROWS = STORES_CSV.strip().splitlines()


async def feed(api: TestClient, **params: str) -> dict[str, Any]:
    """One page of `GET /v1/consent-changes`."""
    response = await api.get("/v1/consent-changes", params=params)
    assert response.status == 200
    body: dict[str, Any] = await response.json()
    return body


def reimport_stores(db_path: Path, rows: list[str]) -> None:
    """Import store rows again, as the CSV import does."""
    db = PlatformDatabase(db_path)
    db.import_stores(parse_stores_csv("\n".join([STORE_HEADER, *rows]), "TZ"))
    db.close()


async def test_staff_opt_out_and_import_change_appear_in_order_with_their_source(
    api: TestClient, db_path: Path
) -> None:
    stopped = await api.put("/v1/stores/S1/promo-consent", json={"opt_in": False, "source": "staff"})
    assert stopped.status == 200
    # S1's row still says true, but staff stopped it; only S3, whose consent came from an import, changes.
    reimport_stores(db_path, [STORE_ROWS[0], STORE_ROWS[2].replace(",true", ",false")])
    body = await feed(api)
    changes = body["changes"]
    assert [(c["store_id"], c["opt_in"], c["source"]) for c in changes] == [
        ("S1", True, "import"),
        ("S2", False, "import"),
        ("S3", True, "import"),
        ("S1", False, "staff"),
        ("S3", False, "import"),
    ]
    ids = [c["change_id"] for c in changes]
    assert ids == sorted(set(ids))
    assert body["next_after"] is None
    later = await feed(api, after=str(ids[2]))
    assert [c["change_id"] for c in later["changes"]] == ids[3:]


async def test_paging_returns_each_change_once_and_ends_with_a_null_next_after(api: TestClient) -> None:
    for opt_in in (False, True, False):
        await api.put("/v1/stores/S2/promo-consent", json={"opt_in": opt_in, "source": "text"})
    everything = [c["change_id"] for c in (await feed(api))["changes"]]
    assert len(everything) == 6
    seen: list[int] = []
    pages: list[int | None] = []
    after = 0
    while True:
        page = await feed(api, after=str(after), limit="4")
        seen += [c["change_id"] for c in page["changes"]]
        pages.append(page["next_after"])
        if page["next_after"] is None:
            break
        after = page["next_after"]
    assert seen == everything
    assert pages == [everything[3], None]
    exact = await feed(api, limit="3")
    assert exact["next_after"] == everything[2]
    last = await feed(api, after=str(everything[2]), limit="3")
    assert (len(last["changes"]), last["next_after"]) == (3, everything[5])
    assert await feed(api, after=str(everything[5]), limit="3") == {"changes": [], "next_after": None}


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "0"},
        {"limit": "5001"},
        {"limit": "-1"},
        {"limit": "ten"},
        {"limit": ""},
        {"after": "-1"},
        {"after": "1.5"},
        {"after": "²"},
        {"after": "9" * 5000},
    ],
)
async def test_a_bad_after_or_limit_is_refused_with_400(api: TestClient, params: dict[str, str]) -> None:
    response = await api.get("/v1/consent-changes", params=params)
    assert response.status == 400
    assert (await response.json())["error"]["code"] == "invalid_request"


async def test_the_feed_without_the_api_key_is_unauthorized(api: TestClient) -> None:
    async with aiohttp.ClientSession() as bare:
        async with bare.get(api.make_url("/v1/consent-changes")) as response:
            assert response.status == 401
            assert (await response.json())["error"]["code"] == "unauthorized"


async def test_client_reads_the_same_changes_as_the_feed(api: TestClient) -> None:
    await api.put("/v1/stores/S3/promo-consent", json={"opt_in": False, "source": "staff"})
    body = await feed(api)
    async with PlatformClient(str(api.make_url("")).rstrip("/"), API_KEY) as client:
        changes, next_after = await client.consent_changes(0)
        first, after = await client.consent_changes(0, limit=2)
        rest, end = await client.consent_changes(after or 0, limit=10)
    assert [c.to_json() for c in changes] == body["changes"]
    assert next_after is None
    assert first + rest == changes
    assert (after, end) == (changes[1].change_id, None)
    assert (changes[-1].store_id, changes[-1].opt_in, changes[-1].source) == ("S3", False, "staff")
