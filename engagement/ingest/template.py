"""The template workbook users fill in, in English or Dutch: instructions, then one sheet per table.

Everything about the tables comes from engagement.tables (sheet names, columns,
synonyms, required columns, keys) and engagement.vocabulary (dropdown values), so
the template offers exactly what the importer reads. The texts below only explain.
"""

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from engagement.tables import PROGRAMME_SYNONYMS, TABLES, Column, Table
from engagement.vocabulary import ENUMERATIONS, MEETING_TOPICS

LANGUAGES = ("en", "nl")
YES_NO = {"en": ("yes", "no"), "nl": ("ja", "nee")}
DATE_FORMAT = {"en": "yyyy-mm-dd", "nl": "dd-mm-yyyy"}
LAST_ROW = 1_048_576  # dropdowns and formats reach the sheet's last row
LIST_LIMIT = 255  # Excel's limit on an inline dropdown list

REQUIRED_FILL = PatternFill("solid", fgColor="F8CBAD")
OPTIONAL_FILL = PatternFill("solid", fgColor="DDEBF7")

PURPOSE = {
    "suppliers": (
        "The suppliers of the programme, with their country and product category.",
        "De leveranciers in het programma, met land en productcategorie.",
    ),
    "buyers": (
        "The buying organisations taking part.",
        "De inkopende organisaties die deelnemen.",
    ),
    "contracts": (
        "Which buyer has a contract with which supplier, and whether it has due diligence clauses.",
        "Welke inkoper een contract heeft met welke leverancier, en of er zorgvuldigheidseisen in staan.",
    ),
    "meetings": (
        "Dialogue meetings with suppliers, follow-ups, site visits and market events.",
        "Gesprekken met leveranciers, vervolggesprekken, locatiebezoeken en marktbijeenkomsten.",
    ),
    "actions": (
        "Agreements made with a supplier, with their deadline and when they were done.",
        "Afspraken met een leverancier, met hun deadline en wanneer ze zijn afgerond.",
    ),
    "info_requests": (
        "Information asked of suppliers, when it was answered and how completely.",
        "Informatie die bij leveranciers is opgevraagd, wanneer die kwam en hoe volledig.",
    ),
    "report_assessments": (
        "The yearly assessment of each supplier's due diligence report (scores 0 to 2).",
        "De jaarlijkse beoordeling van de rapportage van elke leverancier (scores 0 tot 2).",
    ),
    "sites": (
        "The supply chain: production sites per product and component, up to tier 3.",
        "De keten: productielocaties per product en onderdeel, tot en met schakel 3.",
    ),
    "grievances": (
        "Complaints from workers or others, their handling and remedy.",
        "Klachten en meldingen van werknemers of anderen, de afhandeling en het herstel.",
    ),
    "escalations": (
        "Escalation steps taken with a supplier, from dialogue to termination.",
        "Escalatiestappen richting een leverancier, van dialoog tot ontbinding.",
    ),
}

