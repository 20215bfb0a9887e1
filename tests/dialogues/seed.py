"""An invented wholesaler: a small catalog (not the sample one) and stores, for whole-dialogue tests."""

from __future__ import annotations

CATALOG_CSV = """sku,name,brand,category,size,sell_unit,units_per_pack,price,currency,aliases,stock,min_order_qty,active
ZC-350C-24,"Zuri Cola 350ml can, tray of 24",Zuri,beverages,350ml,tray,24,720.00,KES,zuri|cola,100,1,true
ZC-1L-12,"Zuri Cola 1L PET, case of 12",Zuri,beverages,1L,case,12,960.50,KES,zuri|cola,0,1,true
ZC-2L-6,"Zuri Cola 2L PET, case of 6",Zuri,beverages,2L,case,6,870.00,KES,zuri|cola,400,1,true
ML-FLOUR-2KG-12,"Mlima Maize Flour 2kg, bale of 12",Mlima,flour,2kg,bale,12,1500.00,KES,unga mlima,40,2,true
BF-SOAP-200-48,"Bafu Soap bar 200g, carton of 48",Bafu,soap,200g,carton,48,2400.00,KES,sabuni bafu,30,1,false
BF-SOAP-800-24,"Bafu Soap bar 800g, carton of 24",Bafu,soap,800g,carton,24,2650.00,KES,sabuni bafu,25,1,true
TA-CANDLE-6-20,"Taa Candles 6 pack, box of 20",Taa,home,6pc,box,20,300.00,KES,mishumaa|candles,1000,1,true
KP-SUGAR-1KG-10,"Kipepeo Sugar 1kg, bale of 10",Kipepeo,sugar,1kg,bale,10,1350.00,KES,sukari kipepeo,60,1,true
KP-SUGAR-50KG,"Kipepeo Sugar 50kg bag",Kipepeo,sugar,50kg,bag,1,6200.00,KES,sukari kipepeo,15,1,true
NY-RICE-5KG-4,"Nyota Pishori Rice 5kg, bale of 4",Nyota,rice,5kg,bale,4,2900.00,KES,mchele nyota,20,1,true
CN-COLA-330-24,可口可乐 330ml×24罐,可口可乐,beverages,330ml,case,24,52.00,CNY,可乐,100,1,true
CN-NOODLE-120-24,岭丰 红烧牛肉面 120g×24袋,岭丰,noodles,120g,carton,24,55.00,CNY,红烧牛肉面|牛肉面,100,1,true
CN-RICE-10KG,禾香 丝苗米 10kg,禾香,rice,10kg,bag,1,62.00,CNY,丝苗米,80,1,true
CN-RICE-25KG,禾香 丝苗米 25kg,禾香,rice,25kg,bag,1,148.00,CNY,丝苗米,40,1,true
"""

# Stores whose language is English: most dialogue tests read the English replies.
SINGLE_STORE_PHONES = [f"+254712001{n:03d}" for n in range(200)]
TWO_STORE_PHONE = "+254712000201"
# Another phone two stores share, whose owner names a product while asked which store.
SHARED_PHONE = "+254712000206"
# A third phone two stores share, whose conversation an older version left in a shape this one cannot read.
STRAY_STATE_PHONE = "+254712000207"
LOW_CREDIT_PHONE = "+254712000202"
CREDIT_PHONE = "+254712000205"
UNREGISTERED_PHONE = "+254799999999"
OFFER_REGION_PHONE = "+254712000203"
# Stores answered in Swahili, in Hinglish (language `hi`) and in Devanagari (`hi-Deva`), each with its own pool.
SWAHILI_STORE_PHONES = [f"+2547120003{n:02d}" for n in range(40)]
HINDI_STORE_PHONES = [f"+9198120001{n:02d}" for n in range(40)]
DEVANAGARI_STORE_PHONES = [f"+9198120002{n:02d}" for n in range(6)]
# Stores answered in Chinese (language `zh`), writing from China.
CHINESE_STORE_PHONES = [f"+8613900001{n:03d}" for n in range(40)]
# Stores answered in French (language `fr`) in Abidjan, and in Tagalog (`tl`): sari-sari stores in Quezon City.
FRENCH_STORE_PHONES = [f"+2250700001{n:03d}" for n in range(6)]
TAGALOG_STORE_PHONES = [f"+639170001{n:03d}" for n in range(6)]
# Warungs answered in Indonesian (language `id`) in Surabaya, and one tagged with the code before `id`, `in`.
INDONESIAN_STORE_PHONES = [f"+6281200001{n:03d}" for n in range(6)]
OLD_CODE_INDONESIAN_PHONE = "+6281200002001"
# Tiendas answered in Spanish (language `es-GT`) in Xela, Quetzaltenango.
SPANISH_STORE_PHONES = [f"+5025500{n:04d}" for n in range(6)]
SWAHILI_OFFER_PHONE = "+254712000204"
HINDI_OFFER_PHONE = "+919812000301"


