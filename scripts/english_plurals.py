#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fills the English plural forms of translations/i3studio_en.ts, which holds only the strings
with a count (%n): Qt shows the source text "token(s)" unless a translation gives "1 token" and
"2 tokens". A source's "(s)" is dropped for the singular and becomes "s" for the plural; the few
whose plural is spelled out are in TABLE (singular, plural). Usage: english_plurals.py TS_FILE"""
import html
import re
import sys

TABLE = {
    "%Ln tokens through %1 blocks.": ("%Ln token through %1 blocks.", "%Ln tokens through %1 blocks."),
    "%Ln channels: mean %L1, from %L2 to %L3; ": ("%Ln channel: mean %L1, from %L2 to %L3; ",
                                                 "%Ln channels: mean %L1, from %L2 to %L3; "),
    "The prompt has %Ln tokens; the model's context holds %L1.": (
        "The prompt has %Ln token; the model's context holds %L1.",
        "The prompt has %Ln tokens; the model's context holds %L1."),
    "Inspecting %Ln tokens…": ("Inspecting %Ln token…", "Inspecting %Ln tokens…"),
}

UNFINISHED = re.compile(r'<source>(.*?)</source>\s*<translation type="unfinished">\s*'
                        r'<numerusform></numerusform>\s*<numerusform></numerusform>\s*</translation>', re.S)


def escaped(text):
    return html.escape(text, quote=False).replace("'", "&apos;")


def filled(match):
    source = html.unescape(match.group(1))
    one, many = TABLE.get(source, (source.replace("(s)", ""), source.replace("(s)", "s")))
    return ("<source>%s</source>\n        <translation>\n            <numerusform>%s</numerusform>\n"
            "            <numerusform>%s</numerusform>\n        </translation>") % (match.group(1), escaped(one),
                                                                              escaped(many))


def main(path):
    with open(path, encoding="utf-8") as file:
        text = UNFINISHED.sub(filled, file.read())
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


if __name__ == "__main__":
    main(sys.argv[1])