TEXT = {
    "en": {
        "instructions": "Instructions",
        "title": "Template for importing supplier engagement records",
        "paragraphs": [
            "Each sheet after this one holds one kind of record. Fill in the sheets you need; "
            "leave the others empty or delete them. Keep the first row of each sheet: it names the columns.",
            "Columns in bold (orange) must be filled in every row; the others may stay blank. "
            "Point at a column's name to see what it holds and which values are allowed.",
            "Headers may be in English or in Dutch: 'supplier' and 'leverancier' both work, in any "
            "capitals, with spaces or underscores. Columns the importer does not know are kept as extra data.",
            "Dates: 2024-03-31 or 31-03-2024 (day first), or a date typed into Excel. "
            "Yes/no columns: yes or no (ja/nee, true/false, 1/0 and x for yes also work); blank means unknown.",
            "Columns with a dropdown take one of its values; the Dutch and English words in the "
            "column's note are accepted too. Lists (buyers, topics, remedy) are separated by ; or a new line.",
            "Meeting topics: {topics}. Other topics are kept as written.",
            "Programme: rows go to the programme chosen when importing. To set it per row, add a column "
            "named {programme}.",
            "Importing: drag this file onto the Upload page of the dashboard, or run "
            "python -m engagement import FILE --programme NAME. A row whose key already exists is "
            "updated; importing the same file twice changes nothing. Rows that cannot be read are "
            "listed with the reason, and can be downloaded to correct and import again.",
        ],
        "table_header": (
            "Sheet",
            "What it holds",
            "Required columns",
            "Other columns",
            "A row is identified",
        ),
        "key": "by {key}",
        "fallback": "by {key}, or when blank by {fallback}",
        "also": "also",
        "none": "(none)",
        "required": "Required.",
        "optional": "Optional.",
        "other_headers": "Other headers that work: {labels}.",
        "kind": {
            "text": "Text.",
            "date": "A date, such as 2024-03-31 or 31-03-2024.",
            "bool": "yes or no (blank: unknown).",
            "int": "A whole number.",
            "number": "A number (decimal point or comma).",
            "list": "One or more, separated by ;",
            "topics": "Topics, separated by ;",
            "enum": "One of: {values}.",
        },
        "range": "From {minimum} to {maximum}.",
        "at_least": "At least {minimum}.",
        "names": "A {kind} name: spellings are matched through the aliases you keep.",
        "market_event": "May be blank for a market event.",
        "dropdown_error": "Choose from the list (the other words in the column's note also work).",
    },
    "nl": {
        "instructions": "Instructies",
        "title": "Sjabloon voor het importeren van gegevens over leveranciersdialoog",
        "paragraphs": [
            "Elk blad na dit blad bevat één soort gegevens. Vul de bladen in die u nodig hebt; laat de "
            "andere leeg of verwijder ze. Laat de eerste rij van elk blad staan: die noemt de kolommen.",
            "Vetgedrukte (oranje) kolommen zijn in elke rij verplicht; de andere mogen leeg blijven. "
            "Wijs een kolomnaam aan om te zien wat erin hoort en welke waarden zijn toegestaan.",
            "Kolomkoppen mogen Nederlands of Engels zijn: 'leverancier' en 'supplier' werken allebei, "
            "met hoofdletters, spaties of liggende streepjes. Onbekende kolommen worden als extra gegevens bewaard.",
            "Datums: 31-03-2024 (dag eerst) of 2024-03-31, of een in Excel getypte datum. "
            "Ja/nee-kolommen: ja of nee (yes/no, waar/onwaar, 1/0 en x voor ja werken ook); leeg is onbekend.",
            "Kolommen met een keuzelijst nemen een waarde uit de lijst; de Nederlandse en Engelse woorden "
            "in de toelichting van de kolom worden ook herkend. Lijsten (inkopers, onderwerpen, herstel) "
            "scheidt u met ; of een nieuwe regel.",
            "Onderwerpen van overleggen: {topics}. Andere onderwerpen worden bewaard zoals geschreven.",
            "Programma: rijen komen in het programma dat bij het importeren is gekozen. Om het per rij "
            "te bepalen voegt u een kolom {programme} toe.",
            "Importeren: sleep dit bestand naar de uploadpagina van het dashboard, of voer "
            "python -m engagement import BESTAND --programme NAAM uit. Een rij waarvan de sleutel al "
            "bestaat wordt bijgewerkt; hetzelfde bestand twee keer importeren verandert niets. Rijen die "
            "niet te lezen zijn worden met de reden gemeld en kunnen worden gedownload om te verbeteren "
            "en opnieuw te importeren.",
        ],
        "table_header": (
            "Blad",
            "Wat erin staat",
            "Verplichte kolommen",
            "Andere kolommen",
            "Een rij is bepaald",
        ),
        "key": "door {key}",
        "fallback": "door {key}, of als die leeg is door {fallback}",
        "also": "ook",
        "none": "(geen)",
        "required": "Verplicht.",
        "optional": "Niet verplicht.",
        "other_headers": "Andere kolomkoppen die werken: {labels}.",
        "kind": {
            "text": "Tekst.",
            "date": "Een datum, zoals 31-03-2024 of 2024-03-31.",
            "bool": "ja of nee (leeg: onbekend).",
            "int": "Een geheel getal.",
            "number": "Een getal (decimale komma of punt).",
            "list": "Een of meer, gescheiden door ;",
            "topics": "Onderwerpen, gescheiden door ;",
            "enum": "Een van: {values}.",
        },
        "range": "Van {minimum} tot en met {maximum}.",
        "at_least": "Minstens {minimum}.",
        "names": "Een naam van een {kind}: schrijfwijzen worden via uw aliassen herkend.",
        "market_event": "Mag leeg blijven bij een marktbijeenkomst.",
        "dropdown_error": "Kies uit de lijst (de andere woorden in de toelichting werken ook).",
    },
}
KIND_OF_NAME = {
    "en": {"suppliers": "supplier", "buyers": "buyer"},
    "nl": {"suppliers": "leverancier", "buyers": "inkoper"},
}


