"""What the gateway itself says to a store owner, before or without the assistant; translated in i18n/locales."""

from __future__ import annotations

from i18n import N_

OPTED_OUT = N_("You will get no more promotions from us. You can still order by text. Reply START to get offers again.")
OPTED_IN = N_("Promotions are back on. Reply STOP at any time to stop them.")
UNAVAILABLE = N_(
    "Sorry, we cannot answer right now. We have your message and will reply as soon as we can - "
    "no need to send it again."
)
FAILED = N_("Sorry, something went wrong with your message. Please try again later.")
TEXT_ONLY = N_("Sorry, I can only read text. Please type your message, e.g. 5 ctn soda 300ml.")
# WeChat: an account not yet linked to a store phone, and one just linked by its code.
WECHAT_LINK = N_(
    "This WeChat account is not linked to a store yet. Please send the 8-digit link code your wholesaler gave you."
)
WECHAT_LINKED = N_("This WeChat account now orders for %(stores)s. Type your order, e.g. 5 ctn soda 300ml.")
# WhatsApp: the body of an interactive message whose text went before it, and the button that opens a list.
PLEASE_CHOOSE = N_("Please choose:")
CHOOSE = N_("Choose")
OPTIONS = N_("Options")
