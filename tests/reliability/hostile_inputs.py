"""Hostile article files for the reliability tests: what each holds and what must become of it."""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from reliability_support import SEED

ARABIC = SEED.read_text(encoding="utf-8")
# Each of these characters is worth an annotation boundary right before and after it.
SPECIAL = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi controls
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters
    "\r\n\u2028\u2029\x1b\t\x0b\x0c"  # line breaks and the controls the importer lets through
    "\u0640\u064b\u064f\u0650\u0651\u0652")  # tatweel and harakat


@dataclass(frozen=True)
class Hostile:
    name: str
    data: bytes
    text: str | None = None  # what the importer must store, exactly; None when it must refuse
    reason: str = ""  # words the one-line refusal must contain

    def write(self, folder: Path) -> Path:
        path = folder / self.name
        path.write_bytes(self.data)
        return path


TROJAN = ("قال المتحدث إن الصلاحية \"user\u202e \u2066// تحقق من المسؤول\u2069 \u2066\" محفوظة.\n"
          "if access_level != \"user\u202e \u2066// Check if admin\u2069 \u2066\" {\n"
          "\u202dغارة 47\u202c و\u202b11 يوليو/تموز\u202c، \u2067ثلاثة أشهر\u2069 \u2068مقتل 3\u2069\r\n"
          "\u200fمرحبا\u200e hello \u061cعالم\u200f\n")
ZERO_WIDTH = ("لا\u200cإله\u200d إلا \u200bالله\ufeffأكبر — عائلة 👨\u200d👩\u200d👧 وعَلَم 🏳️\u200d🌈\n"
              "شُنّت الغارات عـــلى حلب\u2060، 𝟒𝟕 غارة 🇸🇾\u2028سطر\u2029فقرة\n")
PRESENTATION = ("ﻗﺎﻝ ﺷﻮﻳﻐﻮ ﺇﻥ ﻋﺪﺩ ﻫﺬﻩ ﺍﻟﻤﻤﺮﺍﺕ ﻳﺒﻠﻎ ٣ ﷲ ﷺ ﻻ ﻷ ﯾ ﭖ ﮐ\n"
                "ﺍﺗﻬﻤﺖ ﻣﻨﻈﻤﺔ ﻫﻴﻮﻣﺎﻥ ﺭﺍﻳﺘﺲ ﻭﻭﺗﺶ ﷽\r\n")
ESCAPES = "عنوان الخبر\n\x1b[2J\x1b]8;;http://example.invalid/\x1b\\رابط\x1b]8;;\x1b\\ نص\n"


def ten_megabyte_line() -> str:
    """One line of about 10 MB of UTF-8: Arabic words, digits, bidi controls, an emoji, no break."""
    unit = "وقال شويغو إن عدد هذه الممرات يبلغ 3 \u202e47 غارة\u202c 👍 "
    return unit * (10 * 1024 * 1024 // len(unit.encode("utf-8")) + 1)


def hostile_inputs() -> list[Hostile]:
    big = ten_megabyte_line()
    headline = ARABIC.encode("utf-8")[:101]  # cut inside a two-byte letter
    return [
        Hostile("trojan-source.txt", TROJAN.encode("utf-8"), TROJAN),
        Hostile("zero-width-and-emoji.txt", ZERO_WIDTH.encode("utf-8"), ZERO_WIDTH),
        Hostile("presentation-forms.txt", PRESENTATION.encode("utf-8"), PRESENTATION),
        Hostile("presentation-forms-utf16be.txt",
                codecs.BOM_UTF16_BE + (PRESENTATION + ZERO_WIDTH).encode("utf-16-be"),
                PRESENTATION + ZERO_WIDTH),
        Hostile("bom-then-zwnbsp.txt", codecs.BOM_UTF8 + "\ufeffنص\ufeff".encode("utf-8"),
                "\ufeffنص\ufeff"),  # only the first BOM is a byte-order mark
        Hostile("escape-sequences.txt", ESCAPES.encode("utf-8"), ESCAPES),
        Hostile("one-line-10mb.txt", big.encode("utf-8"), big),
        Hostile("nul-inside.txt", "نص عربي\x00 بعده".encode(), None, "NUL"),
        Hostile("nul-after-64k.txt", (ARABIC * 20).encode("utf-8") + b"\x00", None, "NUL"),
        Hostile("utf16le-lone-high-surrogate.txt",
                codecs.BOM_UTF16_LE + "نص ".encode("utf-16-le") + b"\x3d\xd8" + "عربي".encode("utf-16-le"),
                None, "not valid UTF-16-LE"),
        Hostile("utf16be-lone-low-surrogate.txt",
                codecs.BOM_UTF16_BE + "نص ".encode("utf-16-be") + b"\xdc\x00" + "عربي".encode("utf-16-be"),
                None, "not valid UTF-16-BE"),
        Hostile("utf16le-surrogate-at-end.txt",
                codecs.BOM_UTF16_LE + "نص".encode("utf-16-le") + b"\x3d\xd8", None,
                "not valid UTF-16-LE"),
        Hostile("utf16le-without-bom.txt", "نص عربي قصير".encode("utf-16-le"), None, "NUL"),
        Hostile("utf32le-surrogate.txt", codecs.BOM_UTF32_LE + b"\x00\xd8\x00\x00", None,
                "not valid UTF-32-LE"),
        Hostile("utf8-encoded-surrogate.txt", "نص ".encode() + b"\xed\xa0\xbd" +
                "عربي".encode(), None, "not valid UTF-8 text: invalid byte 0xed"),
        Hostile("utf8-cut-inside-a-letter.txt", headline, None, "ends inside a character"),
        Hostile("bell-and-backspace.txt", "نص\x07\x08عربي".encode(), None,
                "control characters"),
        Hostile("only-white-space.txt", " \r\n\t\u3000\n".encode("utf-8"), None, "empty"),
    ]


def boundaries(text: str, limit: int = 60) -> list[tuple[int, int]]:
    """Spans that start or end right at the awkward characters, plus the whole text."""
    spans = {(0, len(text)), (len(text) - 1, len(text)), (0, 1)}
    for i, ch in enumerate(text):
        if len(spans) >= limit:
            break
        if ch in SPECIAL or ord(ch) > 0xFFFF or "\ufb50" <= ch <= "\ufeff":
            spans.add((i, i + 1))
            spans.add((max(0, i - 2), min(len(text), i + 3)))
            if i + 1 < len(text) < 100_000:  # keep the CSV of the 10 MB line small
                spans.add((i + 1, len(text)))
    return sorted(spans)
