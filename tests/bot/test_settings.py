"""Settings: production refuses missing secrets, dev mode fills gaps and disables unconfigured channels."""

from __future__ import annotations

import pytest

from bot.__main__ import main
from bot.settings import Settings, SettingsError

PRODUCTION = {
    "GATEWAY_MODE": "production",
    "BACKEND_API_KEY": "k",
    "RASA_TOKEN": "t",
    "PUBLIC_BASE_URL": "https://g.example",
    "TWILIO_ACCOUNT_SID": "AC1",
    "TWILIO_AUTH_TOKEN": "a",
    "TWILIO_FROM": "+15005550006",
    "WHATSAPP_APP_SECRET": "s",
    "WHATSAPP_VERIFY_TOKEN": "v",
    "WHATSAPP_ACCESS_TOKEN": "x",
    "WHATSAPP_PHONE_NUMBER_ID": "1",
}


def test_production_with_every_secret_starts_with_both_channels() -> None:
    settings = Settings.from_env(PRODUCTION)
    assert settings.channels == ("twilio", "whatsapp")
    assert not settings.simulator_enabled


@pytest.mark.parametrize(
    "missing", ["TWILIO_AUTH_TOKEN", "WHATSAPP_APP_SECRET", "RASA_TOKEN", "BACKEND_API_KEY", "PUBLIC_BASE_URL"]
)
def test_production_refuses_to_start_without_a_secret(missing: str) -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    with pytest.raises(SettingsError, match=missing):
        Settings.from_env(env)


def test_production_may_run_one_channel_only() -> None:
    env = {k: v for k, v in PRODUCTION.items() if not k.startswith("WHATSAPP")} | {"GATEWAY_CHANNELS": "twilio"}
    assert Settings.from_env(env).channels == ("twilio",)


def test_dev_mode_disables_channels_without_credentials_and_enables_the_simulator() -> None:
    settings = Settings.from_env(
        {"GATEWAY_MODE": "dev", "TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "a", "TWILIO_FROM": "+1500"}
    )
    assert settings.channels == ("twilio",)
    assert settings.simulator_enabled
    assert settings.whatsapp_verify_token


def test_settings_never_show_secrets_in_their_repr() -> None:
    text = repr(Settings.from_env(PRODUCTION | {"TWILIO_AUTH_TOKEN": "very-secret-token"}))
    assert "very-secret-token" not in text


def test_command_line_refuses_production_start_without_secrets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GATEWAY_MODE", "production")
    for name in PRODUCTION:
        if name != "GATEWAY_MODE":
            monkeypatch.delenv(name, raising=False)
    assert main([]) == 2
    assert "production mode needs" in capsys.readouterr().err
