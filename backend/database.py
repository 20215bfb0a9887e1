"""The reference platform's data on SQLite: catalog, stores, consent and orders.

Every method is one short transaction. The service calls them straight from its handlers: each
runs to completion without yielding to the event loop, and `BEGIN IMMEDIATE` serialises writers
across processes, so an idempotency-key check and the insert it guards can never interleave.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Iterator, Sequence

from backend.catalog import CatalogItem
from backend.errors import Conflict, IdempotencyKeyReused, InvalidRequest, NotFound, OrderRejected
from backend.models import (
    ORDER_TRANSITIONS,
    AudienceQuery,
    AudienceStore,
    ConsentChange,
    LineProblem,
    Order,
    OrderLine,
    Promotion,
    PromotionItem,
    Quote,
    QuoteLine,
    StatusChange,
    Store,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS catalog_items (
    sku TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    brand TEXT NOT NULL,
    category TEXT NOT NULL,
    size TEXT NOT NULL,
    sell_unit TEXT NOT NULL,
    units_per_pack INTEGER NOT NULL,
    price_cents INTEGER NOT NULL,
    currency TEXT NOT NULL,
    aliases TEXT NOT NULL,
    stock INTEGER NOT NULL,
    min_order_qty INTEGER NOT NULL,
    active INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stores (
    store_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    region TEXT NOT NULL,
    language TEXT NOT NULL,
    timezone TEXT NOT NULL,
    credit_limit_cents INTEGER NOT NULL,
    promo_opt_in INTEGER NOT NULL,
    store_type TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS store_phones (
    phone TEXT NOT NULL,
    store_id TEXT NOT NULL REFERENCES stores(store_id),
    PRIMARY KEY (phone, store_id)
);
CREATE TABLE IF NOT EXISTS consent_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    store_id TEXT NOT NULL REFERENCES stores(store_id),
    opt_in INTEGER NOT NULL,
    source TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
    order_id INTEGER PRIMARY KEY AUTOINCREMENT,
    store_id TEXT NOT NULL REFERENCES stores(store_id),
    status TEXT NOT NULL,
    total_cents INTEGER NOT NULL,
    currency TEXT NOT NULL,
    created_at TEXT NOT NULL,
    estimated_delivery TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    request_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_by_store ON orders(store_id, order_id);
CREATE INDEX IF NOT EXISTS orders_by_store_time ON orders(store_id, created_at);
CREATE INDEX IF NOT EXISTS stores_promo ON stores(promo_opt_in, store_id);
CREATE INDEX IF NOT EXISTS store_phones_by_store ON store_phones(store_id, phone);
CREATE TABLE IF NOT EXISTS order_lines (
    order_id INTEGER NOT NULL REFERENCES orders(order_id),
    line_no INTEGER NOT NULL,
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    sell_unit TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_price_cents INTEGER NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
CREATE TABLE IF NOT EXISTS order_history (
    order_id INTEGER NOT NULL REFERENCES orders(order_id),
    status TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS promotions (
    promo_id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    regions TEXT NOT NULL,
    ended INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS promotion_items (
    promo_id INTEGER NOT NULL REFERENCES promotions(promo_id),
    sku TEXT NOT NULL REFERENCES catalog_items(sku),
    offer_price_cents INTEGER NOT NULL,
    PRIMARY KEY (promo_id, sku)
);
INSERT OR IGNORE INTO sqlite_sequence (name, seq) VALUES ('orders', 10000);
"""

# Orders not yet delivered or cancelled count against a store's credit limit.
OPEN_STATUSES = ("placed", "confirmed", "dispatched")
MAX_LINE_QUANTITY = 100_000


