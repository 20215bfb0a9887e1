"""A small invented catalog (brands and SKU codes that exist nowhere) for the order-understanding tests."""

from __future__ import annotations

import pytest

from backend.catalog import CATALOG_COLUMNS, CatalogItem, parse_catalog_csv
from nlu.catalog_index import CatalogIndex
from nlu.parser import parse_order

INVENTED_ROWS = """\
Q101,"Vimba Cola 350ml glass, crate of 24",Vimba,drinks,350ml,crate,24,700.00,ZZZ,vimba|fizzi,50,1,true
Q102,"Vimba Cola 600ml PET, case of 12",Vimba,drinks,600ml,case,12,800.00,ZZZ,vimba,40,1,true
Q103,"Vimba Cola Light 600ml PET, case of 12",Vimba,drinks,600ml,case,12,800.00,ZZZ,vimba light,30,1,true
Q104,"Korro Lime 600ml PET, case of 12",Korro,drinks,600ml,case,12,750.00,ZZZ,korro lime,10,1,true
Q105,"Korro Grape 600ml PET, case of 12",Korro,drinks,600ml,case,12,750.00,ZZZ,korro grape,0,1,true
Q106,"Korro Melon 600ml PET, case of 12",Korro,drinks,600ml,case,12,750.00,ZZZ,korro melon,5,1,false
Q107,"Tamu Bay Sugar 1kg, bale of 20",Tamu Bay,staples,1kg,bale,20,2000.00,ZZZ,kulu|tamu,30,1,true
Q108,"Tamu Bay Sugar 25kg bag",Tamu Bay,staples,25kg,bag,1,2400.00,ZZZ,kulu,12,1,true
Q109,"Nyali Sugar 1kg, bale of 20",Nyali,staples,1kg,bale,20,1950.00,ZZZ,kulu|nyali,30,1,true
Q110,"Nyali Brown Sugar 1kg, bale of 20",Nyali,staples,1kg,bale,20,2100.00,ZZZ,nyali brown,30,1,true
Q111,"Pola Bar Soap 700g, carton of 24",Pola,household,700g,carton,24,3000.00,ZZZ,pola,20,1,true
Q112,"Pola Bar Soap 700g, single bar",Pola,household,700g,piece,1,130.00,ZZZ,pola kipande,40,5,true
Q113,"Dunn & Gale Cream 200ml, carton of 12",Dunn & Gale,household,200ml,carton,12,2400.00,ZZZ,dunn n gale,20,1,true
Q114,"Siki Mango Juice 1L, case of 6",Siki,drinks,1L,case,6,900.00,ZZZ,siki,8,1,true
Q115,"Siki Mango Juice 250ml, case of 24",Siki,drinks,250ml,case,24,1200.00,ZZZ,siki,9,1,false
Q116,"Rundu Oil 5L jerrycan",Rundu,household,5L,jerrycan,1,1300.00,ZZZ,rundu,9,1,true
"""
INVENTED_CATALOG = ",".join(CATALOG_COLUMNS) + "\n" + INVENTED_ROWS


@pytest.fixture(scope="session")
def invented_items() -> list[CatalogItem]:
    """The invented catalog's items."""
    return parse_catalog_csv(INVENTED_CATALOG)


@pytest.fixture(scope="session")
def invented_index(invented_items: list[CatalogItem]) -> CatalogIndex:
    """An index over the invented catalog, built once for the session."""
    return CatalogIndex.build(invented_items)


def resolved(text: str, index: CatalogIndex) -> list[tuple[str, int]]:
    """The (SKU, quantity) lines the order reader resolves in `text`."""
    return [(line.sku, line.quantity) for line in parse_order(text, index).lines]


def catalog_index(rows: str) -> CatalogIndex:
    """An index over catalog rows written in a test (the header is added)."""
    return CatalogIndex.build(parse_catalog_csv(",".join(CATALOG_COLUMNS) + "\n" + rows))