def sheet_name(table: Table, lang: str) -> str:
    """The table's English name (en) or its first Dutch sheet name (nl)."""
    if lang == "en":
        return table.name
    return next(name for name in table.sheet_names if name != table.name)


def header_label(column: Column, lang: str) -> str:
    """The column's canonical name (en) or its first Dutch synonym (nl; the name when it has none)."""
    if lang == "en" or not column.synonyms:
        return column.name
    return column.synonyms[0]


def choice_word(enum: str, value: str, lang: str) -> str:
    """What the dropdown offers for a value: the value itself (en) or its first Dutch word (nl)."""
    words = ENUMERATIONS[enum][value]
    return value if lang == "en" or not words else words[0]


def choices(column: Column, lang: str) -> list[str] | None:
    """The dropdown of a column: its enumeration's words, yes/no for a boolean, else None."""
    if column.kind == "enum":
        return [choice_word(column.enum, value, lang) for value in ENUMERATIONS[column.enum]]
    if column.kind == "bool":
        return list(YES_NO[lang])
    return None


def template_workbook(lang: str) -> bytes:
    """The template workbook (.xlsx) in English ("en") or Dutch ("nl")."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (choose from {', '.join(LANGUAGES)})")
    workbook = Workbook()
    _instructions(workbook.active, lang)
    for table in TABLES.values():
        _table_sheet(workbook.create_sheet(sheet_name(table, lang)), table, lang)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _instructions(sheet, lang: str) -> None:
    text = TEXT[lang]
    sheet.title = text["instructions"]
    sheet.append([text["title"]])
    sheet["A1"].font = Font(bold=True, size=14)
    topics = "; ".join(
        _topic_words(topic, words, step, lang) for topic, (step, words) in MEETING_TOPICS.items()
    )
    programme = " / ".join(PROGRAMME_SYNONYMS)
    for paragraph in text["paragraphs"]:
        sheet.append([])
        sheet.append([paragraph.format(topics=topics, programme=programme)])
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        sheet.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[row].height = 15 * (1 + len(paragraph) // 150)
    sheet.append([])
    sheet.append(list(text["table_header"]))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.fill = OPTIONAL_FILL
    for table in TABLES.values():
        required = [c for c in table.columns if c.required]
        optional = [c for c in table.columns if not c.required]
        sheet.append(
            [
                sheet_name(table, lang),
                PURPOSE[table.name][LANGUAGES.index(lang)],
                "; ".join(_column_words(c, lang) for c in required) or text["none"],
                "; ".join(_column_words(c, lang) for c in optional) or text["none"],
                _key_text(table, lang),
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDE", (22, 45, 45, 60, 35), strict=True):
        sheet.column_dimensions[letter].width = width


def _topic_words(topic: str, words: list[str], step: int, lang: str) -> str:
    """'policy (beleid; OECD 1)' in English, 'beleid (policy; OECD 1)' in Dutch."""
    shown = [topic, *words] if lang == "en" else [*words, topic]
    return f"{shown[0]} ({', '.join([*shown[1:], f'OECD {step}'])})"


def _column_words(column: Column, lang: str) -> str:
    """'supplier (also: leverancier)': the column's header in this language, then the others that work."""
    label = header_label(column, lang)
    others = [w for w in (column.name, *column.synonyms) if w != label]
    return f"{label} ({TEXT[lang]['also']}: {', '.join(others)})" if others else label