@dataclass(frozen=True)
class RequestedLine:
    """One line of an order request: a SKU and how many sell units."""

    sku: str
    quantity: int


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def _amount(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def request_fingerprint(store_id: str, lines: Sequence[RequestedLine]) -> str:
    """A stable hash of an order request, to tell a retry from a different order under one key."""
    body = json.dumps([store_id, [[line.sku, line.quantity] for line in lines]], separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()


class PlatformDatabase:
    """The platform's records in one SQLite file."""

    def __init__(self, path: str | Path, delivery_days: int = 1) -> None:
        self.path = str(path)
        self.delivery_days = delivery_days
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.executescript(SCHEMA)

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _bump_catalog_version(self, conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('catalog_version', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    # Catalog

    def import_catalog(self, items: Sequence[CatalogItem]) -> int:
        """Insert or update every item (price, stock, active state and the rest); return the count."""
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO catalog_items (sku, name, brand, category, size, sell_unit, units_per_pack,"
                " price_cents, currency, aliases, stock, min_order_qty, active)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(sku) DO UPDATE SET name=excluded.name, brand=excluded.brand,"
                " category=excluded.category, size=excluded.size, sell_unit=excluded.sell_unit,"
                " units_per_pack=excluded.units_per_pack, price_cents=excluded.price_cents,"
                " currency=excluded.currency, aliases=excluded.aliases, stock=excluded.stock,"
                " min_order_qty=excluded.min_order_qty, active=excluded.active",
                [
                    (
                        i.sku,
                        i.name,
                        i.brand,
                        i.category,
                        i.size,
                        i.sell_unit,
                        i.units_per_pack,
                        _cents(i.price),
                        i.currency,
                        "|".join(i.aliases),
                        i.stock,
                        i.min_order_qty,
                        int(i.active),
                    )
                    for i in items
                ],
            )
            self._bump_catalog_version(conn)
        return len(items)

    def catalog_version(self) -> str:
        """Changes whenever anything in the catalog does (import, stock moved by an order)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'catalog_version'").fetchone()
        return str(row["value"]) if row else "0"

    @staticmethod
    def _item(row: sqlite3.Row) -> CatalogItem:
        return CatalogItem(
            sku=row["sku"],
            name=row["name"],
            brand=row["brand"],
            category=row["category"],
            size=row["size"],
            sell_unit=row["sell_unit"],
            units_per_pack=row["units_per_pack"],
            price=_amount(row["price_cents"]),
            currency=row["currency"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
            stock=row["stock"],
            min_order_qty=row["min_order_qty"],
            active=bool(row["active"]),
        )

    def catalog(self) -> list[CatalogItem]:
        """Every SKU, active or not, in SKU order."""
        return [self._item(r) for r in self._conn.execute("SELECT * FROM catalog_items ORDER BY sku")]

    def catalog_item(self, sku: str) -> CatalogItem:
        """One SKU."""
        row = self._conn.execute("SELECT * FROM catalog_items WHERE sku = ?", (sku,)).fetchone()
        if row is None:
            raise NotFound(f"no SKU {sku}", "sku_not_found")
        return self._item(row)

    def add_alias(self, sku: str, alias: str) -> CatalogItem:
        """Teach the catalog another name for a SKU (kept once, whatever its case)."""
        alias = " ".join(alias.split())
        if not alias or "|" in alias or len(alias) > 100:
            raise InvalidRequest("an alias is 1 to 100 characters, without '|'")
        with self._write() as conn:
            item = self.catalog_item(sku)
            if alias.lower() not in {a.lower() for a in item.aliases}:
                conn.execute(
                    "UPDATE catalog_items SET aliases = ? WHERE sku = ?", ("|".join((*item.aliases, alias)), sku)
                )
                self._bump_catalog_version(conn)
        return self.catalog_item(sku)

    # Stores

    def import_stores(self, stores: Sequence[Store]) -> int:
        """Insert or update stores and their phones; an import never overrides consent a store gave itself."""
        now = _now()
        with self._write() as conn:
            for store in stores:
                existing = conn.execute(
                    "SELECT promo_opt_in FROM stores WHERE store_id = ?", (store.store_id,)
                ).fetchone()
                conn.execute(
                    "INSERT INTO stores (store_id, name, region, language, timezone, credit_limit_cents,"
                    " promo_opt_in, store_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT(store_id) DO UPDATE SET name=excluded.name, region=excluded.region,"
                    " language=excluded.language, timezone=excluded.timezone,"
                    " credit_limit_cents=excluded.credit_limit_cents, store_type=excluded.store_type",
                    (
                        store.store_id,
                        store.name,
                        store.region,
                        store.language,
                        store.timezone,
                        _cents(store.credit_limit),
                        int(store.promo_opt_in),
                        store.store_type,
                    ),
                )
                if existing is None:
                    self._record_consent(conn, store.store_id, store.promo_opt_in, "import", now)
                elif (
                    bool(existing["promo_opt_in"]) != store.promo_opt_in
                    and self._last_consent_source(conn, store.store_id) == "import"
                ):
                    self._set_consent(conn, store.store_id, store.promo_opt_in, "import", now)
                conn.execute("DELETE FROM store_phones WHERE store_id = ?", (store.store_id,))
                conn.executemany(
                    "INSERT INTO store_phones (phone, store_id) VALUES (?, ?)",
                    [(phone, store.store_id) for phone in store.phones],
                )
        return len(stores)

    @staticmethod
    def _last_consent_source(conn: sqlite3.Connection, store_id: str) -> str | None:
        row = conn.execute(
            "SELECT source FROM consent_changes WHERE store_id = ? ORDER BY id DESC LIMIT 1", (store_id,)
        ).fetchone()
        return row["source"] if row else None

    @staticmethod
    def _record_consent(conn: sqlite3.Connection, store_id: str, opt_in: bool, source: str, at: str) -> None:
        conn.execute(
            "INSERT INTO consent_changes (store_id, opt_in, source, at) VALUES (?, ?, ?, ?)",
            (store_id, int(opt_in), source, at),
        )

    def _set_consent(self, conn: sqlite3.Connection, store_id: str, opt_in: bool, source: str, at: str) -> None:
        conn.execute("UPDATE stores SET promo_opt_in = ? WHERE store_id = ?", (int(opt_in), store_id))
        self._record_consent(conn, store_id, opt_in, source, at)

    def _store(self, row: sqlite3.Row) -> Store:
        phones = tuple(
            r["phone"]
            for r in self._conn.execute(
                "SELECT phone FROM store_phones WHERE store_id = ? ORDER BY phone", (row["store_id"],)
            )
        )
        return Store(
            store_id=row["store_id"],
            name=row["name"],
            phones=phones,
            region=row["region"],
            language=row["language"],
            timezone=row["timezone"],
            credit_limit=_amount(row["credit_limit_cents"]),
            promo_opt_in=bool(row["promo_opt_in"]),
            store_type=row["store_type"],
        )

    def store(self, store_id: str) -> Store:
        """One store."""
        row = self._conn.execute("SELECT * FROM stores WHERE store_id = ?", (store_id,)).fetchone()
        if row is None:
            raise NotFound(f"no store {store_id}", "store_not_found")
        return self._store(row)

    def stores_by_phone(self, phone: str) -> list[Store]:
        """Every store a phone number (E.164) orders for."""
        rows = self._conn.execute(
            "SELECT s.* FROM stores s JOIN store_phones p ON p.store_id = s.store_id"
            " WHERE p.phone = ? ORDER BY s.store_id",
            (phone,),
        )
        return [self._store(r) for r in rows]

    def set_promo_consent(self, store_id: str, opt_in: bool, source: str) -> Store:
        """Opt a store in or out of promotions, recording when and through what."""
        with self._write() as conn:
            self.store(store_id)
            self._set_consent(conn, store_id, opt_in, source, _now())
        return self.store(store_id)

    def consent_history(self, store_id: str) -> list[dict[str, object]]:
        """Every consent change of a store, oldest first."""
        self.store(store_id)
        return [
            {"opt_in": bool(r["opt_in"]), "source": r["source"], "at": r["at"]}
            for r in self._conn.execute(
                "SELECT opt_in, source, at FROM consent_changes WHERE store_id = ? ORDER BY id", (store_id,)
            )
        ]

    def consent_changes(self, after: int, limit: int) -> list[ConsentChange]:
        """Up to `limit` consent changes of every store recorded after change `after`, oldest first."""
        # Writers are serialised, so ids commit in order: paging by id never skips a change committed late.
        rows = self._conn.execute(
            "SELECT id, store_id, opt_in, source, at FROM consent_changes WHERE id > ? ORDER BY id LIMIT ?",
            (after, limit),
        )
        return [ConsentChange(r["id"], r["store_id"], bool(r["opt_in"]), r["source"], r["at"]) for r in rows]

    def promo_audience(self, query: AudienceQuery) -> list[AudienceStore]:
        """One page of the stores opted in to promotions that match a campaign's audience, by store id."""
        where = ["s.promo_opt_in = 1", "s.store_id > ?"]
        args: list[object] = [query.after]
        for column, values in (
            ("region", query.regions),
            ("language", query.languages),
            ("store_type", query.store_types),
        ):
            if values:
                where.append(f"s.{column} IN ({', '.join('?' * len(values))})")
                args.extend(values)
        if query.bought_category:
            where.append(
                "EXISTS (SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.order_id"
                " JOIN catalog_items c ON c.sku = l.sku WHERE o.store_id = s.store_id AND o.status != 'cancelled'"
                " AND c.category = ? AND o.created_at >= ?)"
            )
            args += [query.bought_category, _days_ago(query.bought_within_days)]
        if query.idle_days:
            where.append("NOT EXISTS (SELECT 1 FROM orders o WHERE o.store_id = s.store_id AND o.created_at >= ?)")
            args.append(_days_ago(query.idle_days))
        rows = self._conn.execute(
            "SELECT s.store_id, s.name, s.region, s.language, s.timezone, s.store_type,"
            " (SELECT group_concat(p.phone, '|') FROM (SELECT phone FROM store_phones WHERE store_id = s.store_id"
            " ORDER BY phone) p) AS phones"
            f" FROM stores s WHERE {' AND '.join(where)} ORDER BY s.store_id LIMIT ?",
            (*args, query.limit),
        ).fetchall()
        return [
            AudienceStore(
                r["store_id"],
                r["name"],
                tuple(p for p in (r["phones"] or "").split("|") if p),
                r["region"],
                r["language"],
                r["timezone"],
                r["store_type"],
            )
            for r in rows
        ]

    # Orders

    def _order(self, row: sqlite3.Row) -> Order:
        lines = tuple(
            OrderLine(
                sku=r["sku"],
                name=r["name"],
                sell_unit=r["sell_unit"],
                quantity=r["quantity"],
                unit_price=_amount(r["unit_price_cents"]),
                line_total=_amount(r["unit_price_cents"] * r["quantity"]),
            )
            for r in self._conn.execute(
                "SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no", (row["order_id"],)
            )
        )
        history = tuple(
            StatusChange(r["status"], r["at"])
            for r in self._conn.execute(
                "SELECT status, at FROM order_history WHERE order_id = ? ORDER BY rowid", (row["order_id"],)
            )
        )
        return Order(
            order_id=str(row["order_id"]),
            store_id=row["store_id"],
            status=row["status"],
            lines=lines,
            total=_amount(row["total_cents"]),
            currency=row["currency"],
            created_at=row["created_at"],
            estimated_delivery=row["estimated_delivery"],
            history=history,
        )

    def order(self, order_id: str) -> Order:
        """One order by its number."""
        row = None
        if order_id.isdigit():
            row = self._conn.execute("SELECT * FROM orders WHERE order_id = ?", (int(order_id),)).fetchone()
        if row is None:
            raise NotFound(f"no order {order_id}", "order_not_found")
        return self._order(row)

    def store_orders(self, store_id: str, limit: int = 20) -> list[Order]:
        """A store's orders, newest first."""
        self.store(store_id)
        rows = self._conn.execute(
            "SELECT * FROM orders WHERE store_id = ? ORDER BY order_id DESC LIMIT ?", (store_id, limit)
        ).fetchall()
        return [self._order(r) for r in rows]

    def create_order(self, store_id: str, lines: Sequence[RequestedLine], idempotency_key: str) -> tuple[Order, bool]:
        """Place an order once per idempotency key; return it and whether this call created it."""
        fingerprint = request_fingerprint(store_id, lines)
        with self._write() as conn:
            existing = conn.execute("SELECT * FROM orders WHERE idempotency_key = ?", (idempotency_key,)).fetchone()
            if existing is not None:
                if existing["request_hash"] != fingerprint:
                    raise IdempotencyKeyReused("this Idempotency-Key was used for a different order")
                return self._order(existing), False
            store_row = conn.execute("SELECT * FROM stores WHERE store_id = ?", (store_id,)).fetchone()
            if store_row is None:
                raise NotFound(f"no store {store_id}", "store_not_found")
            priced = self._check_lines(conn, lines)
            prices = self._store_prices(conn, store_row, [item for _, item in priced])
            total_cents = sum(prices[line.sku] * line.quantity for line, _ in priced)
            self._check_credit(conn, store_row, total_cents)
            now = _now()
            delivery = (date.today() + timedelta(days=self.delivery_days)).isoformat()
            cursor = conn.execute(
                "INSERT INTO orders (store_id, status, total_cents, currency, created_at, estimated_delivery,"
                " idempotency_key, request_hash) VALUES (?, 'placed', ?, ?, ?, ?, ?, ?)",
                (store_id, total_cents, priced[0][1]["currency"], now, delivery, idempotency_key, fingerprint),
            )
            order_id = cursor.lastrowid
            conn.executemany(
                "INSERT INTO order_lines (order_id, line_no, sku, name, sell_unit, quantity, unit_price_cents)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (order_id, n, line.sku, item["name"], item["sell_unit"], line.quantity, prices[line.sku])
                    for n, (line, item) in enumerate(priced, start=1)
                ],
            )
            conn.executemany(
                "UPDATE catalog_items SET stock = stock - ? WHERE sku = ?",
                [(line.quantity, line.sku) for line, _ in priced],
            )
            conn.execute("INSERT INTO order_history (order_id, status, at) VALUES (?, 'placed', ?)", (order_id, now))
            self._bump_catalog_version(conn)
            row = conn.execute("SELECT * FROM orders WHERE order_id = ?", (order_id,)).fetchone()
            return self._order(row), True

    @staticmethod
    def _check_lines(
        conn: sqlite3.Connection, lines: Sequence[RequestedLine]
    ) -> list[tuple[RequestedLine, sqlite3.Row]]:
        if not lines:
            raise OrderRejected("an order needs at least one line", "empty_order")
        if len({line.sku for line in lines}) != len(lines):
            raise OrderRejected("each SKU may appear on one line only", "duplicate_sku")
        priced: list[tuple[RequestedLine, sqlite3.Row]] = []
        problems: list[LineProblem] = []
        for line in lines:
            item = _catalog_row(conn, line.sku)
            problem = _line_problem(line, item)
            if problem is not None:
                problems.append(problem)
            elif item is not None:
                priced.append((line, item))
        if problems:
            raise OrderRejected("some lines cannot be ordered as they stand", problems[0].code, problems)
        return priced

    @staticmethod
    def _credit_available(conn: sqlite3.Connection, store_row: sqlite3.Row) -> int:
        """The store's credit limit less its open orders, in cents (never below zero)."""
        open_cents = conn.execute(
            f"SELECT COALESCE(SUM(total_cents), 0) FROM orders WHERE store_id = ?"
            f" AND status IN ({','.join('?' * len(OPEN_STATUSES))})",
            (store_row["store_id"], *OPEN_STATUSES),
        ).fetchone()[0]
        return max(int(store_row["credit_limit_cents"]) - int(open_cents), 0)

    def _check_credit(self, conn: sqlite3.Connection, store_row: sqlite3.Row, total_cents: int) -> None:
        available = self._credit_available(conn, store_row)
        if total_cents > available:
            raise OrderRejected(
                f"this order is over the store's credit limit; {_amount(available)} is available",
                "over_credit_limit",
            )

    def _store_prices(
        self, conn: sqlite3.Connection, store_row: sqlite3.Row, items: Sequence[sqlite3.Row]
    ) -> dict[str, int]:
        """The price in cents the store pays for each item now, under the offers running for its region."""
        offers = self._offer_prices(conn, store_row["region"], _now())
        return {item["sku"]: _price_paid(item["price_cents"], offers.get(item["sku"])) for item in items}

    def quote(self, store_id: str, lines: Sequence[RequestedLine]) -> Quote:
        """Price the lines for a store as an order placed now would be, with every limit it breaks; place nothing."""
        if not lines:
            raise InvalidRequest("a quote needs at least one line")
        if len({line.sku for line in lines}) != len(lines):
            raise InvalidRequest("each SKU may appear on one line only")
        store_row = self._conn.execute("SELECT * FROM stores WHERE store_id = ?", (store_id,)).fetchone()
        if store_row is None:
            raise NotFound(f"no store {store_id}", "store_not_found")
        items = {line.sku: _catalog_row(self._conn, line.sku) for line in lines}
        prices = self._store_prices(self._conn, store_row, [item for item in items.values() if item is not None])
        quoted = []
        for line in lines:
            item = items[line.sku]
            problem = _line_problem(line, item)
            unit = prices.get(line.sku)
            total = unit * line.quantity if unit is not None and problem is None else 0
            quoted.append(
                QuoteLine(
                    line.sku,
                    line.quantity,
                    None if unit is None else _amount(unit),
                    None if item is None else _amount(item["price_cents"]),
                    _amount(total),
                    problem,
                )
            )
        currency = next((item["currency"] for item in items.values() if item is not None), "")
        return Quote(
            store_id,
            currency,
            tuple(quoted),
            sum((line.line_total for line in quoted), Decimal(0)),
            _amount(store_row["credit_limit_cents"]),
            _amount(self._credit_available(self._conn, store_row)),
        )

    def cancel_order(self, order_id: str) -> Order:
        """Cancel an order that has not been dispatched; its stock goes back on the shelf."""
        return self.move_order(order_id, "cancelled")

    def move_order(self, order_id: str, status: str) -> Order:
        """Move an order along its lifecycle, refusing a move the lifecycle does not allow."""
        if status not in ORDER_TRANSITIONS:
            raise Conflict(f"unknown status {status}", "invalid_status")
        with self._write() as conn:
            current = self.order(order_id)
            if status not in ORDER_TRANSITIONS[current.status]:
                if status == "cancelled":
                    raise Conflict(f"order {order_id} is already {current.status}", "not_cancellable")
                raise Conflict(f"order {order_id} cannot go from {current.status} to {status}", "invalid_transition")
            now = _now()
            conn.execute("UPDATE orders SET status = ? WHERE order_id = ?", (status, int(order_id)))
            conn.execute(
                "INSERT INTO order_history (order_id, status, at) VALUES (?, ?, ?)", (int(order_id), status, now)
            )
            if status == "cancelled":
                conn.executemany(
                    "UPDATE catalog_items SET stock = stock + ? WHERE sku = ?",
                    [(line.quantity, line.sku) for line in current.lines],
                )
                self._bump_catalog_version(conn)
        return self.order(order_id)

    # Promotions

    def create_promotion(
        self, title: str, items: Sequence[PromotionItem], starts_at: str, ends_at: str, regions: Sequence[str]
    ) -> Promotion:
        """Create an offer; each SKU must exist and be offered below its catalog price."""
        start, end = _utc(starts_at, "starts_at"), _utc(ends_at, "ends_at")
        if end <= start:
            raise InvalidRequest("ends_at must be after starts_at")
        if not items or len({i.sku for i in items}) != len(items):
            raise InvalidRequest("a promotion needs at least one item, each SKU once")
        with self._write() as conn:
            for item in items:
                row = conn.execute("SELECT price_cents FROM catalog_items WHERE sku = ?", (item.sku,)).fetchone()
                if row is None:
                    raise NotFound(f"no SKU {item.sku}", "sku_not_found")
                if not 0 < _cents(item.offer_price) < row["price_cents"]:
                    raise InvalidRequest(f"the offer price of {item.sku} must be above 0 and below its catalog price")
            cursor = conn.execute(
                "INSERT INTO promotions (title, starts_at, ends_at, regions) VALUES (?, ?, ?, ?)",
                (title, start, end, "|".join(regions)),
            )
            conn.executemany(
                "INSERT INTO promotion_items (promo_id, sku, offer_price_cents) VALUES (?, ?, ?)",
                [(cursor.lastrowid, item.sku, _cents(item.offer_price)) for item in items],
            )
        return self.promotion(str(cursor.lastrowid))

    def _promotion(self, row: sqlite3.Row) -> Promotion:
        items = tuple(
            PromotionItem(
                r["sku"],
                _amount(r["offer_price_cents"]),
                _amount(_price_paid(r["price_cents"], r["offer_price_cents"])),
            )
            for r in self._conn.execute(
                "SELECT p.sku, p.offer_price_cents, c.price_cents FROM promotion_items p"
                " JOIN catalog_items c ON c.sku = p.sku WHERE p.promo_id = ? ORDER BY p.sku",
                (row["promo_id"],),
            )
        )
        return Promotion(
            promo_id=str(row["promo_id"]),
            title=row["title"],
            items=items,
            starts_at=row["starts_at"],
            ends_at=row["ends_at"],
            regions=tuple(r for r in row["regions"].split("|") if r),
            ended=bool(row["ended"]),
        )

    def promotion(self, promo_id: str) -> Promotion:
        """One promotion."""
        row = None
        if promo_id.isdigit():
            row = self._conn.execute("SELECT * FROM promotions WHERE promo_id = ?", (int(promo_id),)).fetchone()
        if row is None:
            raise NotFound(f"no promotion {promo_id}", "promotion_not_found")
        return self._promotion(row)

    def promotions(self) -> list[Promotion]:
        """Every promotion, newest first."""
        return [self._promotion(r) for r in self._conn.execute("SELECT * FROM promotions ORDER BY promo_id DESC")]

    def store_promotions(self, store_id: str) -> list[Promotion]:
        """The offers running now for a store's region."""
        region = self.store(store_id).region
        return [self._promotion(r) for r in self._running_promotions(self._conn, region, _now())]

    def end_promotion(self, promo_id: str) -> Promotion:
        """Stop honouring an offer from now on."""
        self.promotion(promo_id)
        with self._write() as conn:
            conn.execute("UPDATE promotions SET ended = 1 WHERE promo_id = ?", (int(promo_id),))
        return self.promotion(promo_id)

    @staticmethod
    def _running_promotions(conn: sqlite3.Connection, region: str, now: str) -> list[sqlite3.Row]:
        rows = conn.execute(
            "SELECT * FROM promotions WHERE ended = 0 AND starts_at <= ? AND ends_at > ? ORDER BY promo_id DESC",
            (now, now),
        ).fetchall()
        return [r for r in rows if not r["regions"] or region in r["regions"].split("|")]

    def _offer_prices(self, conn: sqlite3.Connection, region: str, now: str) -> dict[str, int]:
        """The lowest running offer price of each SKU for a region."""
        prices: dict[str, int] = {}
        for promo in self._running_promotions(conn, region, now):
            for r in conn.execute(
                "SELECT sku, offer_price_cents FROM promotion_items WHERE promo_id = ?", (promo["promo_id"],)
            ):
                prices[r["sku"]] = min(prices.get(r["sku"], r["offer_price_cents"]), r["offer_price_cents"])
        return prices


def _catalog_row(conn: sqlite3.Connection, sku: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM catalog_items WHERE sku = ?", (sku,)).fetchone()
    return row


def _price_paid(catalog_cents: int, offer_cents: int | None) -> int:
    """The price in cents a store pays for an item: its catalog price, or the offer it gets when that is lower."""
    return catalog_cents if offer_cents is None else min(catalog_cents, offer_cents)


def _line_problem(line: RequestedLine, item: sqlite3.Row | None) -> LineProblem | None:
    """Why the platform would refuse this line (quantity, SKU, active, stock, minimum), or None."""
    if not 1 <= line.quantity <= MAX_LINE_QUANTITY:
        return LineProblem(line.sku, "invalid_quantity")
    if item is None:
        return LineProblem(line.sku, "unknown_sku")
    if not item["active"]:
        return LineProblem(line.sku, "discontinued")
    if item["stock"] < line.quantity:
        return LineProblem(line.sku, "out_of_stock", available=item["stock"])
    if line.quantity < item["min_order_qty"]:
        return LineProblem(line.sku, "below_minimum", min_order_qty=item["min_order_qty"])
    return None


def _days_ago(days: int) -> str:
    return (datetime.now(timezone.utc) - timedelta(days=days)).replace(microsecond=0).isoformat()


def _utc(value: str, name: str) -> str:
    """An ISO 8601 instant as a sortable UTC string; a bare date means its midnight UTC."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise InvalidRequest(f"{name} must be an ISO 8601 date or time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()
