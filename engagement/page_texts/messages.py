"""The importer's messages in Dutch, for the dashboard's Import and Data pages.

The importer (engagement.ingest), undo (engagement.history) and the aliases (engagement.aliases)
write their messages in English: the command line and its --json output are a contract and stay
English. The pages show them through message_in(text, language()), which rewrites them here, at
display time.

A message is built from parts joined by ": " or "; " ("{file}: {what it is}: {what to do}",
"{where}: {what was noticed}; {what was done}"), so PATTERNS mostly match one part: a reason or a
piece of advice shared by many messages is written once. Each entry is (English, Dutch): the
English is the message's f-string with {names} where the values go, the Dutch uses the same
names. A value is kept as written (file, sheet and column names, cell values, numbers). A value
whose name starts with t_ is itself a message part and is rewritten too ("sheet 'X'" inside a
longer sentence). An English that starts with ^ and ends with $ matches a whole message only.

Parts are matched from the start of the message and after each ": " or "; " that ends a part;
a part no pattern matches stays English, and a message no pattern matches is returned as it is:
English is better than wrong Dutch. tests/test_import_messages_dutch.py checks the share of the
importer's real messages that come out in Dutch, and that their values come out unchanged.
"""

import re
from functools import lru_cache

DUTCH: dict[str, str] = {}  # no t() sentences here (engagement.page_texts merges every module's)

_QUOTED = r"(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"  # a Python repr of a text
_NUMBER = r"-?\d[\d,.]*"
_WHERE = rf"(?:the file|sheet {_QUOTED})"
_TEAMS = r"Teams attendance (?:report|list \(old format\))"
_FORMAT = r"an? (?:PDF|PNG|JPEG|GIF|gzip|7-Zip|RAR|Word) .*?"
_SUPPLIER_FIELD = "het veld ‘Leverancier van een locatielijst of Teams-rapport’"

# What each {name} in an English pattern matches, by name (a digit at the end is ignored:
# {sheet2} is a second sheet). A name not listed matches as little text as fits.
_GROUPS = {
    **dict.fromkeys(
        ("sheet", "column", "name", "programme", "label", "supplier", "alias", "target", "title", "found"),
        _QUOTED,
    ),
    **dict.fromkeys(
        ("n", "a", "b", "total", "max", "size", "limit", "rows", "columns", "cells", "mb", "low", "high"),
        _NUMBER,
    ),
    **dict.fromkeys(("day", "month", "year", "deleted", "restored", "rejected", "kept", "other"), _NUMBER),
    **dict.fromkeys(("key", "names", "list", "problems", "examples", "shown"), r".+"),  # to the last fit
    # what a refusal is about: a file, or a file's sheet (never past the part's end, so trying it
    # at every part of a long message stays quick)
    "subject": rf"(?:(?!: |; ).)+?(?:: sheet {_QUOTED})?",
    "setting": r"[A-Z_]+=(?:(?!: |; ).)*?",  # ENGAGEMENT_MAX_IMPORT_MB='lots'
    "numbers": r"\d+(?:, \d+)*",
    "field": r"\w+",
    "table": r"\w+",
    "ext": r"\.\w*",
    "where": _WHERE,
    "sheet_or_none": rf"(?:sheet {_QUOTED} )?",
    "what": _TEAMS,
    "format": _FORMAT,
    "kind": r"supplier|buyer",
    "items": r"\d+ items?",
    "plural_s": r"s?",
    "dot": r"\.?",
}

