"""Which language a reply is written in, told apart by the everyday words of each, after the catalog's words."""

from __future__ import annotations

import re

from backend.catalog import parse_catalog_csv
from bot.sms import is_gsm7
from tests.dialogues.seed import CATALOG_CSV, stores_csv

# Words every reply language may carry: what owners type, currency codes, the catalog's and stores' names.
KEYWORDS = {"yes", "no", "stop", "start", "status", "agent", "more", "help", "cancel", "ndiyo", "hapana", "zaidi", "si"}
KEYWORDS |= {"msaada", "kes", "inr", "ctn", "ml", "kg", "l", "x", "e", "g", "m", "k", "cny", "xof", "php"}
ENGLISH = {
    "the", "your", "reply", "is", "are", "to", "and", "of", "for", "was", "please", "placed", "sorry", "send",
    "you", "we", "our", "any", "it", "there", "can't", "will", "be", "not", "at", "by", "with", "from", "that",
    "this", "i", "i'm", "i'll", "ok", "order", "delivery", "total", "which", "offers", "stock",
}  # fmt: skip
# Words Hinglish borrows from English as it speaks them.
HINGLISH_ENGLISH = {"order", "delivery", "total", "offers", "stock", "ok"}
SWAHILI = {
    "oda", "yako", "jibu", "kwa", "ya", "na", "hakuna", "sawa", "jumla", "itafika", "bei", "ipo", "stoo", "au",
    "tafadhali", "samahani", "imewekwa", "ipi", "namba", "kuthibitisha", "badilisha", "nimerudi", "ofa", "hadi",
    "imekamilika", "matangazo", "tena", "mtu", "timu", "yetu", "imepokelewa", "ufute", "imefutwa", "kama", "leo",
    "bidhaa", "yoyote", "tuma", "kiwango", "chini", "ni", "ilikuwa", "mstari", "mistari",
}  # fmt: skip
HINGLISH = {
    "aapka", "aapke", "aapko", "hai", "hain", "ke", "liye", "bhejein", "nahi", "ka", "ki", "mein", "theek",
    "ho", "gaya", "tak", "jaise", "kripya", "maaf", "kijiye", "abhi", "koi", "kaunsa", "karne", "ya", "se",
    "pehle", "jaisa", "rate", "par", "ab", "hamari", "wapas", "main", "karein", "kiya", "diya", "naya", "wala",
    "mila", "hua", "isse", "yeh",
}  # fmt: skip
FRENCH = {
    "commande", "pour", "votre", "répondez", "le", "la", "les", "de", "du", "en", "je", "envoyez", "pas", "vous",
    "est", "ne", "ligne", "lignes", "livraison", "désolé", "prix", "passée", "annulée", "nouvelle", "que", "boutique",
    "rien", "aucune", "comme", "déjà", "encore", "annuler", "quand", "voulez", "ajouter", "toujours", "recevrez",
    "quel", "quelle", "valider", "modifié", "ajouté", "combien", "équipe", "retour", "suis", "jour", "nos", "notre",
    "une", "dans", "cette", "fait", "c'est", "numéro", "offres", "enregistrée", "caisses", "boites", "plus",
}  # fmt: skip
# Words French replies share with English as they are written in French.
FRENCH_ENGLISH = {"ok", "total", "stock"}
TAGALOG = {
    "ang", "sa", "ng", "para", "ninyo", "po", "hindi", "pa", "ko", "walang", "ulit", "kahit", "kailan", "lang",
    "ito", "hal", "sige", "ngayon", "tindahan", "bukas", "yan", "kaya", "ako", "idagdag", "presyo", "bagong",
    "namin", "halimbawa", "mula", "makakatanggap", "may", "kayo", "dito", "tapos", "tinanggal", "sasagot", "balik",
    "makita", "ay", "kami", "dating", "hanggang", "ilang", "isang", "yung", "natanggap", "napalitan", "naidagdag",
    "pumili", "palitan", "tanggalin", "aling", "numero", "kahon", "nasaan", "lahat",
}  # fmt: skip
INDONESIAN = {
    "pesanan", "anda", "untuk", "dengan", "yang", "mana", "balas", "tidak", "ada", "sudah", "belum", "kirim", "atau",
    "dan", "diantar", "baris", "berhasil", "saya", "oke", "menerima", "lagi", "kapan", "saja", "nomornya", "batal",
    "konfirmasi", "ubah", "hapus", "tambah", "mis", "harga", "stok", "ukuran", "berapa", "maaf", "bisa", "terbuka",
    "diterima", "dibatalkan", "dalam", "bahasa", "beres", "kami", "tim", "ini", "itu", "sama", "seperti", "hari",
    "baru", "sekarang", "sisa", "kotak", "karung", "ditambah", "diubah", "kembali", "halo", "barang", "perlu",
    "dus", "bal", "lusin", "pak", "sabun", "gula", "bilang", "paham", "kurang", "promo", "nomor", "toko", "masih",
}  # fmt: skip
# English words Taglish texts as they are ("Reply YES para i-confirm", "Total", "order").
TAGALOG_ENGLISH = {"order", "reply", "i", "sorry", "offers", "stock", "total", "ok", "send", "at", "of"}
# Words Indonesian replies share with English as they are written in Indonesian.
INDONESIAN_ENGLISH = {"total"}
SPANISH = {
    "su", "pedido", "pedidos", "responda", "para", "confirmar", "cancelar", "cambie", "quite", "agregue", "entrega",
    "linea", "lineas", "realizado", "el", "la", "los", "las", "de", "del", "en", "con", "que", "qué", "cual", "no",
    "hay", "esta", "ya", "listo", "disculpe", "mande", "cuando", "quiera", "numero", "precio", "tienda", "todavia",
    "nuevo", "otra", "vez", "le", "lo", "respondo", "español", "solo", "digalo", "recibido", "hecho", "ahorita",
    "nuestro", "equipo", "promociones", "ofertas", "recibira", "cajas", "caja", "costales", "fardos", "sumar",
    "cambiar", "agregado", "cambiado", "lleva", "sigue", "abierto", "bien", "una", "un", "es", "por", "mas",
    "registrado", "ninguna", "asi", "puedo", "tomar", "pida", "vendedor", "vuelva", "escribir", "este",
}  # fmt: skip
# Words Spanish replies share with English as they are written in Spanish.
SPANISH_ENGLISH = {"total"}
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"(?:[^\W\d_]|[\u0900-\u097f])+(?:'[a-z]+)?")


