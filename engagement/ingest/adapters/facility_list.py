"""Facility lists -> production sites: Open Supply Hub lists and downloads, and brand disclosures
in the same shape (Nike, Benetton, Apple: a facility name, its address and country).

Recognised by the header: a facility name (name, facility/factory/company/supplier name),
a country (country, country_name, country_code, Country/Region) and an address or an
os_id. Each row becomes a site: os_id; site_name from the name; country as an English
name (ISO-2 codes and spellings such as CHINA or Viet Nam mapped, see countries.py);
product from the product type; component from the facility or processing type
(production phase, factory type), "facility" when there is none; tier 1 unless a tier
column says otherwise; supplier from a supplier or brand column, else the supplier
given at import (--supplier). Every other column (address, number of workers, sector,
coordinates...) is kept as extra data.

A list that names no supplier, imported without one, is refused: whose sites they are
cannot be guessed. In a brand disclosure, "supplier_name" and "Supplier Group" are the
brand's suppliers, which are the sites here, not the programme's supplier.
"""

import re

from engagement.ingest.adapters.countries import country_name, is_country_code
from engagement.ingest.adapters.sheets import (
    Context,
    adapted_sheet,
    cell,
    extra_label,
    find_labelled_row,
    folded_roles,
    kept_columns,
    plural,
    text,
)
from engagement.ingest.header import PROGRAMME, labels
from engagement.ingest.read import Sheet
from engagement.ingest.words import fold, fold_words

TABLE = "sites"
DEFAULT_COMPONENT = "facility"
DEFAULT_TIER = 1
# Alternatives in order of preference: the first non-blank in a row is used.
SITE_NAME = ["site_name", "name", "facility_name", "factory_name", "company_name", "supplier_name"]
COUNTRY = ["country_name", "country", "country_code"]
PRODUCT = ["product", "product_type", "sector_product_type"]
COMPONENT = [
    "component",
    "facility_type",
    "processing_type",
    "facility_type_processing_type",
    "processing_type_facility_type_raw",
    "factory_type",
    "production_phase",
]
LABELS = {
    "name": ("name", "naam"),
    "facility_name": ("facility name",),
    "factory_name": ("factory name", "fabrieksnaam"),
    "company_name": ("company name", "bedrijfsnaam"),
    "supplier_name": ("supplier name",),
    "address": ("address", "adres", "facility address"),
    "country_name": ("country name", "country/region", "landnaam"),
    "country_code": ("country code", "landcode"),
    "product_type": ("product type", "producttype"),
    "sector_product_type": ("sector_product_type",),
    "facility_type": ("facility type",),
    "processing_type": ("processing type",),
    "facility_type_processing_type": ("facility_type_processing_type",),
    "processing_type_facility_type_raw": ("processing_type_facility_type_raw",),
    "factory_type": ("factory type",),
    "production_phase": ("production phase", "productiefase"),
    "brand": ("brand", "brands", "merk", "merken", "corporation brand"),
}
# The sites table's own columns and synonyms come first (engagement.tables).
ROLES = {**folded_roles(LABELS), **labels(TABLE)}
_BRAND_WORDS = {"brand", "brands"}
_SPLIT_BRANDS = re.compile(r"\s*[;,|]\s*")


def _roles(head: list[list]) -> tuple[int, dict[str, int]] | None:
    found = find_labelled_row(head, ROLES)
    if not found:
        return None
    index, roles = found
    # "Nike, Inc. Brand(s)", "Corporation_Brand": a column naming brands says whose sites they are.
    if "brand" not in roles:
        for position, label in enumerate(head[index]):
            if _BRAND_WORDS & set(fold_words(label or "")) and position not in roles.values():
                roles["brand"] = position
                break
    return index, roles


