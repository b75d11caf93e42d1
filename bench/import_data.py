"""The benchmark's files: a large meetings register as a Dutch Excel user exports it.

Deterministic (a fixed seed), written once and cached under bench/.cache/ (git-ignored).
The CSV is what Dutch Excel writes as "CSV UTF-8 (gescheiden door lijstscheidingsteken)":
UTF-8 with BOM, semicolons, CRLF, Dutch headers and words, day-first dates, ja/nee. The
workbook has the same columns below a title row, with real date cells and numbers.
A few rows in ten thousand hold a mistake people make (an impossible date, a word where
a number belongs, an unknown meeting type), so the error path is measured too.
"""

import csv
import random
from datetime import date, timedelta
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
VERSION = 2  # bump when the generated files change, so stale caches are not reused

HEADERS = [
    "id",
    "datum overleg",
    "leverancier",
    "type overleg",
    "aanwezige inkopers",
    "onderwerpen",
    "agenda vooraf verstuurd",
    "afspraken schriftelijk bevestigd",
    "feedback gevraagd",
    "aantal afspraken",
    "opmerkingen",
]
TITLE = "Bijeenkomstenregister leveranciersdialoog, export"

_FIRST = [
    "Noordwind", "Voltara", "Rheintal", "Solvento", "Qihang", "Delta", "Kempen", "Havenstad",
    "Maasland", "Iberia", "Baltic", "Nordic", "Alpen", "Polder", "Vistula", "Danubia", "Tatra",
    "Schelde", "Lusitania", "Carpathia", "Adria", "Helvetia", "Bohemia", "Pannonia", "Anatolia",
]  # fmt: skip
_SECOND = [
    "Bus Systems", "Cars", "Omnibus Werke", "Electric", "Mobility", "Coach", "Components",
    "Batteries", "Drives", "Textiles", "Uniforms", "Furniture", "IT Hardware", "Cleaning",
    "Catering", "Workwear", "Steel", "Cables", "Solar", "Rail Parts",
]  # fmt: skip
_SUFFIX = ["B.V.", "GmbH", "S.A.", "Ltd.", "N.V.", "", "", "AG", "S.p.A.", "Co., Ltd."]
BUYERS = [
    f"{kind} {place}"
    for kind in ("Gemeente", "Provincie", "Vervoerregio", "Dienst", "Stad")
    for place in (
        "Havenstad",
        "Dijkerveen",
        "Westerland",
        "Delta-Noord",
        "Scheldebrugge",
        "Kempenmaas",
        "Één",
    )
]
TYPES = ["dialoog", "dialoog", "dialoog", "vervolggesprek", "vervolggesprek", "locatiebezoek", ""]
TOPICS = [
    "beleid", "gedragscode", "risicoanalyse", "traceerbaarheid", "productielocaties",
    "plan van aanpak", "verbeterplan", "inkooppraktijken", "monitoring", "audit", "kpi's",
    "rapportage", "communicatie", "klachtenmechanisme", "herstel",
]  # fmt: skip
_NOTES = [
    "Eerste bespreking traceerbaarheid; risicoanalyse nog algemeen.",
    "Verwachtingen van de inkopersgroep toegelicht; contactpersoon HREDD benoemd.",
    "Kennismaking; leverancier lichtte beleid en gedragscode toe.",
    "Leverancier deelt lijst productielocaties tier 2 voor {month}.",
    "Audit fabriek {n} besproken, verbeterplan volgt binnen {days} dagen.",
    "Klacht over werktijden, herstel afgesproken met de vakbond.",
    "Inkooppraktijken: levertijden en prijzen besproken, geen afspraken.",
    "KPI's over lonen toegezegd voor kwartaalrapportage.",
    "Bezoek productielocatie {n}: gesprek met werknemersvertegenwoordigers.",
    'Notulen volgen; "vertrouwelijk" deel niet gedeeld.',
    "",
    "",
    "",
    "",
    "",
]
_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september"]
# (column, bad value) pairs written into about 3 rows in 10,000
_MISTAKES = [(1, "31-02-2024"), (9, "twee"), (3, "koffie"), (1, "volgende week"), (6, "misschien")]


def suppliers(rng: random.Random, count: int = 500) -> list[str]:
    names = []
    while len(names) < count:
        name = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)} {rng.choice(_SUFFIX)}".strip()
        if name not in names:
            names.append(name)
    return names


def _variant(rng: random.Random, name: str) -> str:
    # Registers spell a supplier inconsistently now and then: case and spacing.
    roll = rng.random()
    if roll < 0.01:
        return name.upper()
    if roll < 0.02:
        return name.replace(" ", "  ", 1)
    return name


def meeting_rows(rows: int, seed: int = 20261122):
    """The register's rows, as Python values: (id, date, supplier, type, buyers, topics, 3 yes/no, agreements, notes)."""
    rng = random.Random(seed)
    names = suppliers(rng)
    start = date(2019, 1, 1)
    for number in range(1, rows + 1):
        kind = rng.choice(TYPES)
        market = rng.random() < 0.01
        supplier = "" if market else _variant(rng, rng.choice(names))
        if market:
            kind = "marktbijeenkomst"
        note = rng.choice(_NOTES).format(
            month=rng.choice(_MONTHS), n=rng.randint(1, 900), days=rng.choice((30, 60, 90))
        )
        if rng.random() < 0.002:
            note = f"{note}\nVervolg: zie verslag {number}."  # a note with a line break, quoted
        row = [
            f"M-{number:07d}",
            start + timedelta(days=rng.randrange(2900)),
            supplier,
            kind,
            "; ".join(rng.sample(BUYERS, rng.choice((1, 1, 2, 2, 3, 4)))),
            "; ".join(rng.sample(TOPICS, rng.choice((1, 2, 2, 3, 4)))),
            *(rng.choice(("ja", "nee", "ja", "")) for _ in range(3)),
            rng.choice((0, 0, 1, 1, 2, 3, 5)),
            note,
        ]
        if rng.random() < 0.0003:
            column, value = rng.choice(_MISTAKES)
            row[column] = value
        yield row


def csv_file(rows: int) -> Path:
    """The meetings CSV with this many rows, written on first use."""
    path = CACHE / f"meetings_{rows}_v{VERSION}.csv"
    if path.exists():
        return path
    CACHE.mkdir(exist_ok=True)
    partial = path.with_suffix(".part")
    with partial.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADERS)
        for row in meeting_rows(rows):
            if isinstance(row[1], date):
                row[1] = row[1].strftime("%d-%m-%Y")
            writer.writerow(row)
    partial.rename(path)
    return path


def workbook_file(rows: int) -> Path:
    """The meetings workbook with this many rows (a title row, a blank row, then the table)."""
    path = CACHE / f"meetings_{rows}_v{VERSION}.xlsx"
    if path.exists():
        return path
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    CACHE.mkdir(exist_ok=True)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Bijeenkomsten")
    sheet.append([TITLE])
    sheet.append([])
    sheet.append([h[:1].upper() + h[1:] for h in HEADERS])
    for row in meeting_rows(rows, seed=20261123):
        if isinstance(row[1], date):
            cell = WriteOnlyCell(sheet, value=row[1])
            cell.number_format = "dd-mm-yyyy"
            row[1] = cell
        sheet.append([value if value != "" else None for value in row])
    partial = path.with_suffix(".part")
    workbook.save(partial)
    partial.rename(path)
    return path
