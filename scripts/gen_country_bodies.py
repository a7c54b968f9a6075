#!/usr/bin/env python3
"""Generates rules/gazetteers/country_body_members.csv and
country_body_heads.csv, the two files of the compound rule
`entities/country-bodies`: governments and armed forces named after a
country, in English and Japanese (issue 17; docs/rules.md, "Compound
gazetteers").

    python3 scripts/gen_country_bodies.py

Reads the shipped gazetteers (countries.csv, nationalities.csv,
ja_abbreviations.csv) and writes, for every ISO 3166-1 code, the members
(names, demonyms, abbreviations, with classes) that the heads combine with
into the names a text uses for its government and its forces:

  English  Government of X, the X Government, X's government, D Government
           (any ASCII case); X/D Armed Forces, Armed Forces of X, D Forces,
           D military, X's military; X/D Navy, Army, Air Force, Coast Guard (X: the short
           name or a short code)
  Japanese J政府, J軍, J海軍, J陸軍, J空軍, J国防軍, J沿岸警備隊, and the same
           after a one-character abbreviation (米政府, 米軍, 米海軍)
  Ministries  Ministry of Foreign Affairs of X, the X/D Ministry of Foreign
           Affairs, X/D Foreign Ministry, X's Foreign Ministry; Ministry of
           (National) Defense/Defence of X, X/D Ministry of Defense/Defence,
           X/D Defense/Defence Ministry; J外務省, J外交部, J国防省, J国防部
           (中国外交部, 韓国国防部, ロシア外務省), for every country but Japan
           and the United States, whose ministries and departments are
           curated (jp_government.csv, organizations.csv) under their own ids
  Other    the same forms for the portfolios of PORTFOLIOS (finance, justice,
  ministries  interior, environment, health, education, commerce, trade,
           economy, energy, ...): Ministry of Finance of X, the X/D Ministry
           of Finance, X/D Finance Ministry (no possessive form), J財務省,
           J財政部 (the Japanese heads listed there), ids gov:XX-<portfolio>;
           Japan's own (財務省, Ministry of Justice) stay curated

where X is an English name, D a demonym and J a Japanese name of the
country. Ids: gov:XX (the government), mil:XX (the armed forces),
mil:XX-navy, -army, -air-force, -coast-guard, gov:XX-foreign-affairs and
gov:XX-defense (the two ministries); the code is recoverable from the id. A surface or an id that a curated gazetteer (organizations.csv,
jp_government.csv, events.csv, laws.csv) already has keeps the curated
row: the rule's `curated` key leaves the surface to it and takes its
canonical name for the id (in Rust, at load). Standard library only; the
output order is fixed, so reruns are byte-identical.
"""
import csv
import os
import re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
GAZ = os.path.join(ROOT, "rules", "gazetteers")

# Names that take "the" after "of": the Government of the United States.
# State titles anywhere in the name take it too: the Government of the
# Russian Federation, of the People's Republic of China, of the Kingdom of
# Thailand.
THE = re.compile(r"^(United |Republic|Democratic|Dominican|Central African|Czech Republic|Holy See)|"
                 r"(Islands|Philippines|Netherlands|Bahamas|Maldives|Comoros|Seychelles|Gambia|Emirates)$|"
                 r"\b(Republic|Federation|Kingdom|Commonwealth|Principality|Sultanate|Duchy|Federated States)\b")
