"""A draft grows over several SMS, and the credit it would pass is said before the owner says YES."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import System

# Amani Minimart (ST-003): Swahili, KES 80,000 of credit.
PHONE = "+254712000003"


def read_all(system: System, text: str) -> str:
    """Send an SMS and the replies, with every further page of a long summary asked for (ZAIDI)."""
    replies = "\n".join(system.exchange(PHONE, text))
    pages = 1
    while replies.endswith("Jibu ZAIDI kuona iliyobaki.") and pages < 5:
        replies += "\n" + "\n".join(system.exchange(PHONE, "ZAIDI"))
        pages += 1
    return replies


@pytest.mark.e2e
def test_a_draft_grows_over_three_sms_and_its_credit_problem_is_said_before_yes(system: System) -> None:
    first = read_all(system, "mifuko 10 sukari mumias 50kg")
    assert "1) Mumias Sugar 50kg bag 10" in first and "KES 78,000" in first, first
    second = read_all(system, "pia jerrycan 3 fresh fri 20L")
    assert "1) Mumias Sugar 50kg bag 10" in second and "2) Fresh Fri Vegetable Oil 20L jerrycan 3" in second, second
    third = read_all(system, "mifuko 2 mchele mwea pishori 25kg")
    assert "1) Mumias Sugar" in third and "2) Fresh Fri" in third and "3) Mwea Pride Pishori Rice 25kg" in third
    assert "Umezidi kikomo cha mkopo: KES 80,000 inapatikana, oda hii ni KES 104,000." in third, third
    assert "Punguza Mumias Sugar 50kg bag iwe 6 magunia ili itoshee mkopo wako (jibu 1 = 6)." in third, third
    assert "80000.00" not in third

    refused = read_all(system, "ndiyo")
    assert "KES 80,000" in refused and system.orders("ST-003") == [], refused
    # The owner types the edit the summary offers: it makes the cut that fits.
    fixed = read_all(system, "1 = 6")
    assert "Jumla KES 72,800." in fixed and "kikomo" not in fixed, fixed
    placed = read_all(system, "ndiyo")
    [order] = system.orders("ST-003")
    assert f"Oda #{order['order_id']} imewekwa" in placed, placed
    assert [(line["sku"], line["quantity"]) for line in order["lines"]] == [
        ("SUG-MUMIAS-50KG", 6),
        ("OIL-FRESHFRI-20L", 3),
        ("RIC-MWEA-PISH-25KG", 2),
    ]


KIRANA_PHONE = "+919812000888"
KIRANA_STORE = f"ST-888,Gupta Kirana,{KIRANA_PHONE},Pune,hi,Asia/Kolkata,200000.00,true,kirana"


@pytest.mark.e2e
def test_an_amount_corrected_or_added_in_an_sms_of_its_own_changes_the_last_line_and_keeps_the_order(
    system: System, tmp_path: Path
) -> None:
    system.add_store(tmp_path, KIRANA_STORE)
    system.exchange(KIRANA_PHONE, "2 bori sukari mumias 50kg")
    first = "\n".join(system.exchange(KIRANA_PHONE, "aur coke 300ml 4 peti"))
    assert "2) Coca-Cola 300ml glass bottle 4" in first, first
    # Read as NO by the classifier, which would drop the order: it corrects the line just added.
    fixed = "\n".join(system.exchange(KIRANA_PHONE, "4 nahi 6"))
    assert "2) Coca-Cola 300ml glass bottle 6" in fixed and "1) Mumias Sugar 50kg bag 2" in fixed, fixed
    more = "\n".join(system.exchange(KIRANA_PHONE, "ek aur"))
    assert "2) Coca-Cola 300ml glass bottle 7" in more, more
    less = "\n".join(system.exchange(KIRANA_PHONE, "ek kam karo"))
    assert "2) Coca-Cola 300ml glass bottle 6" in less and "1) Mumias Sugar 50kg bag 2" in less, less
    # A line named, its verb last as Hindi puts it.
    named = "\n".join(system.exchange(KIRANA_PHONE, "sukari ko 3 karo"))
    assert "1) Mumias Sugar 50kg bag 3" in named and "2) Coca-Cola 300ml glass bottle 6" in named, named
    # An amount taken off a line named, not the last one: never the whole line removed, nor set to the amount.
    taken = "\n".join(system.exchange(KIRANA_PHONE, "reduce sukari by 1"))
    assert "1) Mumias Sugar 50kg bag 2" in taken and "2) Coca-Cola 300ml glass bottle 6" in taken, taken
    system.exchange(KIRANA_PHONE, "haan")
    [order] = system.orders("ST-888")
    assert [(line["sku"], line["quantity"]) for line in order["lines"]] == [
        ("SUG-MUMIAS-50KG", 2),
        ("BEV-COKE-300G-24", 6),
    ]
    # Once placed, an amount said alone changes nothing, and the owner hears how to change it.
    late = "\n".join(system.exchange(KIRANA_PHONE, "7 nahi 8"))
    assert f"#{order['order_id']}" in late and "CANCEL" in late, late
    assert [len(system.orders("ST-888")), system.orders("ST-888")[0]["lines"]] == [1, order["lines"]]


DUKA_PHONE = "+254712000782"
DUKA_STORE = f"ST-782,Duka la Mwanaisha,{DUKA_PHONE},Thika,sw,Africa/Nairobi,200000.00,true,kiosk"


@pytest.mark.e2e
def test_an_amount_corrected_while_asked_which_one_is_kept_for_the_answer(system: System, tmp_path: Path) -> None:
    system.add_store(tmp_path, DUKA_STORE)
    question = "\n".join(system.exchange(DUKA_PHONE, "mafuta ya kupikia lita 20 mtungi mmoja"))
    assert "ipi?" in question, question
    # Read as NO, which would leave the oil out: the amount is corrected and the question asked again.
    again = "\n".join(system.exchange(DUKA_PHONE, "hapana, weka mitungi 2"))
    assert again.endswith(question), again
    summary = "\n".join(system.exchange(DUKA_PHONE, "1"))
    assert "1) Fresh Fri Vegetable Oil 20L jerrycan 2 mitungi" in summary, summary