def _names() -> list[str]:
    """Product and store names, longest first: they are the catalog's words in every language."""
    names = {item.name.split(",")[0].strip() for item in parse_catalog_csv(CATALOG_CSV)}
    names |= {row.split(",")[1] for row in stores_csv().splitlines()[1:]}
    return sorted(names, key=len, reverse=True)


NAMES = _names()


def words(text: str) -> list[str]:
    """The reply's own words: names of products and stores, numbers and keywords left out."""
    for name in NAMES:
        text = text.replace(name, " ")
    return [w for w in (m.lower() for m in _WORD.findall(text)) if w not in KEYWORDS]


def language_of(text: str) -> str:
    """`sw`, `hi`, `hi-Deva`, `zh`, `fr`, `tl`, `id`, `es` or `en`: the language a reply is written in, `?` for a
    mix."""
    own = words(text)
    if not own:
        return "?"
    if any(_HAN.search(w) for w in own):
        return "zh" if not set(own) & ENGLISH else "?"
    latin = [w for w in own if not _DEVANAGARI.search(w)]
    if len(latin) < len(own):
        return "hi-Deva" if not set(latin) & (ENGLISH - {"ok"}) else "?"
    english = set(latin) & ENGLISH
    swahili, hinglish = set(latin) & SWAHILI, set(latin) & HINGLISH
    french, tagalog, indonesian = set(latin) & FRENCH, set(latin) & TAGALOG, set(latin) & INDONESIAN
    spanish_only = set(latin) & SPANISH - (FRENCH | TAGALOG | INDONESIAN | SWAHILI | HINGLISH)
    if (
        spanish_only
        and not english - SPANISH_ENGLISH
        and len(spanish_only) > len((swahili | hinglish | french | tagalog | indonesian) - SPANISH)
    ):
        return "es" if is_gsm7(text) else "?"
    if indonesian and not english - INDONESIAN_ENGLISH and len(indonesian) > len(swahili | hinglish | french | tagalog):
        return "id" if is_gsm7(text) else "?"
    if french and not english - FRENCH_ENGLISH and len(french) > len(swahili | hinglish | tagalog):
        return "fr" if is_gsm7(text) else "?"
    if tagalog and not english - TAGALOG_ENGLISH and len(tagalog) > len(swahili | hinglish | french):
        return "tl" if is_gsm7(text) else "?"
    if swahili and not english and len(swahili) >= len(hinglish):
        return "sw"
    if hinglish and not english - HINGLISH_ENGLISH and is_gsm7(text):
        return "hi"
    if english and not (swahili - {"na", "ya", "au"}) and not (hinglish - {"ya", "main", "rate"}):
        return "en"
    return "?"


def assert_language(replies: str, language: str) -> None:
    """Every reply of a turn is in `language`."""
    for reply in filter(None, replies.split("\n\n")):
        assert language_of(reply) == language, f"not {language}: {reply!r} ({words(reply)})"
