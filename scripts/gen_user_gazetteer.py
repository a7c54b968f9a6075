#!/usr/bin/env python3
"""Generate a user's large gazetteer: N multi-word company-like terms.

Issue 13 asks that a researcher's own list of 200,000 names (companies,
places, people) load in under a second and keep the run at half the
throughput or more. A committed 200k-line file would be 13 MB of noise in
the repository, so `scripts/bench.sh` makes one with this generator into a
copy of the rules (`yomitori rules dump DIR`):

    scripts/gen_user_gazetteer.py --rules DIR --terms 200000

writes DIR/user_companies.toml (one gazetteer rule, `user-company`, type
ORG) and DIR/gazetteers/user_companies.csv. The terms are reproducible
(no randomness): two thirds Latin (`Northfield Quantum Logistics Holdings`),
one third Japanese (`北浜精密物流ホールディングス`), each with a canonical
name and an id `user:N`; one in eight has a second surface (an alias) that
shares its canonical name and id, as real lists do.
"""

import argparse
import csv
import itertools
from pathlib import Path

LATIN_A = """Northfield Southgate Eastwood Westbrook Ashford Bellmont Carrow Dunmore
Elmsworth Fairhaven Glenrock Harwick Ironvale Juniper Kestrel Larkspur Marlow
Newhaven Oakridge Pinecrest Quarry Redwood Silverton Thornbury Upland Valemont
Willowby Yarrow Zenith Amberly Birchwood Coldwater Deepwell Everly Foxglove
Greystone Hollins Ivybridge Kingsley Lowther""".split()
LATIN_B = """Quantum Precision Global Coastal Alpine Pacific Atlantic Summit Harbor
Pioneer Heritage Frontier Crescent Meridian Beacon Keystone Cardinal Liberty
Sterling Vanguard Horizon Orbital Granite Cobalt Sapphire Emerald Copper Titan
Nimbus Aurora""".split()
LATIN_C = """Logistics Holdings Systems Partners Industries Dynamics Analytics Foods
Textiles Minerals Energy Robotics Biotech Capital Shipping Airways Motors Labs
Networks Ventures Materials Pharma Semiconductors Insurance Foundry Chemicals
Instruments Optics Metals Software""".split()
LATIN_D = ["Holdings", "Group", "Corporation", "Inc.", "Ltd.", "Co."]
JA_A = """北浜 南港 東雲 西陣 青葉 朝日 富士見 若葉 桜川 松原 梅田 竹芝 緑町 白山 黒潮
赤坂 金沢 銀座 錦町 平和 栄町 豊洲 旭 光が丘 春日 秋葉 夏目 冬木 大和 千代田""".split()
JA_B = """精密 物流 化学 電機 製薬 食品 繊維 鉄鋼 海運 航空 通信 建設 不動産 証券 保険
機械 工業 電子 光学 素材""".split()
JA_C = """ホールディングス 株式会社 工業 商事 産業 製作所 システムズ 技研 興産 グループ""".split()


def latin_terms():
    for a, b, c, d in itertools.product(LATIN_A, LATIN_B, LATIN_C, LATIN_D):
        if c != d:
            yield f"{a} {b} {c} {d}", f"{a} {b} {c}"


def japanese_terms():
    for a, a2, b, c in itertools.product(JA_A, JA_A, JA_B, JA_C):
        if a != a2:
            name = f"{a}{a2}{b}{c}"
            yield name, f"{a}{a2}{b}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rules", required=True, type=Path, help="a rules folder (yomitori rules dump DIR)")
    ap.add_argument("--terms", type=int, default=200_000, help="number of terms (canonical names)")
    args = ap.parse_args()
    latin, japanese = latin_terms(), japanese_terms()
    rows = []
    for n in range(args.terms):
        source = japanese if n % 3 == 2 else latin
        surface, alias = next(source)
        canonical = surface
        rows.append((surface, canonical, f"user:{n}"))
        if n % 8 == 0:
            rows.append((alias, canonical, f"user:{n}"))
    gaz = args.rules / "gazetteers"
    gaz.mkdir(parents=True, exist_ok=True)
    with open(gaz / "user_companies.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["surface", "canonical", "id"])
        seen = set()
        for row in rows:
            if row[0] not in seen:
                seen.add(row[0])
                w.writerow(row)
    (args.rules / "user_companies.toml").write_text(
        'description = "A generated user gazetteer (scripts/gen_user_gazetteer.py)."\n\n'
        "[[rule]]\n"
        'id = "user-company"\n'
        'kind = "entity"\n'
        'type = "ORG"\n'
        'gazetteer = "gazetteers/user_companies.csv"\n',
        encoding="utf-8",
    )
    print(f"{len(seen)} surfaces of {args.terms} terms -> {gaz / 'user_companies.csv'}")


if __name__ == "__main__":
    main()