# English names too short or too ambiguous to build bodies from
# (US/UK forms are listed by hand below; `Georgia`, `Jordan`, `Chad` are
# also given names or a U.S. state).
SKIP_EN = {"Georgia", "Jordan", "Chad", "Guinea", "Turkey", "Niger", "Mali", "Togo", "Oman", "Peru", "Cuba"}
# Countries whose foreign and defence ministries are curated under their own
# ids (org:jp-mofa, org:jp-mod, org:us-dos, org:us-dod): no ministry pairs.
CURATED_MINISTRIES = {"JP", "US"}
# Ministries other than foreign affairs and defence: (English portfolio
# forms, id slug, canonical portfolio, Japanese heads). A one-word portfolio
# also makes `D Finance Ministry`. Only names
# that many governments use, and the Japanese heads of MOFA's usage
# (米財務省 is curated: org:us-treasury).
PORTFOLIOS = [
    (["Finance"], "finance", "Finance", ["財務省", "財政省", "財政部"]),
    (["Justice"], "justice", "Justice", ["法務省", "法務部", "司法省", "司法部"]),
    (["the Interior", "Interior"], "interior", "the Interior", ["内務省"]),
    (["Home Affairs"], "home-affairs", "Home Affairs", []),
    (["the Environment", "Environment"], "environment", "the Environment", ["環境省"]),
    (["Health"], "health", "Health", ["保健省"]),
    (["Education"], "education", "Education", ["教育省", "教育部"]),
    (["Commerce"], "commerce", "Commerce", ["商務省", "商務部"]),
    (["Trade"], "trade", "Trade", ["貿易省"]),
    (["Industry and Trade"], "industry-and-trade", "Industry and Trade", ["商工省"]),
    (["Trade and Industry"], "trade-and-industry", "Trade and Industry", ["貿易産業省"]),
    (["Economy"], "economy", "Economy", ["経済省"]),
    (["Energy"], "energy", "Energy", ["エネルギー省"]),
    (["Science and Technology"], "science-and-technology", "Science and Technology", ["科学技術省", "科学技術部"]),
    (["Agriculture"], "agriculture", "Agriculture", ["農業省"]),
    (["Transport"], "transport", "Transport", ["運輸省"]),
    (["Public Security"], "public-security", "Public Security", ["公安省", "公安部"]),
    (["State Security"], "state-security", "State Security", ["国家安全部", "国家安全省"]),
]
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

    # Members: one row per surface and country, in the order the old
    # expansion visited them (countries in file order; per country the
    # English names, then the demonyms, then the Japanese names), so that
    # when two pairs spell the same surface the first one keeps it.
    # Classes say which heads a member combines with: `en` (an English
    # name), `short` (the short name or a short code: forces and branches),
    # `of` (the form after `Government of`, with `the` where the name takes
    # it), `dem` (a demonym), `ja` (a Japanese name or abbreviation); a
    # member of a country whose ministries are not curated also has each
    # class prefixed with `m-`, which the ministry heads use.
    members = []
    for code, name in canonical.items():
        country = of(name)
        for x in sorted(en.get(code, ())):
            classes = ["en"]
            if x == name or (len(x) <= 4 and x.replace(".", "").isupper()):
                classes.append("short")
            if of(x) == x:
                members.append((x, code, country, classes + ["of"], ""))
            else:
                members.append((x, code, country, classes, ""))
                members.append((of(x), code, country, ["of"], ""))
        for d in sorted(dem.get(code, ())):
            members.append((d, code, country, ["dem"], ""))
        for j in sorted(ja.get(code, ()) | abbr.get(code, set())):
            if j != "日":
                members.append((j, code, country, ["ja"], "true"))
    out = os.path.join(GAZ, "country_body_members.csv")
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["surface", "code", "name", "classes", "case_sensitive"])
        for surface, code, country, classes, sensitive in members:
            if code not in CURATED_MINISTRIES:
                classes = classes + ["m-" + c for c in classes]
            w.writerow([surface, code, country, " ".join(classes), sensitive])
    print(f"{len(members)} members -> {out}")

    # Heads: the same for every country. `{member}` is where the member
    # goes; `{name}` and `{code}` come from the member's row. Latin forms
    # match in any ASCII case (the rule's default); Japanese has no case.
    heads = [
        ("Government of {member}", "of", "Government of {name}", "gov:{code}", ""),
        ("{member} Government", "en dem", "Government of {name}", "gov:{code}", ""),
        ("{member}'s government", "en", "Government of {name}", "gov:{code}", ""),
        ("{member}\u2019s government", "en", "Government of {name}", "gov:{code}", ""),
        ("{member} Armed Forces", "short dem", "Armed Forces of {name}", "mil:{code}", ""),
        ("{member} Forces", "dem", "Armed Forces of {name}", "mil:{code}", ""),
    ]
    # `military` is often an adjective (`Chinese military activities`): its
    # heads are a rule of their own (`country-military`), whose condition
    # rejects a noun after the head.
    military = [
        ("{member} military", "dem", "Armed Forces of {name}", "mil:{code}", ""),
        ("{member}'s military", "en", "Armed Forces of {name}", "mil:{code}", ""),
        ("{member}\u2019s military", "en", "Armed Forces of {name}", "mil:{code}", ""),
    ]
    for b, slug, _ in BRANCHES:
        heads.append((f"{{member}} {b}", "short dem", f"{b} of {{name}}", f"mil:{{code}}-{slug}", ""))
    heads.append(("Armed Forces of {member}", "of", "Armed Forces of {name}", "mil:{code}", ""))
    heads.append(("{member}政府", "ja", "Government of {name}", "gov:{code}", "true"))
    heads.append(("{member}軍", "ja", "Armed Forces of {name}", "mil:{code}", "true"))
    heads.append(("{member}国防軍", "ja", "Armed Forces of {name}", "mil:{code}", "true"))
    for b, slug, jb in BRANCHES:
        heads.append((f"{{member}}{jb}", "ja", f"{b} of {{name}}", f"mil:{{code}}-{slug}", "true"))
    foreign = ("Ministry of Foreign Affairs of {name}", "gov:{code}-foreign-affairs")
    defence = ("Ministry of Defense of {name}", "gov:{code}-defense")
    heads.append(("Ministry of Foreign Affairs of {member}", "m-of", *foreign, ""))
    heads.append(("{member} Ministry of Foreign Affairs", "m-short m-dem", *foreign, ""))
    heads.append(("{member} Foreign Ministry", "m-short m-dem", *foreign, ""))
    heads.append(("{member}'s Foreign Ministry", "m-en", *foreign, ""))
    heads.append(("{member}\u2019s Foreign Ministry", "m-en", *foreign, ""))
    for spelling in ("Defense", "Defence"):
        heads.append((f"Ministry of {spelling} of {{member}}", "m-of", *defence, ""))
        heads.append((f"Ministry of National {spelling} of {{member}}", "m-of", *defence, ""))
        heads.append((f"{{member}} Ministry of {spelling}", "m-short m-dem", *defence, ""))
        heads.append((f"{{member}} Ministry of National {spelling}", "m-short m-dem", *defence, ""))
        heads.append((f"{{member}} {spelling} Ministry", "m-short m-dem", *defence, ""))
        heads.append((f"{{member}}'s {spelling} Ministry", "m-en", *defence, ""))
        heads.append((f"{{member}}\u2019s {spelling} Ministry", "m-en", *defence, ""))
    for forms, slug, portfolio, ja_heads in PORTFOLIOS:
        ministry = (f"Ministry of {portfolio} of {{name}}", f"gov:{{code}}-{slug}")
        for form in forms:
            heads.append((f"Ministry of {form} of {{member}}", "m-of", *ministry, ""))
            heads.append((f"{{member}} Ministry of {form}", "m-short m-dem", *ministry, ""))
        # No possessive forms (`India's Finance Ministry`): rare in official
        # text, and 24 heads x every English name cost start-up time.
        bare = forms[-1]
        if " " not in bare:
            heads.append((f"{{member}} {bare} Ministry", "m-short m-dem", *ministry, ""))
        for jh in ja_heads:
            heads.append((f"{{member}}{jh}", "m-ja", *ministry, "true"))
    for jh in ("外務省", "外交部"):
        heads.append((f"{{member}}{jh}", "m-ja", *foreign, "true"))
    for jh in ("国防省", "国防部"):
        heads.append((f"{{member}}{jh}", "m-ja", *defence, "true"))
    write_heads("country_body_heads.csv", heads)
    write_heads("country_military_heads.csv", military)


def write_heads(name, rows):
    """Writes a heads CSV of a compound rule into rules/gazetteers/."""
    out = os.path.join(GAZ, name)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["head", "classes", "canonical", "id", "case_sensitive"])
        w.writerows(rows)
    print(f"{len(rows)} heads -> {out}")


if __name__ == "__main__":
    main()
