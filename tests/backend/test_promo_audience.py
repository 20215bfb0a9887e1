"""The campaign audience listing: opted-in stores only, each filter, paging without gaps or repeats."""

from __future__ import annotations

from pathlib import Path

from aiohttp.test_utils import TestClient

from backend.app import BackendSettings
from backend.client import PlatformClient
from backend.database import PlatformDatabase
from backend.models import AudienceQuery
from backend.stores_csv import parse_stores_csv
from tests.backend.conftest import API_KEY, place

MORE_STORES = """store_id,name,phones,region,language,timezone,credit_limit,promo_opt_in,store_type
S4,Kiosk Four,+255712000104,Arusha,en,Africa/Dar_es_Salaam,90000.00,true,kiosk
S5,Duka Five,+255712000105,Arusha,sw,Africa/Dar_es_Salaam,90000.00,true,duka
"""


async def audience(api: TestClient, **params: str) -> list[str]:
    body = await (await api.get("/v1/promo-audience", params=params)).json()
    return [s["store_id"] for s in body["stores"]]


async def test_audience_lists_only_opted_in_stores_matching_every_filter(api: TestClient, db_path: Path) -> None:
    db = PlatformDatabase(db_path)
    db.import_stores(parse_stores_csv(MORE_STORES, "TZ"))
    db.close()
    assert await audience(api) == ["S1", "S3", "S4", "S5"]
    assert await audience(api, region="Arusha", language="sw") == ["S1", "S5"]
    assert await audience(api, store_type="kiosk,duka") == ["S4", "S5"]
    await place(api, "aud-0001", [{"sku": "X400", "quantity": 1}], store_id="S3")
    assert await audience(api, bought_category="home", bought_within_days="7") == ["S3"]
    assert await audience(api, bought_category="drinks") == []
    assert await audience(api, idle_days="30") == ["S1", "S4", "S5"]
    bad = await api.get("/v1/promo-audience", params={"idle_days": "-1"})
    assert bad.status == 400


async def test_audience_pages_cover_every_store_once(api: TestClient, platform_settings: BackendSettings) -> None:
    first = await (await api.get("/v1/promo-audience", params={"limit": "1"})).json()
    second = await (await api.get("/v1/promo-audience", params={"limit": "1", "after": first["next"]})).json()
    last = await (await api.get("/v1/promo-audience", params={"limit": "5", "after": second["next"]})).json()
    assert [first["next"], second["next"], last["next"]] == ["S1", "S3", None]
    assert last["stores"] == []


async def test_client_reads_audience_pages(api: TestClient) -> None:
    async with PlatformClient(str(api.make_url("")).rstrip("/"), API_KEY) as client:
        stores, after = await client.promo_audience(AudienceQuery(limit=1))
        rest, end = await client.promo_audience(AudienceQuery(after=after or "", limit=10))
    assert ([s.store_id for s in stores], [s.store_id for s in rest], end) == (["S1"], ["S3"], None)
    assert stores[0].phones == ("+255712000101",)
