#!/usr/bin/env python3
"""Writes rules/gazetteers/office_holder_names.csv from office_holders.csv.

The office-holder list gives every form of an office holder's name one
canonical name and id; the `person-name` normalizer reads it after a title
(`Prime Minister Kishida`). This file is the part of it that names a
person on its own, without a title, so that a gazetteer rule can find it in
running text (`Nobuo Kishi attended`): full names only, never a surname
alone (`Austin`, `Abe`, `岸田` are words or places as often as people).

A full name is a Latin surface of two words or more (`Fumio Kishida`,
`Kishida Fumio`, `George W. Bush`), a katakana surface of two parts or more
(`ジョー・バイデン`), or a kanji surface of three characters or more
(`岸田文雄`, `林芳正`). `tests/entities.rs` checks that the file is exactly
this selection, so run this script after editing office_holders.csv.

Standard library only: python3 scripts/gen_office_holder_names.py
"""

import csv
import os

GAZ = os.path.join(os.path.dirname(__file__), "..", "rules", "gazetteers")


def is_full(surface):
    if all(c.isascii() or c.isalpha() and ord(c) < 0x3000 for c in surface):
        return " " in surface.strip()
    if all("\u30a0" <= c <= "\u30ff" for c in surface):
        return "・" in surface
    if all("\u4e00" <= c <= "\u9fff" for c in surface):
        return len(surface) >= 3
    return False


def main():
    with open(os.path.join(GAZ, "office_holders.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    out = os.path.join(GAZ, "office_holder_names.csv")
    n = 0
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["surface", "canonical", "id", "note"])
        for r in rows:
            if is_full(r["surface"]):
                w.writerow([r["surface"], r["canonical"], r["id"], r["office"]])
                n += 1
    print(f"{n} of {len(rows)} surfaces -> {out}")


if __name__ == "__main__":
    main()
