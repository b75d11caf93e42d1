"""What the global filters can offer, and the span of dates in the data."""

from engagement import queries


def filter_options(con) -> dict[str, list[str]]:
    """Values per filter dimension (programme, buyer, supplier, country, category)."""
    frame = queries.run(con, "filter_options", {})
    options = {d: [] for d in ("programme", "buyer", "supplier", "country", "category")}
    for dimension, value in frame.itertuples(index=False):
        options[dimension].append(value)
    return options


def data_span(con):
    """(first_day, last_day) on which anything happened; (None, None) for an empty database."""
    span = queries.run_one(con, "data_span", {})
    return span["first_day"], span["last_day"]
