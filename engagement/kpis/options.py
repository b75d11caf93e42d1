"""What the global filters can offer, and the span of dates in the data."""

from engagement import queries


def filter_options(con, programmes: tuple[str, ...] | None = None) -> dict[str, list[str]]:
    """Values per filter dimension (programme, buyer, supplier, country, category), of the
    given programmes only (None: every programme)."""
    frame = queries.run(con, "filter_options", {"programmes": list(programmes or ())})
    options = {d: [] for d in ("programme", "buyer", "supplier", "country", "category")}
    for dimension, value in frame.itertuples(index=False):
        options[dimension].append(value)
    return options


def data_span(con, programmes: tuple[str, ...] | None = None):
    """(first_day, last_day) on which anything happened in the given programmes (None: every
    programme); (None, None) for an empty database."""
    span = queries.run_one(con, "data_span", {"programmes": list(programmes or ())})
    return span["first_day"], span["last_day"]
