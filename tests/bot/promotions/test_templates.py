"""The campaign template sandbox and quiet hours: pure functions, no network."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import pytest

from bot.promotions.schedule import QuietHours
from bot.promotions.templates import OfferLine, TemplateRefused, render_template

LINES = [OfferLine(1, "SKU1", "Coke 300ml crate", "crate", Decimal("600"), Decimal("660"), "KES")]


def test_template_renders_store_products_and_offer_end() -> None:
    text = render_template(
        "Hi {{ store_name }}! {% for p in products %}{{ p.number }}. {{ p.name }} {{ p.currency }} {{ p.price }}"
        " (was {{ p.regular_price }}){% endfor %} until {{ offer_ends }}",
        "Mama Njeri",
        LINES,
        "2030-01-31",
    )
    assert text == "Hi Mama Njeri! 1. Coke 300ml crate KES 600.00 (was 660.00) until 2030-01-31"


@pytest.mark.parametrize(
    "source",
    [
        "{{ store_name.__class__ }}",
        "{{ products.__class__.__mro__ }}",
        "{{ products[0].items() }}",
        "{{ store_name.upper() }}",
        "{{ '{0.__class__}'.format(store_name) }}",
        "{{ settings }}",
        "{{ app }}",
        "{{ range(10) }}",
        "{{ lipsum() }}",
        "{{ self.__init__ }}",
    ],
)
def test_template_sandbox_refuses_attribute_access_outside_its_variables(source: str) -> None:
    with pytest.raises(TemplateRefused):
        render_template(source, "Store", LINES, "")


def test_quiet_hours_hold_a_message_until_the_morning_in_the_store_timezone() -> None:
    quiet = QuietHours.parse("20:00-08:00")
    evening = datetime(2030, 5, 1, 18, 30, tzinfo=timezone.utc).timestamp()  # 21:30 in Nairobi
    assert quiet.next_allowed(evening, "Africa/Nairobi") == datetime(2030, 5, 2, 5, 0, tzinfo=timezone.utc).timestamp()
    assert quiet.next_allowed(evening, "America/New_York") == evening
    assert QuietHours.parse("off").next_allowed(evening, "Africa/Nairobi") == evening