def recognise(head: list[list]) -> tuple[int, dict[str, int]] | None:
    """(header row index, {role: position}) when the sheet is a facility list."""
    found = _roles(head)
    if not found:
        return None
    roles = set(found[1])
    complete = {"supplier", "component"} <= roles  # a sites sheet already: the importer reads it as it is
    if roles & set(SITE_NAME) and roles & set(COUNTRY) and roles & {"address", "os_id"} and not complete:
        return found
    return None


def _first(row: list, roles: dict[str, int], choices: list[str]) -> tuple[str | None, str | None]:
    """(value, role) of the first choice with a value in this row."""
    for role in choices:
        value = text(cell(row, roles.get(role)))
        if value:
            return value, role
    return None, None


def _supplier(row: list, roles: dict[str, int], supplier_role: str | None) -> tuple[str | None, bool]:
    """The row's supplier from its supplier or brand column, and whether it named several brands."""
    value = text(cell(row, roles.get(supplier_role)))
    if not value or supplier_role != "brand":
        return value, False
    brands = [b for b in _SPLIT_BRANDS.split(value) if b]
    return (brands[0] if brands else None), len(brands) > 1


def adapt(sheet: Sheet, found: tuple[int, dict[str, int]], context: Context) -> Sheet:
    """The list as a sites sheet; raises ReadError when no row can have a supplier."""
    header_index, roles = found
    header_row = sheet.head[header_index]
    supplier_role = "supplier" if "supplier" in roles else "brand" if "brand" in roles else None
    if supplier_role is None and not context.supplier:
        raise _no_supplier(sheet, context)
    # Alternatives (name, product, component): the one used in a row is not repeated as extra
    # data, the others are kept; a brand column is kept where it named several brands.
    alternatives = [r for r in SITE_NAME + PRODUCT + COMPONENT if r in roles]
    as_is = [c for c in ("disclosed_on", "verified", "monitored", PROGRAMME) if c in roles]
    used = {roles[r] for r in (*alternatives, *as_is, *COUNTRY, "os_id", "tier", supplier_role) if r in roles}
    kept = kept_columns(header_row, used, TABLE, "facility list")
    separate = alternatives + (["brand"] if supplier_role == "brand" else [])
    header = [*SITE_COLUMNS, *as_is, *[label for _p, label in kept]]
    header += [extra_label(header_row, roles[r], TABLE, "facility list") for r in separate]

    rows = sheet.rows_after(header_index)
    out, several_brands, codes = [], [], set()
    for number, row in enumerate(rows, start=header_index + 2):
        if all(text(c) is None for c in row):
            out.append([])
            continue
        supplier, several = _supplier(row, roles, supplier_role)
        if several:
            several_brands.append(f"row {number}: {text(cell(row, roles['brand']))!r}")
        site_name, name_role = _first(row, roles, SITE_NAME)
        product, product_role = _first(row, roles, PRODUCT)
        component, component_role = _first(row, roles, COMPONENT)
        country, _role = _first(row, roles, COUNTRY)
        if country and is_country_code(country):
            codes.add(country.upper())
        tier = cell(row, roles.get("tier"))
        chosen = {name_role, product_role, component_role}
        out.append(
            [
                supplier or context.supplier,
                product,
                component,
                tier if text(tier) else DEFAULT_TIER,
                site_name,
                country_name(country) if country else None,
                text(cell(row, roles.get("os_id"))),
                *[cell(row, roles[c]) for c in as_is],
                *[cell(row, p) for p, _label in kept],
                *[None if r in chosen else cell(row, roles[r]) for r in alternatives],
                *([cell(row, roles["brand"]) if several else None] if supplier_role == "brand" else []),
            ]
        )
    if not any(row and row[0] for row in out):
        raise _no_supplier(sheet, context)
    no_component = _default_components(out)
    namesakes = _distinguish_namesakes(out, [text(cell(row, roles.get("address"))) for row in rows])
    header, out = _without_empty_columns(header, out, first=len(header) - len(separate))
    _warn(sheet, context, supplier_role, header_row, roles, several_brands, no_component, codes, out)
    if namesakes:
        context.warn(
            sheet,
            f"{plural(namesakes, 'site')} {'shares' if namesakes == 1 else 'share'} a name, supplier, "
            "product, component and country with "
            "a site at another address; the address is added to their name, so each is a site of its own",
        )
    return adapted_sheet(sheet, header_index, header, out)


