"""The gateway's one Settings object, read from the environment and validated at start."""

from __future__ import annotations

import ipaddress
import logging
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping, Union

log = logging.getLogger("bot.settings")

ROOT = Path(__file__).resolve().parent.parent

CHANNEL_NAMES = ("twilio", "whatsapp", "wechat")
# Served unless GATEWAY_CHANNELS says otherwise; WeChat is for the markets that add it.
DEFAULT_CHANNELS = ("twilio", "whatsapp")

Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]


class SettingsError(ValueError):
    """The environment does not describe a gateway that may start."""


@dataclass(frozen=True)
class Settings:
    """Everything the gateway needs; built once by `from_env`, passed in, never read from globals."""

    mode: str = "dev"
    redis_url: str = "redis://127.0.0.1:6379/0"
    key_prefix: str = "bot"
    backend_url: str = "http://127.0.0.1:8090"
    backend_api_key: str = field(default="", repr=False)
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: str = field(default="", repr=False)
    public_base_url: str = "http://127.0.0.1:8080"
    host: str = "127.0.0.1"
    port: int = 8080
    default_region: str = "KE"
    channels: tuple[str, ...] = ()
    twilio_account_sid: str = ""
    twilio_auth_token: str = field(default="", repr=False)
    twilio_from: str = ""
    twilio_whatsapp_from: str = ""
    twilio_messaging_service_sid: str = ""
    twilio_api_base: str = "https://api.twilio.com"
    whatsapp_app_secret: str = field(default="", repr=False)
    whatsapp_verify_token: str = field(default="", repr=False)
    whatsapp_access_token: str = field(default="", repr=False)
    whatsapp_phone_number_id: str = ""
    whatsapp_api_base: str = "https://graph.facebook.com"
    whatsapp_api_version: str = "v21.0"
    wechat_app_id: str = ""
    wechat_app_secret: str = field(default="", repr=False)
    wechat_token: str = field(default="", repr=False)
    wechat_aes_key: str = field(default="", repr=False)
    wechat_api_base: str = "https://api.weixin.qq.com"
    simulator_enabled: bool = False
    # The stores whose phones the simulator offers (the demo wholesaler `make run` loaded).
    simulator_stores: str = str(ROOT / "demo" / "stores.csv")
    partitions: int = 32
    sms_max_segments: int = 3
    menu_ttl: int = 24 * 3600
    dedupe_ttl: int = 8 * 24 * 3600
    rate_global_per_second: int = 30
    rate_recipient_per_minute: int = 20
    send_timeout: float = 10.0
    rasa_timeout: float = 30.0
    outbox_max_attempts: int = 8
    retry_base: float = 1.0
    retry_max: float = 60.0
    lease_ttl: float = 15.0
    promo_sms_per_second: float = 1.0
    promo_whatsapp_per_second: float = 80.0
    promo_wechat_per_second: float = 20.0
    promo_quiet_hours: str = "20:00-08:00"
    promo_concurrency: int = 8
    promo_default_channel: str = "sms"
    promo_workers: bool = True
    promo_receipt_grace: float = 600.0
    promo_consent_poll: float = 5.0
    instance_id: str = ""
    log_level: str = "INFO"
    console_admin_user: str = ""
    console_admin_password: str = field(default="", repr=False)
    console_session_idle: int = 30 * 60
    console_secure_cookies: bool = False
    console_handoff_alert_minutes: int = 10
    console_login_attempts: int = 5
    console_login_window: int = 15 * 60
    console_trusted_proxies: tuple[Network, ...] = ()
    console_low_confidence: float = 0.6
    console_low_score: float = 85.0

    @property
    def dev(self) -> bool:
        """True in development mode."""
        return self.mode == "dev"

    def has_channel(self, name: str) -> bool:
        """True when the channel is configured and enabled."""
        return name in self.channels

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Read the environment; refuse a production start with a missing secret; fill dev gaps."""
        mode = env.get("GATEWAY_MODE", "production").strip().lower()
        if mode not in ("production", "dev"):
            raise SettingsError("GATEWAY_MODE must be production or dev")
        host = env.get("GATEWAY_HOST", "127.0.0.1" if mode == "dev" else "0.0.0.0")
        port = _int(env, "GATEWAY_PORT", 8080)
        settings = cls(
            mode=mode,
            redis_url=env.get("REDIS_URL", cls.redis_url),
            key_prefix=env.get("GATEWAY_KEY_PREFIX", cls.key_prefix),
            backend_url=env.get("BACKEND_URL", cls.backend_url).rstrip("/"),
            backend_api_key=env.get("BACKEND_API_KEY", ""),
            rasa_url=env.get("RASA_URL", cls.rasa_url).rstrip("/"),
            rasa_token=env.get("RASA_TOKEN", ""),
            public_base_url=env.get("PUBLIC_BASE_URL", "").rstrip("/"),
            host=host,
            port=port,
            **cls._provider_fields(env),
            default_region=env.get("DEFAULT_REGION", cls.default_region).upper(),
            simulator_enabled=_bool(env, "SIMULATOR_ENABLED", mode == "dev"),
            simulator_stores=env.get("SIMULATOR_STORES", cls.simulator_stores),
            partitions=_int(env, "GATEWAY_PARTITIONS", cls.partitions),
            sms_max_segments=_int(env, "SMS_MAX_SEGMENTS", cls.sms_max_segments),
            menu_ttl=_int(env, "MENU_TTL_SECONDS", cls.menu_ttl),
            rate_global_per_second=_int(env, "RATE_GLOBAL_PER_SECOND", cls.rate_global_per_second),
            rate_recipient_per_minute=_int(env, "RATE_RECIPIENT_PER_MINUTE", cls.rate_recipient_per_minute),
            send_timeout=_float(env, "SEND_TIMEOUT_SECONDS", cls.send_timeout),
            rasa_timeout=_float(env, "RASA_TIMEOUT_SECONDS", cls.rasa_timeout),
            outbox_max_attempts=_int(env, "OUTBOX_MAX_ATTEMPTS", cls.outbox_max_attempts),
            retry_base=_float(env, "RETRY_BASE_SECONDS", cls.retry_base),
            retry_max=_float(env, "RETRY_MAX_SECONDS", cls.retry_max),
            lease_ttl=_float(env, "LEASE_TTL_SECONDS", cls.lease_ttl),
            **cls._promotion_fields(env),
            instance_id=env.get("GATEWAY_INSTANCE_ID", ""),
            log_level=env.get("LOG_LEVEL", cls.log_level),
            **cls._console_fields(env),
        )
        listed = env.get("GATEWAY_CHANNELS", ",".join(DEFAULT_CHANNELS))
        wanted = tuple(c.strip() for c in listed.split(",") if c.strip())
        unknown = set(wanted) - set(CHANNEL_NAMES)
        if unknown:
            raise SettingsError(f"GATEWAY_CHANNELS names unknown channels: {', '.join(sorted(unknown))}")
        return settings.validated(wanted)

    @classmethod
    def _provider_fields(cls, env: Mapping[str, str]) -> dict[str, Any]:
        """The providers' credentials and API addresses."""
        return {
            "twilio_account_sid": env.get("TWILIO_ACCOUNT_SID", ""),
            "twilio_auth_token": env.get("TWILIO_AUTH_TOKEN", ""),
            "twilio_from": env.get("TWILIO_FROM", ""),
            "twilio_whatsapp_from": env.get("TWILIO_WHATSAPP_FROM", ""),
            "twilio_messaging_service_sid": env.get("TWILIO_MESSAGING_SERVICE_SID", ""),
            "twilio_api_base": env.get("TWILIO_API_BASE", cls.twilio_api_base).rstrip("/"),
            "whatsapp_app_secret": env.get("WHATSAPP_APP_SECRET", ""),
            "whatsapp_verify_token": env.get("WHATSAPP_VERIFY_TOKEN", ""),
            "whatsapp_access_token": env.get("WHATSAPP_ACCESS_TOKEN", ""),
            "whatsapp_phone_number_id": env.get("WHATSAPP_PHONE_NUMBER_ID", ""),
            "whatsapp_api_base": env.get("WHATSAPP_API_BASE", cls.whatsapp_api_base).rstrip("/"),
            "whatsapp_api_version": env.get("WHATSAPP_API_VERSION", cls.whatsapp_api_version),
            "wechat_app_id": env.get("WECHAT_APP_ID", ""),
            "wechat_app_secret": env.get("WECHAT_APP_SECRET", ""),
            "wechat_token": env.get("WECHAT_TOKEN", ""),
            "wechat_aes_key": env.get("WECHAT_AES_KEY", ""),
            "wechat_api_base": env.get("WECHAT_API_BASE", cls.wechat_api_base).rstrip("/"),
        }

    @classmethod
    def _promotion_fields(cls, env: Mapping[str, str]) -> dict[str, Any]:
        """How campaigns are sent."""
        return {
            "promo_sms_per_second": _float(env, "PROMO_SMS_SEGMENTS_PER_SECOND", cls.promo_sms_per_second),
            "promo_whatsapp_per_second": _float(env, "PROMO_WHATSAPP_PER_SECOND", cls.promo_whatsapp_per_second),
            "promo_wechat_per_second": _float(env, "PROMO_WECHAT_PER_SECOND", cls.promo_wechat_per_second),
            "promo_quiet_hours": env.get("PROMO_QUIET_HOURS", cls.promo_quiet_hours),
            "promo_concurrency": _int(env, "PROMO_CONCURRENCY", cls.promo_concurrency),
            "promo_default_channel": env.get("PROMO_DEFAULT_CHANNEL", cls.promo_default_channel),
            "promo_workers": _bool(env, "PROMO_WORKERS", cls.promo_workers),
            "promo_receipt_grace": _float(env, "PROMO_RECEIPT_GRACE_SECONDS", cls.promo_receipt_grace),
            "promo_consent_poll": _float(env, "PROMO_CONSENT_POLL_SECONDS", cls.promo_consent_poll),
        }

    @classmethod
    def _console_fields(cls, env: Mapping[str, str]) -> dict[str, Any]:
        """The support console's sign-in, sessions and thresholds."""
        return {
            "console_admin_user": env.get("CONSOLE_ADMIN_USER", "").strip(),
            "console_admin_password": env.get("CONSOLE_ADMIN_PASSWORD", ""),
            "console_session_idle": _int(env, "CONSOLE_SESSION_IDLE_SECONDS", cls.console_session_idle),
            "console_secure_cookies": _bool(env, "CONSOLE_SECURE_COOKIES", False),
            "console_handoff_alert_minutes": _int(
                env, "CONSOLE_HANDOFF_ALERT_MINUTES", cls.console_handoff_alert_minutes
            ),
            "console_login_attempts": _int(env, "CONSOLE_LOGIN_ATTEMPTS", cls.console_login_attempts),
            "console_login_window": _int(env, "CONSOLE_LOGIN_WINDOW_SECONDS", cls.console_login_window),
            "console_trusted_proxies": _networks(env, "CONSOLE_TRUSTED_PROXIES"),
            "console_low_confidence": _float(env, "CONSOLE_LOW_CONFIDENCE", cls.console_low_confidence),
            "console_low_score": _float(env, "CONSOLE_LOW_SCORE", cls.console_low_score),
        }

    def validated(self, wanted: tuple[str, ...]) -> Settings:
        """Check secrets for the wanted channels: production refuses gaps, dev disables the channel."""
        if self.partitions < 1 or self.sms_max_segments < 1 or self.outbox_max_attempts < 1:
            raise SettingsError("GATEWAY_PARTITIONS, SMS_MAX_SEGMENTS and OUTBOX_MAX_ATTEMPTS must be at least 1")
        if min(self.promo_sms_per_second, self.promo_whatsapp_per_second, self.promo_wechat_per_second) <= 0:
            raise SettingsError("PROMO_*_PER_SECOND must be above 0")
        if self.promo_concurrency < 1:
            raise SettingsError("PROMO_CONCURRENCY must be at least 1")
        if self.promo_receipt_grace <= 0 or self.promo_consent_poll <= 0:
            raise SettingsError("PROMO_RECEIPT_GRACE_SECONDS and PROMO_CONSENT_POLL_SECONDS must be above 0")
        if self.console_admin_user and len(self.console_admin_password) < 12:
            raise SettingsError("CONSOLE_ADMIN_PASSWORD must be at least 12 characters when CONSOLE_ADMIN_USER is set")
        if self.console_session_idle < 60 or self.console_login_attempts < 1:
            raise SettingsError("CONSOLE_SESSION_IDLE_SECONDS must be at least 60, CONSOLE_LOGIN_ATTEMPTS at least 1")
        if self.wechat_aes_key and len(self.wechat_aes_key) != 43:
            raise SettingsError("WECHAT_AES_KEY must be the 43-character EncodingAESKey WeChat shows")
        if self.dev and not self.public_base_url:
            return replace(self, public_base_url=f"http://127.0.0.1:{self.port}").validated(wanted)
        if self.dev and not self.whatsapp_verify_token:
            return replace(self, whatsapp_verify_token=secrets.token_urlsafe(16)).validated(wanted)
        required = {
            "twilio": self._twilio_missing(),
            "whatsapp": self._whatsapp_missing(),
            "wechat": self._wechat_missing(),
        }
        if not self.dev:
            missing = [
                name
                for name, value in (
                    ("BACKEND_API_KEY", self.backend_api_key),
                    ("RASA_TOKEN", self.rasa_token),
                    ("PUBLIC_BASE_URL", self.public_base_url),
                )
                if not value
            ]
            for channel in wanted:
                missing += required[channel]
            if missing:
                raise SettingsError(f"production mode needs these settings: {', '.join(missing)}")
            return replace(self, channels=wanted)
        enabled = []
        for channel in wanted:
            if required[channel]:
                log.info("channel disabled in dev mode: credentials absent", extra={"ctx_channel": channel})
            else:
                enabled.append(channel)
        return replace(self, channels=tuple(enabled))

    def _twilio_missing(self) -> list[str]:
        return [
            name
            for name, value in (
                ("TWILIO_ACCOUNT_SID", self.twilio_account_sid),
                ("TWILIO_AUTH_TOKEN", self.twilio_auth_token),
                ("TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID", self.twilio_from or self.twilio_messaging_service_sid),
            )
            if not value
        ]

    def _whatsapp_missing(self) -> list[str]:
        return [
            name
            for name, value in (
                ("WHATSAPP_APP_SECRET", self.whatsapp_app_secret),
                ("WHATSAPP_VERIFY_TOKEN", self.whatsapp_verify_token),
                ("WHATSAPP_ACCESS_TOKEN", self.whatsapp_access_token),
                ("WHATSAPP_PHONE_NUMBER_ID", self.whatsapp_phone_number_id),
            )
            if not value
        ]

    def _wechat_missing(self) -> list[str]:
        return [
            name
            for name, value in (
                ("WECHAT_APP_ID", self.wechat_app_id),
                ("WECHAT_APP_SECRET", self.wechat_app_secret),
                ("WECHAT_TOKEN", self.wechat_token),
            )
            if not value
        ]


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    try:
        return int(env.get(name, default))
    except ValueError:
        raise SettingsError(f"{name} must be a whole number") from None


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    try:
        return float(env.get(name, default))
    except ValueError:
        raise SettingsError(f"{name} must be a number") from None


def _networks(env: Mapping[str, str], name: str) -> tuple[Network, ...]:
    """Addresses and networks written as a comma-separated list (`10.0.0.5, 10.1.0.0/16, ::1`)."""
    try:
        return tuple(
            ipaddress.ip_network(item.strip(), strict=False) for item in env.get(name, "").split(",") if item.strip()
        )
    except ValueError:
        raise SettingsError(f"{name} must list IP addresses or networks, separated by commas") from None


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    value = env.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")
