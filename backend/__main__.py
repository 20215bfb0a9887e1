"""`python -m backend serve | import-catalog FILE | import-stores FILE | order-status ID STATUS`."""

from __future__ import annotations

import argparse
import os
import sys

from aiohttp import web

from backend.app import BackendSettings, create_app
from backend.catalog import read_catalog_csv
from backend.csv_import import ImportRejected
from backend.database import PlatformDatabase
from backend.devenv import command_environment
from backend.errors import PlatformError
from backend.logs import configure_logging
from backend.stores_csv import read_stores_csv


def main(argv: list[str] | None = None) -> int:
    """Run one platform command; the exit code says whether it worked."""
    parser = argparse.ArgumentParser(prog="python -m backend", description="The reference wholesale platform.")
    parser.add_argument("--db", help="SQLite file (env BACKEND_DB, default var/platform.sqlite3)")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the HTTP API")
    serve.add_argument("--host", help="address to bind (env BACKEND_HOST, default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (env BACKEND_PORT, default 8090)")
    commands.add_parser("import-catalog", help="import or update the catalog from a CSV").add_argument("file")
    commands.add_parser("import-stores", help="import or update stores from a CSV").add_argument("file")
    move = commands.add_parser("order-status", help="move an order along its lifecycle")
    move.add_argument("order_id")
    move.add_argument("status", choices=["confirmed", "dispatched", "delivered", "cancelled"])
    args = parser.parse_args(argv)

    env = command_environment(os.environ)
    configure_logging(env.get("LOG_LEVEL", "INFO"))
    settings = BackendSettings.from_env(
        env, db_path=args.db, host=getattr(args, "host", None), port=getattr(args, "port", None)
    )
    if args.command == "serve":
        settings.require_api_key()
        web.run_app(create_app(settings), host=settings.host, port=settings.port, access_log=None, print=None)
        return 0

    db = PlatformDatabase(settings.db_path, settings.delivery_days)
    try:
        if args.command == "import-catalog":
            count = db.import_catalog(read_catalog_csv(args.file))
            print(f"imported {count} catalog items (catalog version {db.catalog_version()})")
        elif args.command == "import-stores":
            count = db.import_stores(read_stores_csv(args.file, settings.default_region))
            print(f"imported {count} stores")
        else:
            order = db.move_order(args.order_id, args.status)
            print(f"order {order.order_id} is now {order.status}")
    except ImportRejected as exc:
        print(f"{args.file}: {exc}; nothing was changed", file=sys.stderr)
        return 1
    except (PlatformError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
