"""Dutch of pages/traceability.py."""

DUTCH = {
    "all tiers": "alle schakels",
    "As of {day}.": "Stand op {day}.",
    "traceability": "traceerbaarheid",
    "Components": "Onderdelen",
    "Disclosed": "Bekendgemaakt",
    "Tier": "Schakel",
    "Coverage %": "Traceerbaarheid %",
    "Coverage by tier (T2)": "Traceerbaarheid per schakel (T2)",
    "As of": "Peildatum",
    "Coverage at quarter ends (T2 trend)": "Traceerbaarheid aan het einde van elk kwartaal (verloop T2)",
    "Coverage by supplier (T2)": "Traceerbaarheid per leverancier (T2)",
    "production sites disclosed by {day}": "productielocaties bekendgemaakt tot en met {day}",
    "Production sites": "Productielocaties",
    "Verified": "Geverifieerd",
    "Under worker-driven monitoring": "Onder werknemersgestuurde monitoring",
    "Countries of disclosed production sites (T6)": "Landen van bekendgemaakte productielocaties (T6)",
    "Disclosed production sites": "Bekendgemaakte productielocaties",
    "Production site": "Productielocatie",
    "Tiers": "Schakels",
    "Worker-driven monitoring": "Werknemersgestuurde monitoring",
    "Open Supply Hub id": "Open Supply Hub-id",
    "First disclosed": "Eerst bekendgemaakt op",
    "The {shown} suppliers with the lowest coverage, of {rows}; the Supplier scorecard lists every supplier's coverage.": (
        "De {shown} leveranciers met de laagste traceerbaarheid, van {rows}; de Scorekaart leveranciers toont die van elke leverancier."
    ),
}