def _key_text(table: Table, lang: str) -> str:
    def joined(names):
        return " + ".join(header_label(table.column(n), lang) for n in names)

    text = TEXT[lang]
    if table.fallback_key:
        return text["fallback"].format(key=joined(table.natural_key), fallback=joined(table.fallback_key))
    return text["key"].format(key=joined(table.natural_key))


def _table_sheet(sheet, table: Table, lang: str) -> None:
    sheet.append([header_label(c, lang) for c in table.columns])
    sheet.freeze_panes = "A2"
    for position, column in enumerate(table.columns, start=1):
        letter = get_column_letter(position)
        cell = sheet.cell(1, position)
        cell.font = Font(bold=column.required)
        cell.fill = REQUIRED_FILL if column.required else OPTIONAL_FILL
        note = _column_note(table, column, lang)
        cell.comment = Comment(
            note, "template", width=360, height=40 + 16 * (len(note) // 45 + note.count("\n"))
        )
        dimension = sheet.column_dimensions[letter]
        dimension.width = _width(column, lang)
        if column.kind == "date":
            dimension.number_format = DATE_FORMAT[lang]
        options = choices(column, lang)
        if options:
            _add_dropdown(sheet, f"{letter}2:{letter}{LAST_ROW}", options, lang)


def _add_dropdown(sheet, cells: str, options: list[str], lang: str) -> None:
    listed = ",".join(options)
    # Inline lists cannot hold commas and stop at 255 characters; every list here is short.
    if any("," in o or '"' in o for o in options) or len(listed) > LIST_LIMIT:
        raise ValueError(f"dropdown values cannot be listed inline: {listed}")
    validation = DataValidation(
        type="list",
        formula1=f'"{listed}"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",  # the importer also reads other words, so warn, never refuse
        error=TEXT[lang]["dropdown_error"],
    )
    validation.add(cells)
    sheet.add_data_validation(validation)


def _column_note(table: Table, column: Column, lang: str) -> str:
    text = TEXT[lang]
    lines = [text["required"] if column.required else text["optional"]]
    if column.kind == "enum":
        values = ENUMERATIONS[column.enum]
        shown = [_value_words(value, words, lang) for value, words in values.items()]
        lines.append(text["kind"]["enum"].format(values="; ".join(shown)))
    else:
        lines.append(text["kind"][column.kind])
    if column.minimum is not None and column.maximum is not None:
        lines.append(text["range"].format(minimum=_number(column.minimum), maximum=_number(column.maximum)))
    elif column.minimum is not None:
        lines.append(text["at_least"].format(minimum=_number(column.minimum)))
    if column.refers_to:
        lines.append(text["names"].format(kind=KIND_OF_NAME[lang][column.refers_to]))
    if table.name == "meetings" and column.name == "supplier":
        lines.append(text["market_event"])
    label = header_label(column, lang)
    others = [w for w in (column.name, *column.synonyms) if w != label]
    if others:
        lines.append(text["other_headers"].format(labels=", ".join(others)))
    return "\n".join(lines)


def _value_words(value: str, words: list[str], lang: str) -> str:
    shown = [value, *words] if lang == "en" or not words else [words[0], value, *words[1:]]
    return f"{shown[0]} ({', '.join(shown[1:])})" if len(shown) > 1 else shown[0]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _width(column: Column, lang: str) -> float:
    longest = max([len(header_label(column, lang)), *(len(o) for o in choices(column, lang) or [])])
    if column.kind == "date":
        longest = max(longest, 12)
    if column.name in ("notes", "description", "note", "topics", "remedy"):
        longest = max(longest, 40)
    return min(max(longest + 3, 12), 45)


def run_template(args) -> int:
    """`python -m engagement template --lang en|nl --out FILE`: write the template workbook."""
    out = Path(args.out)
    out.write_bytes(template_workbook(args.lang))
    print(f"Wrote the {args.lang} template to {out}")
    return 0
