// The console's only script: an SMS segment counter for replies, and fresh messages while staff hold a conversation.
"use strict";

const GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENDED = "\f^{}\\[~]|€";
// The gateway sends typographic quotes, dashes and spaces as their GSM-7 stand-ins (bot/sms.py).
const STAND_INS = {
  "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
  "\u201c": "\"", "\u201d": "\"", "\u201e": "\"", "\u2033": "\"", "\u00ab": "\"", "\u00bb": "\"",
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
  "\u2026": "...", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200b": "",
  "\u2022": "-", "\u00b7": "-", "\u00d7": "x", "\t": " ",
};

function smsSegments(raw) {
  const text = Array.from(raw).map((c) => (c in STAND_INS ? STAND_INS[c] : c)).join("");
  if (!text) return 0;
  const chars = Array.from(text);
  const gsm = chars.every((c) => GSM7_BASIC.includes(c) || GSM7_EXTENDED.includes(c));
  const units = chars.map((c) => (gsm ? (GSM7_EXTENDED.includes(c) ? 2 : 1) : (c.codePointAt(0) > 0xffff ? 2 : 1)));
  const single = gsm ? 160 : 70;
  const multi = gsm ? 153 : 67;
  if (units.reduce((a, b) => a + b, 0) <= single) return 1;
  let count = 1;
  let used = 0;
  for (const size of units) {
    if (used + size > multi) {
      count += 1;
      used = 0;
    }
    used += size;
  }
  return count;
}

function watchSegments(area) {
  const out = document.getElementById(area.dataset.segments);
  const max = Number(area.dataset.maxSegments || "3");
  const update = () => {
    const n = smsSegments(area.value);
    const chars = Array.from(area.value).length;
    out.textContent = `${chars} characters, ${n} SMS segment${n === 1 ? "" : "s"}` +
      (n > max ? ` (sent as ${Math.ceil(n / max)} messages)` : "");
    out.classList.toggle("over", n > max);
  };
  area.addEventListener("input", update);
  update();
}

function pollMessages(section) {
  const refresh = async () => {
    const current = document.getElementById("messages");
    if (!current || current.contains(document.activeElement)) return;
    const response = await fetch(section.dataset.poll, { credentials: "same-origin" });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById("messages");
    if (fresh) current.replaceWith(document.importNode(fresh, true));
  };
  setInterval(() => { refresh().catch(() => {}); }, 5000);
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("textarea[data-segments]").forEach(watchSegments);
  document.querySelectorAll("[data-poll]").forEach(pollMessages);
});
