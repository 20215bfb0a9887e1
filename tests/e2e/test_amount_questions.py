"""Amounts, sizes and prices the owner is asked about or asks, through the real processes: never ordered as typed."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import System

# Mama Njeri Duka (ST-001): English.
PHONE = "+254712000001"


@pytest.mark.e2e
def test_cans_that_fill_no_whole_tray_are_asked_and_the_answer_is_ordered(system: System) -> None:
    asked = "\n".join(system.exchange(PHONE, "pls send 30 cans coke 330ml"))
    assert asked == "How many trays of Coca-Cola 330ml can? Reply with a number. One tray holds 24.", asked
    unclear = "\n".join(system.exchange(PHONE, "2.5"))
    assert "how many" in unclear.lower(), unclear
    summary = "\n".join(system.exchange(PHONE, "2"))
    assert "1) Coca-Cola 330ml can 2 trays x 1,560 = 3,120" in summary, summary
    placed = "\n".join(system.exchange(PHONE, "YES"))
    [order] = system.orders("ST-001")
    assert order["order_id"] in placed, placed
    assert [(line["sku"], line["quantity"]) for line in order["lines"]] == [("BEV-COKE-330C-24", 2)]


@pytest.mark.e2e
def test_a_kind_of_goods_sold_in_many_products_is_asked_by_brand_or_size_first(system: System) -> None:
    brands = "\n".join(system.exchange(PHONE, "mafuta ya kupika 3"))
    asked = "Which brand of mafuta ya kupika? 1) Elianto 2) Fresh Fri 3) Golden Fry 4) Rina 5) Salit."
    assert brands.startswith(asked), brands
    five_litres = "\n".join(system.exchange(PHONE, "5L"))
    assert five_litres.startswith("Which mafuta ya kupika? 1) ") and "5) " in five_litres, five_litres
    assert all(" 5L " in option for option in five_litres.split(") ")[1:]), five_litres
    assert "dropped" in "\n".join(system.exchange(PHONE, "NO"))
    system.exchange(PHONE, "mafuta ya kupika 3")
    which = "\n".join(system.exchange(PHONE, "rina"))
    assert which.startswith("Which mafuta ya kupika? 1) Rina") and "4) " in which and "5) " not in which, which
    summary = "\n".join(system.exchange(PHONE, "1L"))
    assert "1) Rina" in summary and " 1L 3 cartons" in summary, summary
    assert "dropped" in "\n".join(system.exchange(PHONE, "NO"))
    sizes = "\n".join(system.exchange(PHONE, "unga 2"))
    assert sizes.startswith("Which size of unga? 1) 1kg 2) 2kg 3) 10kg."), sizes
    which = "\n".join(system.exchange(PHONE, "2kg"))
    assert which.startswith("Which brand of unga? 1) Ajab 2) EXE 3) Hostess 4) Jimbi 5) Jogoo"), which
    summary = "\n".join(system.exchange(PHONE, "jogoo"))
    assert "1) Jogoo" in summary and " 2kg 2 " in summary, summary
    assert "dropped" in "\n".join(system.exchange(PHONE, "NO"))


@pytest.mark.e2e
def test_a_price_asked_after_an_order_is_answered_and_never_ordered(system: System) -> None:
    system.exchange(PHONE, "5 ctn coke 300ml")
    answer = "\n".join(system.exchange(PHONE, "and how much is omo 1kg?"))
    assert "Omo" in answer and "4,680" in answer and "Your order" not in answer, answer
    summary = "\n".join(system.exchange(PHONE, "show my order"))
    assert "5 crates" in summary and "Omo" not in summary, summary
    # A brand's sizes are priced as a price list lists them: smallest first, those out of stock last.
    prices = "\n".join(system.exchange(PHONE, "how much is coke?"))
    sizes = [line.split(":")[0] for line in prices.splitlines() if line.startswith("Coca-Cola")]
    assert sizes[:4] == [
        "Coca-Cola 300ml glass bottle",
        "Coca-Cola 330ml can",
        "Coca-Cola 500ml PET",
        "Coca-Cola 1.25L PET",
    ], prices
    # An amount of those just priced adds them; it never adds to the order's last line.
    system.exchange(PHONE, "how much is omo 1kg")
    added = "\n".join(system.exchange(PHONE, "ok add 2 of those"))
    assert "1) Coca-Cola 300ml glass bottle 5 crates" in added and "2) Omo Multi Active 1kg 2 bales" in added, added
    assert "dropped" in "\n".join(system.exchange(PHONE, "NO"))