PATTERNS: list[tuple[str, str]] = [
    # --- where: the file, a sheet, a column --------------------------------------------------
    ("the file", "het bestand"),
    ("sheet {sheet}", "werkblad {sheet}"),
    ("{t_where}, column {column}", "{t_where}, kolom {column}"),
    ("{t_where}, the times", "{t_where}, de tijden"),
    ("row {n}, column {column} ({value})", "rij {n}, kolom {column} ({value})"),
    ("row {n}, column {column}", "rij {n}, kolom {column}"),
    ("row {n}", "rij {n}"),
    # --- progress steps (whole messages) --------------------------------------------------------
    ("^reading$", "lezen"),
    ("^checking {t_where}$", "{t_where} controleren"),
    ("^storing$", "opslaan"),
    ("^done$", "klaar"),
    # --- what to do ------------------------------------------------------------------------------
    ("open it in Excel or LibreOffice, save it as .xlsx and import again", (
        "open het in Excel of LibreOffice, sla het op als .xlsx en importeer het opnieuw"
    )),
    ("open it in Excel, save it as .xlsx and import again", (
        "open het in Excel, sla het op als .xlsx en importeer het opnieuw"
    )),
    ("export the data again as .xlsx or .csv and import that", (
        "exporteer de gegevens opnieuw als .xlsx of .csv en importeer dat bestand"
    )),
    ("save the data as .xlsx or .csv and import that", (
        "sla de gegevens op als .xlsx of .csv en importeer dat bestand"
    )),
    ("save the data as .ods, .xlsx or .csv and import that", (
        "sla de gegevens op als .ods, .xlsx of .csv en importeer dat bestand"
    )),
    ("save it without a password and import again", "sla het op zonder wachtwoord en importeer het opnieuw"),
    ("save or download it again and import the new copy", (
        "sla het opnieuw op of download het opnieuw, en importeer de nieuwe kopie"
    )),
    ("save or download it again", "sla het opnieuw op of download het opnieuw"),
    ("split it into smaller files (or raise {variable})", (
        "splits het op in kleinere bestanden (of verhoog {variable})"
    )),
    ("split it into smaller files, or export it as .csv", (
        "splits het op in kleinere bestanden, of exporteer het als .csv"
    )),
    ("if it is a CSV export, rename it to .csv and import again", (
        "als het een CSV-export is: geef het de extensie .csv en importeer het opnieuw"
    )),
    ("unzip it and import the files inside", "pak het uit en importeer de bestanden die erin zitten"),
    ("import the .xlsx, .ods or .csv file itself", "importeer het .xlsx-, .ods- of .csv-bestand zelf"),
    ("import a saved file", "importeer een opgeslagen bestand"),
    ("check that it is a table with one record per line", (
        "controleer of het een tabel is met één record per regel"
    )),
    ("delete the empty rows and columns (or a stray cell far from the data) and save again, "
     "or export it as .csv", (
        "verwijder de lege rijen en kolommen (of een losse cel ver van de gegevens) en sla het opnieuw "
        "op, of exporteer het als .csv"
    )),
    ("export the file again, complete, and import that", (
        "exporteer het bestand opnieuw, volledig, en importeer dat"
    )),
    ("check the quotes on that line and export or save the file again", (
        "controleer de aanhalingstekens op die regel en exporteer het bestand opnieuw of sla het "
        "opnieuw op"
    )),
    ("check that line, or export or save the file again", (
        "controleer die regel, of exporteer het bestand opnieuw of sla het opnieuw op"
    )),
    ("nothing was imported", "er is niets geïmporteerd"),
    ("nothing to import", "niets te importeren"),
    ("skipped", "overgeslagen"),
    # --- files that cannot be read ----------------------------------------------------------------
    ("{setting} is not a size in MB (for example 200)", "{setting} is geen grootte in MB (bijvoorbeeld 200)"),
    ("refused, the file is {size} MB, over the import limit of {limit} MB", (
        "geweigerd, het bestand is {size} MB, meer dan de importlimiet van {limit} MB"
    )),
    ("file not found", "bestand niet gevonden"),
    ("is a folder, not a file", "is een map, geen bestand"),
    ("is not a regular file (a device or a pipe?)", "is geen gewoon bestand (een apparaat of een pipe?)"),
    ("cannot be opened ({detail})", "kan niet worden geopend ({detail})"),
    ("is empty", "is leeg"),
    ("there is nothing to import (check that the export finished)", (
        "er is niets te importeren (controleer of de export helemaal klaar was)"
    )),
    ("the file is empty", "het bestand is leeg"),
    ("holds no data (every sheet is empty)", "bevat geen gegevens (alle werkbladen zijn leeg)"),
    ("unsupported file type {ext} (import .csv, .tsv, .txt, .xlsx, .xlsm, .ods or .xls)", (
        "bestandstype {ext} wordt niet ondersteund (importeer .csv, .tsv, .txt, .xlsx, .xlsm, .ods of .xls)"
    )),
    ("unknown table {name} (tables: {list})", "onbekende tabel {name} (tabellen: {list})"),
    # what a file turns out to be
    ("a PDF document", "een PDF-document"),
    ("a Word (RTF) document", "een Word-document (RTF)"),
    ("a {image} image", "een {image}-afbeelding"),
    ("a {archive} archive (unpack it first)", "een {archive}-archief (pak het eerst uit)"),
    ("is {t_format}, not a {ext} workbook", "is {t_format}, geen {ext}-werkmap"),
    ("is {t_format}", "is {t_format}"),
    ("is not a {ext} workbook (its contents are not a spreadsheet)", (
        "is geen {ext}-werkmap (de inhoud is geen spreadsheet)"
    )),
    ("is an Excel 2003 XML spreadsheet", "is een Excel 2003 XML-spreadsheet"),
    ("is a web page (HTML) named {ext}, not a workbook", (
        "is een webpagina (HTML) met de extensie {ext}, geen werkmap"
    )),
    ("is a text file, not a {ext} workbook", "is een tekstbestand, geen {ext}-werkmap"),
    ("is not a text file (it holds binary data)", "is geen tekstbestand (het bevat binaire gegevens)"),
    ("not a text file (it contains binary data)", "geen tekstbestand (het bevat binaire gegevens)"),
    ("is password-protected", "is beveiligd met een wachtwoord"),
    ("is an Excel binary workbook (.xlsb), which is not imported", (
        "is een binaire Excel-werkmap (.xlsb), en die wordt niet geïmporteerd"
    )),
    ("is an Office document but not a spreadsheet (a Word or PowerPoint file?)", (
        "is een Office-document maar geen spreadsheet (een Word- of PowerPoint-bestand?)"
    )),
    ("is an Office file but not an Excel workbook (a Word document or an e-mail?)", (
        "is een Office-bestand maar geen Excel-werkmap (een Word-document of een e-mail?)"
    )),
    ("is an OpenDocument file but not a spreadsheet", "is een OpenDocument-bestand maar geen spreadsheet"),
    ("is a zip archive holding {members}, not a workbook", "is een zip-archief met {members}, geen werkmap"),
    ("is a zip archive, not a workbook", "is een zip-archief, geen werkmap"),
    # damaged, cut off, or too large
    ("is damaged or cut off (its zip archive is incomplete)", (
        "is beschadigd of afgebroken (het zip-archief is onvolledig)"
    )),
    ("is damaged or cut off (not a complete Excel file)", (
        "is beschadigd of afgebroken (geen volledig Excel-bestand)"
    )),
    ("is damaged or cut off (part {part} is incomplete)", (
        "is beschadigd of afgebroken (onderdeel {part} is onvolledig)"
    )),
    ("is damaged (part {part} is missing)", "is beschadigd (onderdeel {part} ontbreekt)"),
    ("is damaged (part {part} has the wrong size)", "is beschadigd (onderdeel {part} heeft de verkeerde grootte)"),
    ("is damaged (part {part} cannot be unpacked)", "is beschadigd (onderdeel {part} kan niet worden uitgepakt)"),
    ("is cut off (part {part} is incomplete)", "is afgebroken (onderdeel {part} is onvolledig)"),
    ("part {part} is packed in a way workbooks never are", (
        "onderdeel {part} is ingepakt op een manier die in werkmappen nooit voorkomt"
    )),
    ("refused, the archive holds {n} parts (a zip bomb?)", (
        "geweigerd, het archief bevat {n} onderdelen (een zip-bom?)"
    )),
    ("refused, part {part} unpacks to {n} times its packed size (a zip bomb?)", (
        "geweigerd, onderdeel {part} wordt uitgepakt {n} keer zo groot als ingepakt (een zip-bom?)"
    )),
    ("refused, part {part} unpacks to more than the {n} bytes it declares (a zip bomb?)", (
        "geweigerd, onderdeel {part} wordt uitgepakt groter dan de {n} bytes die het opgeeft (een zip-bom?)"
    )),
    ("refused, the workbook unpacks to more than {n} MB (a zip bomb, or a workbook too large to import)", (
        "geweigerd, de werkmap wordt uitgepakt groter dan {n} MB (een zip-bom, of een werkmap die te "
        "groot is om te importeren)"
    )),
    ("refused, part {part} declares XML entities (a possible XML bomb; workbooks never do)", (
        "geweigerd, onderdeel {part} declareert XML-entiteiten (mogelijk een XML-bom; werkmappen doen "
        "dat nooit)"
    )),
    ("{t_sheet_or_none}refused, it uses XML entities workbooks never use (a possible XML bomb)", (
        "{t_sheet_or_none}geweigerd, het gebruikt XML-entiteiten die werkmappen nooit gebruiken "
        "(mogelijk een XML-bom)"
    )),
    ("the sheet in part {part} lists its rows out of order", (
        "het werkblad in onderdeel {part} noemt de rijen niet op volgorde"
    )),
    ("refused, a sheet spans {rows} rows by {columns} columns ({cells} cells), more than the {max} cells "
     "the importer reads", (
        "geweigerd, een werkblad beslaat {rows} rijen bij {columns} kolommen ({cells} cellen), meer dan "
        "de {max} cellen die de import leest"
    )),
    ("refused, a sheet spans {rows} rows by {columns} columns, more than the {max} cells the importer reads", (
        "geweigerd, een werkblad beslaat {rows} rijen bij {columns} kolommen, meer dan de {max} cellen "
        "die de import leest"
    )),
    ("refused, a row has {n} columns, more than the {max} a spreadsheet holds", (
        "geweigerd, een rij heeft {n} kolommen, meer dan de {max} die een spreadsheet kan bevatten"
    )),
    ("{t_sheet_or_none}cannot be read ({detail})", "{t_sheet_or_none}kan niet worden gelezen ({detail})"),
    ("cannot be read as delimited text from line {n} on ({detail})", (
        "kan vanaf regel {n} niet worden gelezen als tekst met scheidingstekens ({detail})"
    )),
    ("a field from line {n} on is longer than {mb} MB, which usually means a quote (\") opened there "
     "is never closed", (
        "een veld vanaf regel {n} is langer dan {mb} MB; meestal betekent dat dat een aanhalingsteken "
        "(\") dat daar opent nooit wordt gesloten"
    )),
    ("ends inside a quoted field that starts in row {n}", (
        "eindigt midden in een veld tussen aanhalingstekens dat begint in rij {n}"
    )),
    ("the file seems cut off (or that row has a quote that never closes)", (
        "het bestand lijkt afgebroken (of in die rij wordt een aanhalingsteken nooit gesloten)"
    )),
    ("nothing stored, the import failed ({detail})", "niets opgeslagen, de import is mislukt ({detail})"),
    # --- text encodings --------------------------------------------------------------------------
    ("the file mixes encodings", "het bestand mengt tekencoderingen"),
    ("row {n} are not UTF-8 like the rest and were read as Windows-1252", (
        "rij {n} is geen UTF-8 zoals de rest en is gelezen als Windows-1252"
    )),
    ("rows {t_list} are not UTF-8 like the rest and were read as Windows-1252", (
        "rijen {t_list} zijn geen UTF-8 zoals de rest en zijn gelezen als Windows-1252"
    )),
    ("{numbers} and {n} more", "{numbers} en nog {n}"),
    ("check their accented letters, and save the file as UTF-8 next time", (
        "controleer de letters met accenten, en sla het bestand voortaan op als UTF-8"
    )),
    # --- sheets and tables -----------------------------------------------------------------------
    ("{t_sheet_or_none}matches no table by its name or its headers (first row: {labels})", (
        "{t_sheet_or_none}past bij geen tabel, niet op naam en niet op kolomkoppen (eerste rij: {labels})"
    )),
    ("{t_sheet_or_none}matches no table by its name or its headers (none)", (
        "{t_sheet_or_none}past bij geen tabel, niet op naam en niet op kolomkoppen (geen kolomkoppen)"
    )),
    ("{t_sheet_or_none}has no header row naming the required columns of {table} in its first 20 rows; "
     "missing {columns_named}", (
        "{t_sheet_or_none}heeft in de eerste 20 rijen geen rij met kolomkoppen die de verplichte "
        "kolommen van {table} noemt; ontbrekend: {columns_named}"
    )),
    ("no sheet matches a table ({t_problems})", "geen werkblad past bij een tabel ({t_problems})"),
    ("no data rows below the header (row {n})", "geen gegevensrijen onder de kolomkoppen (rij {n})"),
    ("columns that are not columns of {table} kept as extra data: {list}", (
        "kolommen die geen kolommen van {table} zijn, bewaard als extra gegevens: {list}"
    )),
    ("new supplier {name} added to programme {programme} (not yet known)", (
        "nieuwe leverancier {name} toegevoegd aan programma {programme} (nog niet bekend)"
    )),
    ("new buyer {name} added to programme {programme} (not yet known)", (
        "nieuwe inkoper {name} toegevoegd aan programma {programme} (nog niet bekend)"
    )),
    ("rows {a} and {b} have the same key ({key})", "rijen {a} en {b} hebben dezelfde sleutel ({key})"),
    ("sheet {sheet} row {a} and sheet {sheet2} row {b} have the same key ({key})", (
        "werkblad {sheet} rij {a} en werkblad {sheet2} rij {b} hebben dezelfde sleutel ({key})"
    )),
    ("row {n} is kept", "rij {n} wordt bewaard"),
    ("{n} more rows repeat the key of an earlier row", "nog {n} rijen herhalen de sleutel van een eerdere rij"),
    ("each later row is kept", "steeds wordt de latere rij bewaard"),
    ("topics not in the topic list, kept as written (shown as other): {list}", (
        "onderwerpen die niet in de onderwerpenlijst staan, bewaard zoals geschreven (getoond als "
        "overig): {list}"
    )),
    ("refused, {a} of the {total} rows of {t_where} would be rejected (more than {max}), for example "
     "{t_examples}. Check that the file is the export you meant and that its columns are the ones "
     "named; fix what the examples show and import again", (
        "geweigerd, {a} van de {total} rijen van {t_where} zouden worden afgewezen (meer dan {max}), "
        "bijvoorbeeld {t_examples}. Controleer of het bestand de bedoelde export is en of de kolommen "
        "de genoemde zijn; verbeter wat de voorbeelden laten zien en importeer opnieuw"
    )),
    # --- dates and numbers in a column ------------------------------------------------------------
    ("dates read month first (MM-DD-YYYY), as some can only be month first", (
        "datums gelezen met de maand eerst (MM-DD-JJJJ), omdat sommige alleen zo kunnen"
    )),
    ("dates such as {example} fit both day first and month first", (
        "datums zoals {example} passen zowel met de dag eerst als met de maand eerst"
    )),
    ("read day first (DD-MM-YYYY)", "gelezen met de dag eerst (DD-MM-JJJJ)"),
    ("numbers such as 1.500 or 1,500 read with a thousands separator (1500)", (
        "getallen zoals 1.500 of 1,500 gelezen met een scheidingsteken voor duizendtallen (1500)"
    )),
    ("{n} date cells read with day and month swapped (as Excel misread them)", (
        "{n} datumcellen gelezen met dag en maand omgewisseld (zoals Excel ze verkeerd las)"
    )),
    ("the column's text dates are day first, and Excel made date cells only of those that fit "
     "month first", (
        "de datums als tekst in deze kolom hebben de dag eerst, en Excel maakte alleen datumcellen van "
        "de datums die ook met de maand eerst passen"
    )),
    # --- one cell (a row error) --------------------------------------------------------------------
    ("supplier is required unless the type is market_event (marktbijeenkomst)", (
        "supplier is verplicht, behalve als het type market_event (marktbijeenkomst) is"
    )),
    ("{field} is required", "{field} is verplicht"),
    ("not a yes/no value", "geen ja/nee-waarde"),
    ("allowed: yes/no, ja/nee, j/n, y/n, true/false, waar/onwaar, 1/0, x for yes, blank for unknown", (
        "toegestaan: yes/no, ja/nee, j/n, y/n, true/false, waar/onwaar, 1/0, x voor ja, leeg voor onbekend"
    )),
    ("not a number", "geen getal"),
    ("write digits with a decimal comma or point, e.g. 1500 or 12,5", (
        "schrijf cijfers met een decimale komma of punt, bijvoorbeeld 1500 of 12,5"
    )),
    ("the thousands separators are misplaced", "de scheidingstekens voor duizendtallen staan op de verkeerde plaats"),
    ("more than one decimal separator", "meer dan één decimaalteken"),
    ("not a whole number", "geen geheel getal"),
    ("out of range", "buiten het toegestane bereik"),
    ("too small", "te klein"),
    ("too large", "te groot"),
    ("allowed: {low} to {high}", "toegestaan: {low} tot en met {high}"),
    ("allowed: {low} or more", "toegestaan: {low} of meer"),
    ("allowed: {high} or less", "toegestaan: {high} of minder"),
    ("not a date (no day {day} in month {month} of {year})", (
        "geen datum (maand {month} van {year} heeft geen dag {day})"
    )),
    ("not a date", "geen datum"),
    ("allowed: 2024-03-31, 31-03-2024, 31/3/24, 31.03.2024 (day first) or an Excel date", (
        "toegestaan: 2024-03-31, 31-03-2024, 31/3/24, 31.03.2024 (dag eerst) of een Excel-datum"
    )),
    ("this column is read day first (DD-MM-YYYY) and {n} is not a month", (
        "deze kolom wordt gelezen met de dag eerst (DD-MM-JJJJ) en {n} is geen maand"
    )),
    ("this column is read month first (MM-DD-YYYY) and {n} is not a month", (
        "deze kolom wordt gelezen met de maand eerst (MM-DD-JJJJ) en {n} is geen maand"
    )),
    ("unknown meeting type", "onbekende soort bijeenkomst"),
    ("unknown escalation step", "onbekende escalatiestap"),
    ("unknown grievance channel", "onbekend kanaal voor klachten"),
    ("unknown grievance category", "onbekende categorie klacht"),
    ("unknown grievance severity", "onbekende ernst van de klacht"),
    ("unknown grievance status", "onbekende status van de klacht"),
    ("allowed: {values}", "toegestaan: {values}"),
    # --- exports of other tools (engagement.ingest.adapters) ---------------------------------------
    ("{t_subject} is an Outlook calendar export in which no item names a known supplier or alias "
     "({items}, {n} cancelled)", (
        "{t_subject} is een agenda-export uit Outlook waarin geen enkel item een bekende leverancier of "
        "alias noemt ({items}, {n} geannuleerd)"
    )),
    ("import the suppliers first, or add aliases, then import the calendar again", (
        "importeer eerst de leveranciers, of voeg aliassen toe, en importeer daarna de agenda opnieuw"
    )),
    ("1 calendar item names no known supplier", "1 agenda-item noemt geen bekende leverancier"),
    ("{n} calendar items name no known supplier", "{n} agenda-items noemen geen bekende leverancier"),
    ("1 cancelled calendar item skipped", "1 geannuleerd agenda-item overgeslagen"),
    ("{n} cancelled calendar items skipped", "{n} geannuleerde agenda-items overgeslagen"),
    ("1 calendar item names more than one supplier", "1 agenda-item noemt meer dan één leverancier"),
    ("{n} calendar items name more than one supplier", "{n} agenda-items noemen meer dan één leverancier"),
    ("each is read as a meeting with the first named ({t_shown})", (
        "elk wordt gelezen als bijeenkomst met de eerstgenoemde ({t_shown})"
    )),
    ("the supplier given at import ({supplier}) is not used for a calendar", (
        "de bij het importeren opgegeven leverancier ({supplier}) wordt niet gebruikt voor een agenda"
    )),
    ("each item's supplier comes from its subject, categories or attendees", (
        "de leverancier van elk item komt uit het onderwerp, de categorieën of de deelnemers"
    )),
    ("Teams attendance report", "aanwezigheidsrapport van Teams"),
    ("Teams attendance list (old format)", "aanwezigheidslijst van Teams (oud formaat)"),
    ("nothing in it names a known supplier", "niets erin noemt een bekende leverancier"),
    ("read as a meeting with {supplier}, as given", "gelezen als bijeenkomst met {supplier}, zoals opgegeven"),
    ("read as a meeting with {supplier}", "gelezen als bijeenkomst met {supplier}"),
    ("{t_what} names several suppliers ({names})", "{t_what} noemt meerdere leveranciers ({names})"),
    ("{t_what} read as one meeting on {day_text} with 1 participant", (
        "{t_what} gelezen als één bijeenkomst op {day_text} met 1 deelnemer"
    )),
    ("{t_what} read as one meeting on {day_text} with {n} participants", (
        "{t_what} gelezen als één bijeenkomst op {day_text} met {n} deelnemers"
    )),
    ("join and leave times are not kept", "de tijden van binnenkomen en weggaan worden niet bewaard"),
    ("{t_subject} is a {t_what} without a readable meeting start time ({found})", (
        "{t_subject} is een {t_what} zonder leesbare begintijd van de bijeenkomst ({found})"
    )),
    ("{t_subject} is a {t_what} without a meeting start time", (
        "{t_subject} is een {t_what} zonder begintijd van de bijeenkomst"
    )),
    ("{t_subject} is a {t_what} covering several days ({days})", (
        "{t_subject} is een {t_what} over meerdere dagen ({days})"
    )),
    ("import one meeting per file", "importeer één bijeenkomst per bestand"),
    ("{t_subject} is a {t_what} that has no meeting title and its participants name no known supplier", (
        "{t_subject} is een {t_what} zonder titel van de bijeenkomst, en de deelnemers noemen geen "
        "bekende leverancier"
    )),
    ("{t_subject} is a {t_what} that has a meeting title ({title}) and participants that name no known "
     "supplier", (
        "{t_subject} is een {t_what} met een titel ({title}) en deelnemers die geen bekende leverancier "
        "noemen"
    )),
    ("say whose meeting it was with --supplier NAME", (
        f"vul in {_SUPPLIER_FIELD} in met welke leverancier de bijeenkomst was (--supplier NAAM)"
    )),
    ("{t_subject} is an Open Supply Hub facility list", "{t_subject} is een locatielijst van Open Supply Hub"),
    ("say whose sites these are with --supplier NAME (no supplier or brand column names them)", (
        f"vul in {_SUPPLIER_FIELD} in van welke leverancier deze locaties zijn (--supplier NAAM); "
        "geen kolom voor leverancier of merk noemt ze"
    )),
    ("{t_subject} is an Open Supply Hub moderation events export (contributions awaiting moderation), "
     "not a facility list", (
        "{t_subject} is een export van moderatiegebeurtenissen uit Open Supply Hub (bijdragen die op "
        "moderatie wachten), geen locatielijst"
    )),
    ("download the facility list from Open Supply Hub and import that, with --supplier NAME", (
        "download de locatielijst uit Open Supply Hub en importeer die, met de leverancier ingevuld in "
        f"{_SUPPLIER_FIELD} (--supplier NAAM)"
    )),
    ("supplier taken from column {label} where it is filled, else {supplier} given at import", (
        "leverancier overgenomen uit kolom {label} waar die is ingevuld, anders {supplier} zoals "
        "opgegeven bij het importeren"
    )),
    ("1 site names more than one brand", "1 locatie noemt meer dan één merk"),
    ("{n} sites name more than one brand", "{n} locaties noemen meer dan één merk"),
    ("the first is taken as the supplier and the whole list kept as extra data ({t_shown})", (
        "het eerste merk geldt als leverancier en de hele lijst is bewaard als extra gegevens ({t_shown})"
    )),
    ("1 of {b} site{plural_s} names no facility or processing type", (
        "1 van de {b} locaties noemt geen soort faciliteit of bewerking"
    )),
    ("{a} of {b} site{plural_s} name no facility or processing type", (
        "{a} van de {b} locaties noemen geen soort faciliteit of bewerking"
    )),
    ("component {name}", "component wordt {name}"),
    ("the list names no tier", "de lijst noemt geen schakel"),
    ("tier {n} for every site", "schakel {n} voor elke locatie"),
    ("country codes ({codes}) stored as country names", "landcodes ({codes}) opgeslagen als landnamen"),
    ("1 site shares a name, supplier, product, component and country with a site at another address", (
        "1 locatie komt in naam, leverancier, product, component en land overeen met een locatie op "
        "een ander adres"
    )),
    ("{n} sites share a name, supplier, product, component and country with a site at another address", (
        "{n} locaties komen in naam, leverancier, product, component en land overeen met een locatie "
        "op een ander adres"
    )),
    ("the address is added to their name, so each is a site of its own", (
        "het adres is aan hun naam toegevoegd, zodat elk een eigen locatie is"
    )),
    # --- undo (engagement.history) ------------------------------------------------------------------
    ("There is no import {n}.", "Import {n} bestaat niet."),
    ("Import {n} ({file}) was already undone on {when}.", "Import {n} ({file}) is al ongedaan gemaakt op {when}."),
    ("Import {other} ({file}) has since changed {rows} row(s) of import {n}", (
        "Import {other} ({file}) heeft sindsdien {rows} rij(en) van import {n} gewijzigd"
    )),
    ("undo it first.", "maak die eerst ongedaan."),
    ("Undid import {n} ({file})", "Import {n} ({file}) ongedaan gemaakt"),
    ("{deleted} row(s) removed, {restored} restored, {rejected} rejected row(s) dropped{dot}", (
        "{deleted} rij(en) verwijderd, {restored} teruggezet, {rejected} afgewezen rij(en) verwijderd{dot}"
    )),
    ("{kept} supplier/buyer name(s) it created kept (other rows name them).", (
        "{kept} door deze import toegevoegde naam/namen van leveranciers of inkopers bewaard (andere "
        "rijen noemen ze)."
    )),
    # --- aliases (engagement.aliases) -----------------------------------------------------------------
    ("^supplier$", "leverancier"),
    ("^buyer$", "inkoper"),
    ("an alias and the name it stands for are both needed", (
        "een alias en de naam waarvoor die staat zijn allebei nodig"
    )),
    ("{alias} and {name} are already the same {t_kind} (names match ignoring case and spaces)", (
        "{alias} en {name} zijn al dezelfde {t_kind} (namen komen overeen als hoofdletters en spaties "
        "niet meetellen)"
    )),
    ("{alias} is already an alias of {name}", "{alias} is al een alias van {name}"),
    ("remove it first ({command})", "verwijder die eerst ({command})"),
    ("{name} is itself an alias of {target}", "{name} is zelf een alias van {target}"),
    ("make {alias} an alias of {target}", "maak {alias} een alias van {target}"),
    ("{alias} is the name other aliases stand for ({names})", (
        "{alias} is de naam waarvoor andere aliassen staan ({names})"
    )),
    ("an alias of an alias would not be followed. Remove those first, or make them aliases of {name}", (
        "een alias van een alias zou niet worden gevolgd. Verwijder die eerst, of maak ze aliassen van "
        "{name}"
    )),
    ("{alias} is already a {t_kind} (in {names})", "{alias} is al een {t_kind} (in {names})"),
    ("an alias only changes how future imports read names, so the rows stored under {alias} would stay "
     "apart from {name}. To merge them, undo the imports that brought {alias2} in, add the alias, then "
     "import those files again", (
        "een alias verandert alleen hoe toekomstige imports namen lezen, dus de rijen die onder {alias} "
        "zijn opgeslagen, blijven los van {name}. Om ze samen te voegen: maak de imports ongedaan die "
        "{alias2} hebben binnengebracht, voeg de alias toe en importeer die bestanden daarna opnieuw"
    )),
    ("there is no {t_kind} alias {alias} ({command})", "er is geen alias {alias} van een {t_kind} ({command})"),
    ("unknown kind {name} (choose supplier or buyer)", "onbekende soort {name} (kies supplier of buyer)"),
]  # fmt: skip

