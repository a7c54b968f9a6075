#!/usr/bin/env python3
"""Regenerate the country and nationality gazetteers from pinned data packages.

    python3 scripts/gen_gazetteers.py            # fetch (npm pack), verify, write
    python3 scripts/gen_gazetteers.py --offline DIR
                                                 # use tarballs already in DIR

Developer-run, not part of the build or CI: the generated CSVs are committed,
so a build or a run needs no network, and a data update is one command and a
reviewable diff. Python standard library plus `npm pack`.

Inputs (versions and sha512 integrities pinned in PINS below):

* Unicode CLDR JSON, `cldr-localenames-full` (main/en, main/ja
  territories.json) and `cldr-core` (supplemental codeMappings.json and
  aliases.json, for the list of ISO 3166-1 codes). Unicode-3.0.
* `i18n-iso-countries` langs/en.json: English aliases (USA, UK, Republic of
  Korea, ...). MIT. Its other languages are not used (unstated provenance).
* `i18n-nationality` langs/en.json: English demonyms (Japanese, Vietnamese,
  Indian). MIT.
* `rules/gazetteers/curated/countries.csv`: the hand-kept additions, removals
  and canonical names, merged last so that regeneration never loses them.

Outputs, under `rules/gazetteers/`:

* `countries.csv`: COUNTRY surfaces (English and Japanese) -> canonical
  English short name and ISO 3166-1 alpha-2 id.
* `nationalities.csv`: NATIONALITY surfaces (English demonyms, Japanese
  X人 forms) -> the country's canonical name and id.
* `licenses/`: the licence texts of the packages the data comes from.

Merge rules (documented in docs/entities.md):

* Codes: every two-letter code of CLDR codeMappings with a numeric code
  outside 9xx that CLDR does not mark deprecated (249 ISO 3166-1 entries),
  plus XK (Kosovo, user-assigned, as CLDR and i18n-iso-countries have it).
* Canonical name: the CLDR en name with `&` -> `and`, `St.` -> `Saint` and a
  parenthesised part removed, unless the curated file sets one.
* Display-only CLDR forms (`Congo - Kinshasa`) and inverted ISO forms
  (`Korea, Republic of`) are not surfaces.
* An alias owned by more than one code is dropped and reported, unless the
  curated file assigns it (the curated file always wins).
* Case: surfaces with an upper-case letter after the first, with a period,
  or of three characters or fewer are case-sensitive (US, U.S., UK); other
  Latin names match in any ASCII case (JAPAN, Japan) except those whose
  lower-case form is an English word (china, turkey, chad, ...).
"""

import argparse
import base64
import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "rules" / "gazetteers"
CURATED = GAZ / "curated" / "countries.csv"

PINS = {
    "cldr-localenames-full": {
        "version": "48.2.0",
        "integrity": "sha512-4o0paYDz0UXhfhChAVFkmVl2CP0YTSEqE6WrC0fNafaSC5u5DAXphxH3SZ1Ujczarikr8DToKZfiok6EqWLdNQ==",
        "files": ["package/main/en/territories.json", "package/main/ja/territories.json", "package/LICENSE"],
        "license": ("Unicode-3.0", "LICENSE-Unicode-3.0.txt"),
    },
    "cldr-core": {
        "version": "48.2.0",
        "integrity": "sha512-zfmLothncSwfv2jlevoSrgI2VGgH8SDGHXst6jUEotHA8nq9Igeg9jzdJDFtBso9pgJuG89DK16TzrmZDdo2Bg==",
        "files": ["package/supplemental/codeMappings.json", "package/supplemental/aliases.json"],
        "license": None,  # the same Unicode licence as cldr-localenames-full
    },
    "i18n-iso-countries": {
        "version": "7.14.0",
        "integrity": "sha512-nXHJZYtNrfsi1UQbyRqm3Gou431elgLjKl//CYlnBGt5aTWdRPH1PiS2T/p/n8Q8LnqYqzQJik3Q7mkwvLokeg==",
        "files": ["package/langs/en.json", "package/LICENSE"],
        "license": ("MIT", "LICENSE-MIT-i18n-iso-countries.txt"),
    },
    "i18n-nationality": {
        "version": "1.4.0",
        "integrity": "sha512-/zZBGY8TbdL4xsIo5RMe1XTdMyHlHhLA6S2u7XsYJDh2c2ONVwxf0Pz5yKcLjKxtl8ma4jgtGnUaEgF/4ZOWbQ==",
        "files": ["package/langs/en.json", "package/LICENSE"],
        "license": ("MIT", "LICENSE-MIT-i18n-nationality.txt"),
    },
}

# CLDR region codes that are not countries or territories here: the EU and
# the UN are organizations (rules/gazetteers/organizations.csv), the rest are
# groupings and pseudo-regions.
NOT_TERRITORIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}

# Parenthesised parts of CLDR names that are not names of the place.
NOT_NAMES = {"Republic", "Kingdom of the", "キンシャサ", "ブラザビル", "Keeling", "キーリング"}

