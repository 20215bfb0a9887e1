"""The settings `make run` chose for this checkout, so that operator commands beside it find the system.

`make run` fills in local defaults and development secrets for whatever the environment leaves unset,
and writes everything it chose to `var/run.env` (mode 600). Every command (`python -m bot ...`,
`python -m backend ...`) reads that file for what its own environment leaves unset. In production
(`GATEWAY_MODE=production` in the environment) only the environment counts.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Mapping
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
SECRETS = ("BACKEND_API_KEY", "RASA_TOKEN", "CONSOLE_ADMIN_PASSWORD")
# The names of this system's settings (README, "Configuration"): what `make run` was given is kept too,
# so that a command writes to the same partitions, key prefix and platform as the running processes.
SETTING_PREFIXES = (
    "ACTION",
    "BACKEND_",
    "CONSOLE_",
    "DEFAULT_REGION",
    "DELIVERY_DAYS",
    "GATEWAY_",
    "LEASE_",
    "LOG_LEVEL",
    "MENU_",
    "OUTBOX_",
    "PROMO_",
    "PUBLIC_BASE_URL",
    "RASA_",
    "RATE_",
    "REDIS_",
    "RETRY_",
    "SEND_",
    "SIMULATOR_",
    "SMS_",
    "TRACKER_",
    "TWILIO_",
    "VAR_DIR",
    "WECHAT_",
    "WHATSAPP_",
)


def var_dir(env: Mapping[str, str]) -> Path:
    """Where `make run` keeps its files: Redis data, the platform database, `run.env`."""
    return Path(env.get("VAR_DIR") or ROOT / "var").resolve()


def run_env_file(env: Mapping[str, str]) -> Path:
    """The settings of the last `make run` in this checkout."""
    return var_dir(env) / "run.env"


def read_env_file(path: Path) -> dict[str, str]:
    """`NAME=value` lines; an absent file is empty."""
    if not path.exists():
        return {}
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)


def local_settings(env: Mapping[str, str]) -> dict[str, str]:
    """What `make run` runs this checkout with: the settings given, local defaults, secrets kept from before."""
    kept = read_env_file(run_env_file(env))
    chosen = {name: value for name, value in env.items() if name.startswith(SETTING_PREFIXES)}

    def default(name: str, value: str) -> str:
        chosen[name] = env.get(name) or value
        return chosen[name]

    var = var_dir(env)
    chosen["VAR_DIR"] = str(var)
    redis_url = default("REDIS_URL", "redis://127.0.0.1:6380/0")
    backend_port = default("BACKEND_PORT", "8090")
    default("BACKEND_URL", f"http://127.0.0.1:{backend_port}")
    default("BACKEND_DB", str(var / "platform.sqlite3"))
    for name in SECRETS:
        default(name, kept.get(name) or secrets.token_urlsafe(24))
    default("CONSOLE_ADMIN_USER", "admin")
    actions_port = default("ACTIONS_PORT", "5055")
    default("ACTION_SERVER_URL", f"http://127.0.0.1:{actions_port}/webhook")
    rasa_port = default("RASA_PORT", "5005")
    default("RASA_URL", f"http://127.0.0.1:{rasa_port}")
    default("RASA_MODEL", str(ROOT / "models" / "current.tar.gz"))
    default("TRACKER_RECORD_EXP", str(30 * 24 * 3600))
    default("GATEWAY_MODE", "dev")
    default("GATEWAY_PORT", "8080")
    redis = urlparse(redis_url)
    default("REDIS_HOST", redis.hostname or "127.0.0.1")
    default("REDIS_PORT", str(redis.port or 6379))
    default("REDIS_DB", (redis.path or "/0").lstrip("/") or "0")
    return chosen


def write_run_env(env: Mapping[str, str], settings: Mapping[str, str]) -> Path:
    """Keep what `make run` chose where the operator commands read it (readable by this user only)."""
    path = run_env_file(env)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    os.chmod(path, 0o600)
    path.write_text("".join(f"{name}={value}\n" for name, value in settings.items()), encoding="utf-8")
    return path


def command_environment(env: Mapping[str, str]) -> dict[str, str]:
    """The environment a command runs with: its own, over what `make run` wrote unless in production."""
    if env.get("GATEWAY_MODE", "").strip().lower() == "production":
        return dict(env)
    return {**read_env_file(run_env_file(env)), **env}
