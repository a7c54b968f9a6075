#!/usr/bin/env python3
"""Generates rules/gazetteers/country_bodies.csv: governments and armed
forces named after a country, in English and Japanese (issue 17).

    python3 scripts/gen_country_bodies.py

Reads the shipped gazetteers (countries.csv, nationalities.csv,
ja_abbreviations.csv) and builds, for every ISO 3166-1 code, the names a
text uses for its government and its forces:

  English  Government of X, the X Government, X's government, D Government
           (any ASCII case); X/D Armed Forces, Armed Forces of X, D Forces,
           D military; X/D Navy, Army, Air Force, Coast Guard (X: the short
           name or a short code)
  Japanese J政府, J軍, J海軍, J陸軍, J空軍, J国防軍, J沿岸警備隊, and the same
           after a one-character abbreviation (米政府, 米軍, 米海軍)

where X is an English name, D a demonym and J a Japanese name of the
country. Ids: gov:XX (the government), mil:XX (the armed forces),
mil:XX-navy, -army, -air-force, -coast-guard; the code is recoverable from
the id. A surface or an id that a curated gazetteer (organizations.csv,
jp_government.csv) already has keeps the curated row: the generator skips
the surface and reuses the curated canonical name for the id. Standard
library only; the output is sorted, so reruns are byte-identical.
"""
import csv
import os
import re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
GAZ = os.path.join(ROOT, "rules", "gazetteers")

# Names that take "the" after "of": the Government of the United States.
THE = re.compile(r"^(United |Republic|Democratic|Dominican|Central African|Czech Republic|Holy See)|"
                 r"(Islands|Philippines|Netherlands|Bahamas|Maldives|Comoros|Seychelles|Gambia|Emirates)$")
# English names too short or too ambiguous to build bodies from
# (US/UK forms are listed by hand below; `Georgia`, `Jordan`, `Chad` are
# also given names or a U.S. state).
SKIP_EN = {"Georgia", "Jordan", "Chad", "Guinea", "Turkey", "Niger", "Mali", "Togo", "Oman", "Peru", "Cuba"}
BRANCHES = [("Navy", "navy", "海軍"), ("Army", "army", "陸軍"), ("Air Force", "air-force", "空軍"),
            ("Coast Guard", "coast-guard", "沿岸警備隊")]


def read(name):
    with open(os.path.join(GAZ, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def of(name):
    return ("the " + name) if THE.search(name) else name


def main():
    countries = read("countries.csv")
    canonical = {r["id"]: r["canonical"] for r in countries}
    curated_surface, curated_id = set(), {}
    for g in ("organizations.csv", "jp_government.csv", "events.csv", "laws.csv"):
        for r in read(g):
            curated_surface.add(r["surface"])
            curated_id.setdefault(r["id"], r["canonical"])
    en, ja, dem = {}, {}, {}
    for r in countries:
        s, code = r["surface"], r["id"]
        if any("\u3040" <= c <= "\u9fff" or "\u30a0" <= c <= "\u30ff" for c in s):
            ja.setdefault(code, set()).add(s)
        elif s not in SKIP_EN and (len(s) > 3 or s in ("U.S.", "US", "UK", "U.K.", "ROK", "PRC", "UAE")):
            en.setdefault(code, set()).add(s)
    for r in read("nationalities.csv"):
        s = r["surface"]
        if not s.endswith("人") and s not in SKIP_EN:
            dem.setdefault(r["id"], set()).add(s)
    abbr = {}
    for r in read("ja_abbreviations.csv"):
        abbr.setdefault(r["id"], set()).add(r["surface"])

    rows = {}

    def add(surface, cid, canon, note):
        if surface in curated_surface or surface in rows:
            return
        rows[surface] = (curated_id.get(cid, canon), cid, note)

    for code, name in canonical.items():
        gov, mil = f"gov:{code}", f"mil:{code}"
        gov_c, mil_c = f"Government of {of(name)}", f"Armed Forces of {of(name)}"
        for x in sorted(en.get(code, ())):
            add(f"Government of {of(x)}", gov, gov_c, "en government")
            add(f"{x} Government", gov, gov_c, "en government")
            for apo in ("'", "’"):
                add(f"{x}{apo}s government", gov, gov_c, "en government")
            # Forces and branches after the short name or a short code only
            # (`U.S. Navy`, `Vietnam Coast Guard`), not after every variant
            # (`United States of America Navy` is no one's usage).
            if x == name or (len(x) <= 4 and x.replace(".", "").isupper()):
                add(f"{x} Armed Forces", mil, mil_c, "en forces")
                for b, slug, _ in BRANCHES:
                    add(f"{x} {b}", f"{mil}-{slug}", f"{b} of {of(name)}", "en branch")
            add(f"Armed Forces of {of(x)}", mil, mil_c, "en forces")
        for d in sorted(dem.get(code, ())):
            add(f"{d} Government", gov, gov_c, "en government")
            for h in ("Armed Forces", "Forces", "military"):
                add(f"{d} {h}", mil, mil_c, "en forces")
            for b, slug, _ in BRANCHES:
                add(f"{d} {b}", f"{mil}-{slug}", f"{b} of {of(name)}", "en branch")
        for j in sorted(ja.get(code, ()) | abbr.get(code, set())):
            if j == "日":
                continue
            add(f"{j}政府", gov, gov_c, "ja government")
            add(f"{j}軍", mil, mil_c, "ja forces")
            add(f"{j}国防軍", mil, mil_c, "ja forces")
            for b, slug, jb in BRANCHES:
                add(f"{j}{jb}", f"{mil}-{slug}", f"{b} of {of(name)}", "ja branch")
    out = os.path.join(GAZ, "country_bodies.csv")
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        # Latin forms match in any ASCII case (`the U.S. government`,
        # `Japanese Government`): one pattern per form keeps the automaton
        # small. Japanese has no case.
        w.writerow(["surface", "canonical", "id", "case_sensitive", "note"])
        for s in sorted(rows):
            c, i, n = rows[s]
            sensitive = "true" if any(ord(ch) > 0x2FFF for ch in s) else "false"
            w.writerow([s, c, i, sensitive, f"generated by scripts/gen_country_bodies.py ({n})"])
    print(f"{len(rows)} surfaces -> {out}")


if __name__ == "__main__":
    main()