# Latin names whose lower-case form is an ordinary English word: they stay
# case-sensitive so that `turkey` or `china` (porcelain) never match.
COMMON_WORDS = {
    "chad", "china", "cuba", "georgia", "guernsey", "guinea", "jersey", "jordan", "niger",
    "panama", "turkey", "chile", "martinique", "montserrat", "reunion", "togo",
}

# Endings of Japanese names after which `人` does not make a demonym
# (アメリカ合衆国人, パレスチナ自治区人 are not words).
JA_NO_DEMONYM = ("合衆国", "共和国", "王国", "連邦", "公国", "首長国", "自治区", "特別行政区",
                 "諸島", "島", "地域", "領", "市国", "地区", "カリブ", "南極", "連合")

HEADER = ["surface", "canonical", "id", "type", "case_sensitive", "source"]


def fetch(dest: Path, offline: Path | None) -> dict[str, dict[str, bytes]]:
    """Runs `npm pack` for each pin (or reads DIR), checks the sha512
    integrity, and returns the listed files of each package."""
    out = {}
    for name, pin in PINS.items():
        tgz_name = f"{name}-{pin['version']}.tgz"
        if offline:
            tgz = offline / tgz_name
        else:
            subprocess.run(
                ["npm", "pack", f"{name}@{pin['version']}", "--pack-destination", str(dest), "--silent"],
                check=True, stdout=subprocess.DEVNULL,
            )
            tgz = dest / tgz_name
        data = tgz.read_bytes()
        got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
        if got != pin["integrity"]:
            sys.exit(f"{tgz_name}: integrity mismatch\n  pinned {pin['integrity']}\n  got    {got}")
        files = {}
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            for f in pin["files"]:
                files[f] = tar.extractfile(f).read()
        out[name] = files
    return out


def jload(b: bytes):
    return json.loads(b.decode("utf-8"))


def iso_codes(core: dict[str, bytes]) -> list[str]:
    maps = jload(core["package/supplemental/codeMappings.json"])["supplemental"]["codeMappings"]
    deprecated = jload(core["package/supplemental/aliases.json"])["supplemental"]["metadata"]["alias"][
        "territoryAlias"]
    codes = [
        c for c, v in maps.items()
        if len(c) == 2 and c.isalpha() and "_numeric" in v and not v["_numeric"].startswith("9")
        and c not in deprecated
    ]
    return sorted(set(codes) | {"XK"})


def expand_en(name: str) -> str:
    name = name.replace(" & ", " and ")
    name = re.sub(r"\bSt\. ", "Saint ", name)
    return name.replace("\u2019", "'")


def split_parens(name: str) -> list[str]:
    """`Myanmar (Burma)` -> [Myanmar, Burma]; stop-listed parts are dropped."""
    m = re.fullmatch(r"(.*?)\s*[(（](.*?)[)）]\s*(.*)", name)
    if not m:
        return [name]
    outer = (m.group(1) + (" " + m.group(3) if m.group(3) else "")).strip()
    inner = m.group(2).strip()
    parts = [outer]
    if inner not in NOT_NAMES:
        parts.append(inner)
    return parts


def usable(surface: str) -> bool:
    # Display-only CLDR forms and inverted ISO forms are not running text.
    return bool(surface) and " - " not in surface and ", " not in surface


def is_latin(s: str) -> bool:
    return all(ord(c) < 0x3000 for c in s)


def case_sensitive(surface: str) -> bool:
    if not is_latin(surface):
        return True  # no case to fold
    return (
        len(surface) <= 3  # US, UK, ROK
        or "." in surface  # U.S., U.S.A.
        or surface.upper() == surface  # USA, UAE, DPRK
        or surface.lower() in COMMON_WORDS
    )


def ja_demonym_base(name: str) -> bool:
    if " " in name or "(" in name or "・" in name:
        return False
    if name.endswith(JA_NO_DEMONYM):
        return False
    # 3+ characters ending in 国 are official forms (ドミニカ国); 米国, 中国 are fine.
    return not (len(name) >= 3 and name.endswith("国"))


def read_curated() -> list[dict]:
    with CURATED.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["action"] and not r["action"].startswith("#")]
    for r in rows:
        if r["action"] not in {"add", "drop", "canonical"}:
            sys.exit(f"{CURATED}: unknown action {r['action']!r}")
        if r["action"] != "canonical" and r["type"] not in {"COUNTRY", "NATIONALITY"}:
            sys.exit(f"{CURATED}: row {r}: type must be COUNTRY or NATIONALITY")
    return rows