_BOUNDARY = r"(?=\Z|: |; )"  # a part ends at the end, or before the ": " or "; " that joins the next
_PART_END = re.compile(r": |; ")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _group(name: str) -> str:
    kind = name.removeprefix("t_").rstrip("0123456789")
    return _GROUPS.get(kind, r".+?")


def _compile(english: str) -> re.Pattern:
    whole = english.startswith("^") and english.endswith("$")
    body = english[1:-1] if whole else english
    pieces = _PLACEHOLDER.split(body)
    regex = "".join(
        re.escape(piece) if i % 2 == 0 else f"(?P<{piece}>{_group(piece)})" for i, piece in enumerate(pieces)
    )
    return re.compile(rf"\A{regex}\Z" if whole else regex + _BOUNDARY, re.DOTALL)


_COMPILED = [(_compile(english), dutch) for english, dutch in PATTERNS]


def _filled(dutch: str, match: re.Match, unmatched: list[str] | None) -> str:
    values = {}
    for name, value in match.groupdict().items():
        value = value or ""
        if name.startswith("t_") and value.strip():
            core = value.strip()
            start = value.index(core)
            value = value[:start] + _rewritten(core, unmatched) + value[start + len(core) :]
        values[name] = value
    return dutch.format(**values)


def _rewritten(text: str, unmatched: list[str] | None = None) -> str:
    """The text with each part that a pattern matches in Dutch; other parts as they are (and, when
    `unmatched` is given, added to it: file names, table names, values, or English left over)."""
    out, position = [], 0
    while position < len(text):
        for pattern, dutch in _COMPILED:
            match = pattern.match(text, position)
            if match and match.end() > position:
                out.append(_filled(dutch, match, unmatched))
                position = match.end()
                separator = text[position : position + 2]  # ": " or "; ", or nothing at the end
                out.append(separator)
                position += len(separator)
                break
        else:
            end = _PART_END.search(text, position)
            position_after = end.end() if end else len(text)
            out.append(text[position:position_after])
            if unmatched is not None:
                unmatched.append(text[position : end.start() if end else len(text)])
            position = position_after
    return "".join(out)


@lru_cache(maxsize=4096)
def _in_dutch(text: str) -> str:
    return _rewritten(text)


def message_in(text: str, lang: str) -> str:
    """An importer or undo message in the language: English as it is; Dutch where the patterns know
    its parts (names, values and numbers kept as written), else English."""
    if lang != "nl" or not text:
        return text
    return _in_dutch(text)