SITE_COLUMNS = ["supplier", "product", "component", "tier", "site_name", "country", "os_id"]
_COMPONENT, _SITE_NAME = SITE_COLUMNS.index("component"), SITE_COLUMNS.index("site_name")
_KEY = [SITE_COLUMNS.index(c) for c in ("supplier", "product", "component", "site_name", "country")]


def _default_components(out: list[list]) -> int:
    """Fill in the default component where a row names none; how many did."""
    missing = [row for row in out if row and row[_COMPONENT] is None]
    for row in missing:
        row[_COMPONENT] = DEFAULT_COMPONENT
    return len(missing)


def _distinguish_namesakes(out: list[list], addresses: list[str | None]) -> int:
    """Add the address to the names of sites that share a site's key but not its address.

    A site's key (supplier, product, component, name, country) is what the importer
    stores it under, and the dashboard counts sites by name: "3M Company" at five
    addresses in one country would otherwise be stored, and counted, once.
    """
    groups: dict[tuple, list[int]] = {}
    for index, row in enumerate(out):
        if row and row[_SITE_NAME]:
            key = tuple(fold(row[i]) if isinstance(row[i], str) else row[i] for i in _KEY)
            groups.setdefault(key, []).append(index)
    renamed = 0
    for members in groups.values():
        if len({fold(addresses[i] or "") for i in members}) < 2:
            continue  # one address: the same site listed twice (the importer reports it)
        for i in members:
            if addresses[i]:
                out[i][_SITE_NAME] = f"{out[i][_SITE_NAME]} ({addresses[i]})"
                renamed += 1
    return renamed


def _without_empty_columns(header: list[str], out: list[list], first: int) -> tuple[list[str], list[list]]:
    """Drop the columns from `first` on that hold nothing in any row."""
    empty = [
        i for i in range(first, len(header)) if all(not row or text(cell(row, i)) is None for row in out)
    ]
    if not empty:
        return header, out
    keep = [i for i in range(len(header)) if i not in set(empty)]
    return [header[i] for i in keep], [[row[i] for i in keep] if row else [] for row in out]


def _no_supplier(sheet: Sheet, context: Context):
    return context.refusal(
        sheet,
        "is an Open Supply Hub facility list: say whose sites these are with --supplier NAME "
        "(no supplier or brand column names them)",
    )


def _warn(sheet, context, supplier_role, header_row, roles, several_brands, no_component, codes, out):
    sites = sum(1 for row in out if row)
    if supplier_role and context.supplier:
        label = text(header_row[roles[supplier_role]])
        context.warn(
            sheet,
            f"supplier taken from column {label!r} where it is filled, else {context.supplier!r} given at import",
        )
    if several_brands:
        shown = "; ".join(several_brands[:5]) + (" ..." if len(several_brands) > 5 else "")
        context.warn(
            sheet,
            f"{plural(len(several_brands), 'site')} {'names' if len(several_brands) == 1 else 'name'} "
            "more than one brand; the first is taken as "
            f"the supplier and the whole list kept as extra data ({shown})",
        )
    if no_component:
        context.warn(
            sheet,
            f"{no_component} of {plural(sites, 'site')} {'names' if no_component == 1 else 'name'} "
            "no facility or processing type; "
            f"component {DEFAULT_COMPONENT!r}",
        )
    if "tier" not in roles:
        context.warn(sheet, f"the list names no tier; tier {DEFAULT_TIER} for every site")
    if codes:
        shown = ", ".join(sorted(codes)[:8]) + (", ..." if len(codes) > 8 else "")
        context.warn(sheet, f"country codes ({shown}) stored as country names")