def stores_csv() -> str:
    """One store per test phone in each language, a phone serving two stores, a small credit limit, offer regions."""
    rows = ["store_id,name,phones,region,language,timezone,credit_limit,promo_opt_in"]
    for n, phone in enumerate(SINGLE_STORE_PHONES):
        rows.append(f"S{n:02d},Duka {n:02d},{phone},Nakuru,en,Africa/Nairobi,1000000.00,true")
    rows.append(f"T1,Mama Shop Town,{TWO_STORE_PHONE},Nakuru,en,Africa/Nairobi,1000000.00,true")
    rows.append(f"T2,Mama Shop Village,{TWO_STORE_PHONE},Nakuru,en,Africa/Nairobi,1000000.00,false")
    rows.append(f"T3,Jirani Shop Gate,{SHARED_PHONE},Nakuru,en,Africa/Nairobi,1000000.00,true")
    rows.append(f"T4,Jirani Shop Market,{SHARED_PHONE},Nakuru,en,Africa/Nairobi,1000000.00,true")
    rows.append(f"T5,Baraka Stores East,{STRAY_STATE_PHONE},Nakuru,en,Africa/Nairobi,1000000.00,true")
    rows.append(f"T6,Baraka Stores West,{STRAY_STATE_PHONE},Nakuru,en,Africa/Nairobi,1000000.00,true")
    rows.append(f"L1,Small Kiosk,{LOW_CREDIT_PHONE},Nakuru,en,Africa/Nairobi,1000.00,true")
    rows.append(f"C1,Credit Duka,{CREDIT_PHONE},Nakuru,en,Africa/Nairobi,80000.00,true")
    rows.append(f"K1,Lakeside Duka,{OFFER_REGION_PHONE},Kisumu,en,Africa/Nairobi,1000000.00,true")
    for n, phone in enumerate(SWAHILI_STORE_PHONES):
        rows.append(f"W{n:02d},Duka la Amani {n:02d},{phone},Nakuru,sw,Africa/Nairobi,1000000.00,true")
    for n, phone in enumerate(HINDI_STORE_PHONES):
        rows.append(f"H{n:02d},Sharma Kirana {n:02d},{phone},Pune,hi,Asia/Kolkata,1000000.00,true")
    for n, phone in enumerate(DEVANAGARI_STORE_PHONES):
        rows.append(f"D{n:02d},Gupta General Store {n:02d},{phone},Pune,hi-Deva,Asia/Kolkata,1000000.00,true")
    for n, phone in enumerate(CHINESE_STORE_PHONES):
        rows.append(f"Z{n:02d},幸福便利店 {n:02d},{phone},南宁,zh,Asia/Shanghai,1000000.00,true")
    for n, phone in enumerate(FRENCH_STORE_PHONES):
        rows.append(f"F{n:02d},Boutique Chez Awa {n:02d},{phone},Abidjan,fr,Africa/Abidjan,1000000.00,true")
    for n, phone in enumerate(TAGALOG_STORE_PHONES):
        rows.append(f"P{n:02d},Aling Nena Sari-Sari {n:02d},{phone},Quezon City,tl,Asia/Manila,1000000.00,true")
    for n, phone in enumerate(INDONESIAN_STORE_PHONES):
        rows.append(f"I{n:02d},Warung Bu Sri {n:02d},{phone},Surabaya,id,Asia/Jakarta,1000000.00,true")
    rows.append(f"IN,Toko Berkah,{OLD_CODE_INDONESIAN_PHONE},Surabaya,in,Asia/Jakarta,1000000.00,true")
    for n, phone in enumerate(SPANISH_STORE_PHONES):
        rows.append(f"G{n:02d},Tienda Chepita {n:02d},{phone},Xela,es-GT,America/Guatemala,1000000.00,true")
    rows.append(f"KW,Duka la Mlimani,{SWAHILI_OFFER_PHONE},Eldoret,sw,Africa/Nairobi,1000000.00,true")
    rows.append(f"KH,Patel Kirana,{HINDI_OFFER_PHONE},Nashik,hi,Asia/Kolkata,1000000.00,true")
    return "\n".join(rows) + "\n"
