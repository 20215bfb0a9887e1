"""The platform API as the assistant and operators use it."""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient

from backend.app import BackendSettings, create_app
from backend.database import PlatformDatabase
from tests.backend.conftest import place
from tests.backend.openapi_check import OpenApiContract


async def test_every_route_is_in_the_contract_and_every_contract_path_is_served(
    platform_settings: BackendSettings, contract: OpenApiContract
) -> None:
    app = create_app(platform_settings)
    served = {
        (route.method, route.resource.canonical)
        for route in app.router.routes()
        if route.method != "HEAD" and route.resource is not None
    }
    assert served == contract.operations()


async def test_every_endpoint_but_health_refuses_a_missing_or_wrong_key(
    api: TestClient, contract: OpenApiContract
) -> None:
    for method, template in sorted(contract.operations()):
        path = re.sub(r"\{[^}]+\}", "X100", template)
        for headers in ({"X-API-Key": ""}, {"X-API-Key": "wrong-key-0123456789"}):
            response = await api.request(method, path, headers=headers)
            if template == "/healthz":
                assert response.status == 200
            else:
                assert response.status == 401, f"{method} {template}"
                assert (await response.json())["error"]["code"] == "unauthorized"


async def test_catalog_lists_every_sku_and_answers_304_to_its_etag(api: TestClient) -> None:
    first = await api.get("/v1/catalog")
    body = await first.json()
    assert {item["sku"] for item in body["items"]} == {"X100", "X101", "X200", "X300", "X400"}
    unchanged = await api.get("/v1/catalog", headers={"If-None-Match": first.headers["ETag"]})
    assert unchanged.status == 304
    await place(api, "key-etag-0001", [{"sku": "X100", "quantity": 1}])
    changed = await api.get("/v1/catalog", headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status == 200
    assert next(i for i in (await changed.json())["items"] if i["sku"] == "X100")["stock"] == 49


async def test_one_sku_and_an_unknown_sku(api: TestClient) -> None:
    item = await (await api.get("/v1/catalog/X101")).json()
    assert (item["price"], item["sell_unit"], item["stock"]) == ("960.50", "case", 0)
    missing = await api.get("/v1/catalog/NOPE")
    assert missing.status == 404
    assert (await missing.json())["error"]["code"] == "sku_not_found"


async def test_store_lookup_accepts_a_number_in_local_form(api: TestClient) -> None:
    stores = (await (await api.get("/v1/stores", params={"phone": "0712 000 103"})).json())["stores"]
    assert [s["store_id"] for s in stores] == ["S2", "S3"]
    nobody = await (await api.get("/v1/stores", params={"phone": "+255712999999"})).json()
    assert nobody == {"stores": []}
    bad = await api.get("/v1/stores", params={"phone": "not a phone"})
    assert bad.status == 400


async def test_same_idempotency_key_and_body_returns_the_same_order(api: TestClient) -> None:
    lines = [{"sku": "X100", "quantity": 2}, {"sku": "X200", "quantity": 3}]
    first = await place(api, "draft-1-v1", lines)
    second = await place(api, "draft-1-v1", lines)
    assert (first.status, second.status) == (201, 200)
    assert (await first.json()) == (await second.json())
    orders = (await (await api.get("/v1/stores/S2/orders")).json())["orders"]
    assert len(orders) == 1
    assert orders[0]["total"] == "5940.00"


async def test_concurrent_duplicate_creates_make_exactly_one_order(api: TestClient) -> None:
    lines = [{"sku": "X400", "quantity": 5}]
    responses = await asyncio.gather(*(place(api, "draft-2-v3", lines) for _ in range(20)))
    bodies = [await r.json() for r in responses]
    assert sorted(r.status for r in responses) == [200] * 19 + [201]
    assert len({b["order_id"] for b in bodies}) == 1
    item = await (await api.get("/v1/catalog/X400")).json()
    assert item["stock"] == 995


async def test_same_key_with_a_changed_body_is_refused_with_422(api: TestClient) -> None:
    await place(api, "draft-3-v1", [{"sku": "X100", "quantity": 1}])
    reused = await place(api, "draft-3-v1", [{"sku": "X100", "quantity": 9}])
    assert reused.status == 422
    assert (await reused.json())["error"]["code"] == "idempotency_key_reused"


async def test_each_kind_of_refused_line_has_its_own_code(api: TestClient) -> None:
    cases = {
        "out_of_stock": [{"sku": "X101", "quantity": 1}],
        "below_minimum": [{"sku": "X200", "quantity": 1}],
        "discontinued": [{"sku": "X300", "quantity": 1}],
        "unknown_sku": [{"sku": "NOPE", "quantity": 1}],
        "invalid_quantity": [{"sku": "X100", "quantity": 0}],
    }
    for n, (code, lines) in enumerate(cases.items()):
        response = await place(api, f"refused-{n:04d}", lines)
        error = (await response.json())["error"]
        assert (response.status, error["code"], error["lines"][0]["code"]) == (422, code, code)
    stock = await (await api.get("/v1/catalog/X101")).json()
    assert stock["stock"] == 0


async def test_refusal_lists_every_bad_line_with_what_is_available(api: TestClient) -> None:
    response = await place(api, "refused-many", [{"sku": "X101", "quantity": 2}, {"sku": "X200", "quantity": 1}])
    problems = (await response.json())["error"]["lines"]
    assert problems == [
        {"sku": "X101", "code": "out_of_stock", "available": 0},
        {"sku": "X200", "code": "below_minimum", "min_order_qty": 2},
    ]


async def test_orders_past_the_credit_limit_are_refused(api: TestClient) -> None:
    first = await place(api, "credit-0001", [{"sku": "X100", "quantity": 14}], store_id="S1")
    assert first.status == 422
    assert (await first.json())["error"]["code"] == "over_credit_limit"
    fits = await place(api, "credit-0002", [{"sku": "X100", "quantity": 13}], store_id="S1")
    assert fits.status == 201
    over = await place(api, "credit-0003", [{"sku": "X100", "quantity": 1}], store_id="S1")
    assert (await over.json())["error"]["code"] == "over_credit_limit"


async def test_server_computes_totals_from_catalog_prices(api: TestClient) -> None:
    order = await (
        await place(api, "totals-0001", [{"sku": "X100", "quantity": 3}, {"sku": "X400", "quantity": 2}])
    ).json()
    assert [(line["unit_price"], line["line_total"]) for line in order["lines"]] == [
        ("720.00", "2160.00"),
        ("300.00", "600.00"),
    ]
    assert order["total"] == "2760.00"
    assert order["status"] == "placed"


async def test_status_moves_along_the_lifecycle_with_timestamps(api: TestClient) -> None:
    order = await (await place(api, "life-0001", [{"sku": "X100", "quantity": 1}])).json()
    path = f"/v1/admin/orders/{order['order_id']}/status"
    for status in ("confirmed", "dispatched", "delivered"):
        moved = await api.post(path, json={"status": status})
        assert (await moved.json())["status"] == status
    final = await (await api.get(f"/v1/orders/{order['order_id']}")).json()
    assert [h["status"] for h in final["history"]] == ["placed", "confirmed", "dispatched", "delivered"]
    backwards = await api.post(path, json={"status": "placed"})
    assert (backwards.status, (await backwards.json())["error"]["code"]) == (409, "invalid_transition")


async def test_cancel_works_before_dispatch_only_and_returns_stock(api: TestClient) -> None:
    early = await (await place(api, "cancel-0001", [{"sku": "X100", "quantity": 4}])).json()
    cancelled = await api.post(f"/v1/orders/{early['order_id']}/cancel")
    assert (await cancelled.json())["status"] == "cancelled"
    assert (await (await api.get("/v1/catalog/X100")).json())["stock"] == 50

    late = await (await place(api, "cancel-0002", [{"sku": "X100", "quantity": 1}])).json()
    for status in ("confirmed", "dispatched"):
        await api.post(f"/v1/admin/orders/{late['order_id']}/status", json={"status": status})
    refused = await api.post(f"/v1/orders/{late['order_id']}/cancel")
    assert (refused.status, (await refused.json())["error"]["code"]) == (409, "not_cancellable")


async def test_store_orders_are_listed_newest_first(api: TestClient) -> None:
    ids = []
    for n in range(3):
        ids.append(
            (await (await place(api, f"newest-{n:04d}", [{"sku": "X400", "quantity": n + 1}])).json())["order_id"]
        )
    listed = (await (await api.get("/v1/stores/S2/orders", params={"limit": "2"})).json())["orders"]
    assert [o["order_id"] for o in listed] == ids[::-1][:2]


async def test_consent_changes_are_recorded_with_their_source(api: TestClient) -> None:
    stopped = await api.put("/v1/stores/S1/promo-consent", json={"opt_in": False, "source": "text"})
    assert (await stopped.json())["promo_opt_in"] is False
    history = (await (await api.get("/v1/stores/S1/promo-consent")).json())["changes"]
    assert [(c["opt_in"], c["source"]) for c in history] == [(True, "import"), (False, "text")]
    bad = await api.put("/v1/stores/S1/promo-consent", json={"opt_in": "no", "source": "text"})
    assert bad.status == 400


async def test_malformed_order_requests_get_a_clear_400(api: TestClient) -> None:
    no_key = await api.post("/v1/orders", json={"store_id": "S2", "lines": []})
    assert (no_key.status, (await no_key.json())["error"]["code"]) == (400, "invalid_request")
    not_json = await api.post("/v1/orders", data=b"{", headers={"Idempotency-Key": "garbage-0001"})
    assert not_json.status == 400
    bad_qty = await place(api, "garbage-0002", [{"sku": "X100", "quantity": "5"}])
    assert "quantity" in (await bad_qty.json())["error"]["message"]


async def cola_week(api: TestClient) -> ClientResponse:
    """A running offer of X100 at 650.00 for the stores of Moshi."""
    return await api.post(
        "/v1/admin/promotions",
        json={
            "title": "Cola week",
            "items": [{"sku": "X100", "offer_price": "650.00"}],
            "starts_at": "2020-01-01",
            "ends_at": "2999-01-01T00:00:00+03:00",
            "regions": ["Moshi"],
        },
    )


async def test_a_running_promotion_prices_orders_from_its_regions_only(api: TestClient) -> None:
    created = await cola_week(api)
    promo = await created.json()
    assert (created.status, promo["starts_at"]) == (201, "2020-01-01T00:00:00+00:00")
    moshi = await (await api.get("/v1/stores/S2/promotions")).json()
    arusha = await (await api.get("/v1/stores/S1/promotions")).json()
    assert ([p["title"] for p in moshi["promotions"]], arusha["promotions"]) == (["Cola week"], [])

    offer = await (await place(api, "promo-0001", [{"sku": "X100", "quantity": 2}], store_id="S2")).json()
    regular = await (await place(api, "promo-0002", [{"sku": "X100", "quantity": 2}], store_id="S1")).json()
    assert (offer["total"], regular["total"]) == ("1300.00", "1440.00")

    await api.post(f"/v1/admin/promotions/{promo['promo_id']}/end")
    after = await (await place(api, "promo-0003", [{"sku": "X100", "quantity": 2}], store_id="S2")).json()
    assert after["total"] == "1440.00"
    assert (await (await api.get(f"/v1/promotions/{promo['promo_id']}")).json())["ended"] is True


async def test_a_promotion_must_offer_a_lower_price_for_a_real_window(api: TestClient) -> None:
    base = {"title": "x", "starts_at": "2020-01-01", "ends_at": "2999-01-01", "regions": []}
    higher = await api.post("/v1/admin/promotions", json={**base, "items": [{"sku": "X100", "offer_price": "999.00"}]})
    backwards = await api.post(
        "/v1/admin/promotions",
        json={**base, "ends_at": "2019-01-01", "items": [{"sku": "X100", "offer_price": "1.00"}]},
    )
    unknown = await api.post("/v1/admin/promotions", json={**base, "items": [{"sku": "NOPE", "offer_price": "1.00"}]})
    assert (higher.status, backwards.status, unknown.status) == (400, 400, 404)
    assert (await (await api.get("/v1/promotions")).json()) == {"promotions": []}


async def test_an_alias_taught_to_the_catalog_is_kept_once_and_changes_its_version(api: TestClient) -> None:
    before = (await (await api.get("/v1/catalog")).json())["version"]
    taught = await (await api.post("/v1/admin/catalog/X400/aliases", json={"alias": "  taa  ndogo "})).json()
    again = await (await api.post("/v1/admin/catalog/X400/aliases", json={"alias": "TAA NDOGO"})).json()
    assert taught["aliases"] == again["aliases"] == ["mishumaa", "taa ndogo"]
    assert (await (await api.get("/v1/catalog")).json())["version"] != before
    bad = await api.post("/v1/admin/catalog/X400/aliases", json={"alias": "a|b"})
    missing = await api.post("/v1/admin/catalog/NOPE/aliases", json={"alias": "x"})
    assert (bad.status, missing.status) == (400, 404)


async def test_a_quote_prices_every_line_and_says_each_limit_without_placing_anything(api: TestClient) -> None:
    lines = [
        {"sku": "X100", "quantity": 2},
        {"sku": "X101", "quantity": 1},
        {"sku": "X200", "quantity": 1},
        {"sku": "X300", "quantity": 1},
        {"sku": "NOPE", "quantity": 1},
        {"sku": "X400", "quantity": 1001},
    ]
    response = await api.post("/v1/quotes", json={"store_id": "S2", "lines": lines})
    quote = await response.json()
    assert response.status == 200
    assert [(line["sku"], line["problem"] and line["problem"]["code"]) for line in quote["lines"]] == [
        ("X100", None),
        ("X101", "out_of_stock"),
        ("X200", "below_minimum"),
        ("X300", "discontinued"),
        ("NOPE", "unknown_sku"),
        ("X400", "out_of_stock"),
    ]
    assert quote["lines"][0] | {"problem": None} == {
        "sku": "X100",
        "quantity": 2,
        "unit_price": "720.00",
        "regular_price": "720.00",
        "line_total": "1440.00",
        "problem": None,
    }
    assert quote["lines"][2]["problem"]["min_order_qty"] == 2
    assert quote["lines"][5]["problem"]["available"] == 1000
    assert quote["lines"][4]["unit_price"] is None
    assert (quote["total"], quote["currency"], quote["placeable"]) == ("1440.00", "TZS", False)
    assert (await (await api.get("/v1/stores/S2/orders")).json()) == {"orders": []}
    catalog = await (await api.get("/v1/catalog/X100")).json()
    assert catalog["stock"] == 50


async def test_a_quote_says_the_credit_available_as_orders_use_it(api: TestClient) -> None:
    over = await (
        await api.post("/v1/quotes", json={"store_id": "S1", "lines": [{"sku": "X100", "quantity": 14}]})
    ).json()
    assert (over["total"], over["credit"], over["over_credit_limit"], over["placeable"]) == (
        "10080.00",
        {"limit": "10000.00", "available": "10000.00"},
        True,
        False,
    )
    await place(api, "quote-credit-0001", [{"sku": "X100", "quantity": 13}], store_id="S1")
    fits = await (
        await api.post("/v1/quotes", json={"store_id": "S1", "lines": [{"sku": "X400", "quantity": 2}]})
    ).json()
    assert (fits["credit"]["available"], fits["over_credit_limit"], fits["placeable"]) == ("640.00", False, True)


async def test_a_quote_is_at_the_price_the_store_pays_while_an_offer_runs(api: TestClient) -> None:
    await cola_week(api)
    body = {"lines": [{"sku": "X100", "quantity": 2}]}
    moshi = await (await api.post("/v1/quotes", json={"store_id": "S2", **body})).json()
    arusha = await (await api.post("/v1/quotes", json={"store_id": "S1", **body})).json()
    assert (moshi["lines"][0]["unit_price"], moshi["lines"][0]["regular_price"], moshi["total"]) == (
        "650.00",
        "720.00",
        "1300.00",
    )
    assert (arusha["lines"][0]["unit_price"], arusha["total"]) == ("720.00", "1440.00")
    placed = await (await place(api, "quote-offer-0001", body["lines"], store_id="S2")).json()
    assert placed["total"] == moshi["total"]


async def test_an_offer_says_the_price_its_stores_pay_as_a_quote_does(api: TestClient, db_path: Path) -> None:
    promo = await (await cola_week(api)).json()
    assert promo["items"] == [{"sku": "X100", "offer_price": "650.00", "unit_price": "650.00"}]
    db = PlatformDatabase(db_path)
    db.import_catalog([replace(db.catalog_item("X100"), price=Decimal("600.00"))])
    db.close()
    cheaper = await (await api.get(f"/v1/promotions/{promo['promo_id']}")).json()
    quote = await (
        await api.post("/v1/quotes", json={"store_id": "S2", "lines": [{"sku": "X100", "quantity": 1}]})
    ).json()
    assert cheaper["items"][0]["unit_price"] == quote["lines"][0]["unit_price"] == "600.00"


async def test_malformed_quote_requests_get_a_clear_answer(api: TestClient) -> None:
    empty = await api.post("/v1/quotes", json={"store_id": "S2", "lines": []})
    twice = await api.post("/v1/quotes", json={"store_id": "S2", "lines": [{"sku": "X100", "quantity": 1}] * 2})
    nobody = await api.post("/v1/quotes", json={"store_id": "NOPE", "lines": [{"sku": "X100", "quantity": 1}]})
    assert (empty.status, twice.status, nobody.status) == (400, 400, 404)
    assert (await nobody.json())["error"]["code"] == "store_not_found"
