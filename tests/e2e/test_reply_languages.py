"""End to end in a store's own language: a store in Abidjan whose language is French orders over SMS, and a warung whose
language (Javanese) has no catalog is answered in Indonesian."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.sms import is_gsm7
from tests.e2e.conftest import System

pytestmark = pytest.mark.e2e

# A boutique in Abidjan buying from the demo wholesaler.
FRENCH_PHONE = "+2250700002001"
FRENCH_STORE = f"CI-001,Boutique Chez Awa,{FRENCH_PHONE},Abidjan,fr,Africa/Abidjan,500000.00,true,boutique"


def test_a_french_store_gets_its_draft_and_its_order_in_french_over_sms(system: System, tmp_path: Path) -> None:
    system.add_store(tmp_path, FRENCH_STORE)
    draft = "\n".join(system.exchange(FRENCH_PHONE, "5 ctn coke 300ml"))
    assert draft.startswith("Votre commande:\n1) "), draft
    assert re.search(r"\nTotal [\d ]+ KES\. Livraison le (lun|mar|mer|jeu|ven|sam|dim)\. \d{1,2} ", draft), draft
    assert "Répondez YES pour valider, NO pour annuler" in draft
    placed = "\n".join(system.exchange(FRENCH_PHONE, "YES"))
    [order] = system.orders("CI-001")
    assert placed.startswith(f"Commande #{order['order_id']} passée: 1 ligne, total "), placed
    # Short SMS French within GSM-7: 160 characters a segment, not 70.
    assert all(is_gsm7(body) for body in system.twilio.bodies(FRENCH_PHONE)), system.twilio.bodies(FRENCH_PHONE)
    # A month French shortens with a stop (`déc.`) ends the sentence with that one stop.
    assert not any(".." in body for body in system.twilio.bodies(FRENCH_PHONE)), system.twilio.bodies(FRENCH_PHONE)


# A warung in Yogyakarta whose owner's language is Javanese: no catalog has it, so replies are in Indonesian, the
# language of its country that one has (CLDR's official languages), not English.
JAVANESE_PHONE = "+6281300002002"
JAVANESE_STORE = f"ID-JV-001,Warung Bu Sri,{JAVANESE_PHONE},Yogyakarta,jv,Asia/Jakarta,5000000.00,true,warung"


def test_a_javanese_store_is_answered_in_indonesian(system: System, tmp_path: Path) -> None:
    system.add_store(tmp_path, JAVANESE_STORE)
    draft = "\n".join(system.exchange(JAVANESE_PHONE, "5 ctn coke 300ml"))
    assert draft.startswith("Pesanan Anda:\n1) "), draft