def build(pkgs: dict[str, dict[str, bytes]]):
    loc = pkgs["cldr-localenames-full"]
    en = jload(loc["package/main/en/territories.json"])["main"]["en"]["localeDisplayNames"]["territories"]
    ja = jload(loc["package/main/ja/territories.json"])["main"]["ja"]["localeDisplayNames"]["territories"]
    iso_en = jload(pkgs["i18n-iso-countries"]["package/langs/en.json"])["countries"]
    nat_en = jload(pkgs["i18n-nationality"]["package/langs/en.json"])["nationalities"]
    codes = [c for c in iso_codes(pkgs["cldr-core"]) if c not in NOT_TERRITORIES]
    curated = read_curated()

    canonical = {}
    # (type, surface) -> {code: source}
    owners: dict[tuple[str, str], dict[str, str]] = {}

    def offer(ty: str, surface: str, code: str, source: str):
        surface = surface.strip()
        if not usable(surface):
            return
        owners.setdefault((ty, surface), {}).setdefault(code, source)

    for code in codes:
        keys = [code] + sorted(k for k in en if k.startswith(code + "-alt-"))
        for k in keys:
            for part in split_parens(expand_en(en[k])):
                offer("COUNTRY", part, code, "cldr-en")
        canonical[code] = split_parens(expand_en(en[code]))[0]
        for k in [code] + sorted(k for k in ja if k.startswith(code + "-alt-")):
            for part in split_parens(ja[k]):
                offer("COUNTRY", part.replace(" ", ""), code, "cldr-ja")
        aliases = iso_en.get(code, [])
        for a in aliases if isinstance(aliases, list) else [aliases]:
            for part in split_parens(a):
                offer("COUNTRY", part, code, "i18n-iso-countries")
                if "'" in part or "’" in part:
                    offer("COUNTRY", part.replace("’", "'"), code, "i18n-iso-countries")

    en_names = {s.lower() for (ty, s) in owners if ty == "COUNTRY"}
    for code in codes:
        demonym = nat_en.get(code)
        if not demonym or "(" in demonym:
            continue  # a territory pointing at another's demonym: `French (French Guiana)`
        for d in re.split(r" or | - ", demonym):
            if d.lower() not in en_names:  # `Bermuda`, `South Sudan`: a name, not a demonym
                offer("NATIONALITY", d, code, "i18n-nationality")

    for r in curated:
        if r["action"] == "canonical":
            canonical[r["id"]] = r["surface"]

    drops = {(r["type"], r["surface"]) for r in curated if r["action"] == "drop"}
    adds = {(r["type"], r["surface"]): r for r in curated if r["action"] == "add"}

    # Japanese demonyms: X人 from the Japanese country names (CLDR and curated).
    ja_names = [(s, codes_) for (ty, s), codes_ in owners.items() if ty == "COUNTRY" and not is_latin(s)]
    ja_names += [((s), {adds[(ty, s)]["id"]: "curated"}) for (ty, s) in adds if ty == "COUNTRY" and not is_latin(s)]
    for s, by in ja_names:
        if ja_demonym_base(s):
            for code in by:
                offer("NATIONALITY", s + "人", code, "ja-demonym")

    rows = {"COUNTRY": [], "NATIONALITY": []}
    report = []
    for (ty, surface), by in sorted(owners.items()):
        if (ty, surface) in drops or (ty, surface) in adds:
            continue
        if len(by) > 1:
            report.append(f"dropped ambiguous {ty} `{surface}`: {', '.join(sorted(by))}")
            continue
        code, source = next(iter(by.items()))
        rows[ty].append((surface, code, source))
    for (ty, surface), r in adds.items():
        rows[ty].append((surface, r["id"], "curated"))
    for key in sorted(drops - set(owners)):
        report.append(f"curated drop of `{key[1]}` ({key[0]}) matches nothing generated")
    for ty in rows:
        # Case-insensitive surfaces that differ only in case are one term.
        seen = {}
        dedup = []
        for surface, code, source in sorted(rows[ty], key=lambda x: (x[1], x[0])):
            cs = case_sensitive(surface)
            key = surface if cs else surface.lower()
            if key in seen:
                if seen[key] != code:
                    report.append(f"case collision {ty} `{surface}`: {seen[key]} vs {code}; kept {seen[key]}")
                continue
            seen[key] = code
            dedup.append((surface, code, source, cs))
        rows[ty] = dedup
    missing = [c for c in codes if not any(code == c for (_, code, _, _) in rows["COUNTRY"])]
    if missing:
        sys.exit(f"codes without any surface: {missing}")
    return rows, canonical, codes, report


def write_csv(path: Path, ty: str, rows, canonical):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    for surface, code, source, cs in rows:
        w.writerow([surface, canonical[code], code, ty if ty == "NATIONALITY" else "", "true" if cs else "false",
                    source])
    path.write_text(buf.getvalue(), encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--offline", type=Path, help="folder holding the pinned .tgz files (no npm)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pkgs = fetch(Path(tmp), args.offline)
    rows, canonical, codes, report = build(pkgs)
    write_csv(GAZ / "countries.csv", "COUNTRY", rows["COUNTRY"], canonical)
    write_csv(GAZ / "nationalities.csv", "NATIONALITY", rows["NATIONALITY"], canonical)
    lic = GAZ / "licenses"
    lic.mkdir(exist_ok=True)
    for name, pin in PINS.items():
        if pin["license"]:
            (lic / pin["license"][1]).write_bytes(pkgs[name]["package/LICENSE"])
    for line in report:
        print(line, file=sys.stderr)
    print(
        f"{len(codes)} codes; {len(rows['COUNTRY'])} country and {len(rows['NATIONALITY'])} nationality surfaces",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
