"""The platform service on a temp SQLite file, with every response checked against openapi.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any, AsyncIterator, Awaitable, Callable

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from backend.app import BackendSettings, create_app
from backend.catalog import parse_catalog_csv
from backend.database import PlatformDatabase
from backend.stores_csv import parse_stores_csv
from tests.backend.openapi_check import OpenApiContract

API_KEY = "test-key-0123456789abcdef"

CATALOG_CSV = """sku,name,brand,category,size,sell_unit,units_per_pack,price,currency,aliases,stock,min_order_qty,active
X100,Zuri Cola 350ml can,Zuri,drinks,350ml,tray,24,720.00,TZS,zuri|cola,50,1,true
X101,Zuri Cola 1L PET,Zuri,drinks,1L,case,12,960.50,TZS,zuri 1l,0,1,true
X200,Mlima Maize Flour 2kg,Mlima,flour,2kg,bale,12,1500.00,TZS,unga,40,2,true
X300,Old Soap Bar 200g,Bafu,soap,200g,carton,48,2400.00,TZS,,30,1,false
X400,Taa Candles 6 pack,Taa,home,6pc,box,20,300.00,TZS,mishumaa,1000,1,true
"""

STORES_CSV = """store_id,name,phones,region,language,timezone,credit_limit,promo_opt_in
S1,Duka One,+255712000101,Arusha,sw,Africa/Dar_es_Salaam,10000.00,true
S2,Duka Two,+255712000102|+255712000103,Moshi,en,Africa/Dar_es_Salaam,500000.00,false
S3,Duka Three,+255712000103,Moshi,en,Africa/Dar_es_Salaam,500000.00,true
"""


@pytest.fixture
def contract() -> OpenApiContract:
    """The OpenAPI document, loaded once a test."""
    return OpenApiContract.load()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A seeded platform database file."""
    path = tmp_path / "platform.sqlite3"
    db = PlatformDatabase(path)
    db.import_catalog(parse_catalog_csv(CATALOG_CSV))
    db.import_stores(parse_stores_csv(STORES_CSV, "TZ"))
    db.close()
    return path


@pytest.fixture
def platform_settings(db_path: Path) -> BackendSettings:
    """Settings for a platform on the seeded file."""
    return BackendSettings(db_path=str(db_path), api_key=API_KEY, default_region="TZ")


@pytest.fixture
async def api(
    aiohttp_client: Callable[..., Awaitable[TestClient]],
    platform_settings: BackendSettings,
    contract: OpenApiContract,
) -> AsyncIterator[TestClient]:
    """A client of the real app; every response it gets must match the contract."""
    app = create_app(platform_settings)
    app.middlewares.insert(0, contract.middleware())
    client = await aiohttp_client(app, headers={"X-API-Key": API_KEY})
    yield client
    contract.assert_no_violations()


async def place(api: TestClient, key: str, lines: list[dict[str, Any]], store_id: str = "S2") -> web.Response:
    """POST an order with an idempotency key."""
    return await api.post("/v1/orders", json={"store_id": store_id, "lines": lines}, headers={"Idempotency-Key": key})
