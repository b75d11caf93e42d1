"""What is on screen, kept in the page's URL, so a shared link reopens the same view.

The page is the URL's path (st.navigation). The global filters and a few choices on a page
(the supplier of the profile, the scorecard's order, the slide of a session, the follow-up's
owners and statuses, what the leverage matrix shows) are query
parameters: `?period=custom&from=2024-01-01&to=2024-06-30&supplier=Voltara+Cars`.

A new session takes them from the URL once, before its widgets are drawn; every run then
writes the current state back. Values from a URL only ever choose among the options a
widget offers: anything else in a link is ignored.
"""

from datetime import date

import streamlit as st

FILTER_PARAMETERS = ("programme", "buyer", "supplier", "country", "category")
_RESTORED = "_url_restored"


def restore_filters(presets: list[str], options: dict[str, list[str]]) -> None:
    """Put the filters of the URL into the sidebar's widget state, once per session."""
    if st.session_state.get(_RESTORED):
        return
    st.session_state[_RESTORED] = True
    params = st.query_params
    preset = params.get("period")
    if preset in presets:
        st.session_state["period_preset"] = preset
    if preset == "custom":
        days = (_day(params.get("from")), _day(params.get("to")))
        if None not in days and days[0] <= days[1]:
            st.session_state["period_custom"] = days
    for dimension in FILTER_PARAMETERS:
        wanted = params.get_all(dimension)
        kept = [value for value in wanted if value in options.get(dimension, ())]
        if kept:
            st.session_state[f"filter_{dimension}"] = kept


def write_filters(preset: str, date_from: date, date_to: date, chosen: dict[str, tuple]) -> None:
    """The sidebar's state into the URL (values left at their default are left out)."""
    wanted: dict[str, str | list[str]] = {"period": preset}
    if preset == "custom":
        wanted |= {"from": date_from.isoformat(), "to": date_to.isoformat()}
    wanted |= {dimension: list(values) for dimension, values in chosen.items() if values}
    _write(wanted, keep=set(FILTER_PARAMETERS) | {"period", "from", "to"})


def choice_from_url(parameter: str, key: str, options: list) -> None:
    """Before a page draws a choice (widget `key`): take its value from the URL in a new
    session, when the URL names one of its options."""
    flag = f"_url_{key}"
    if st.session_state.get(flag):
        return
    st.session_state[flag] = True
    value = st.query_params.get(parameter)
    if value is not None and key not in st.session_state and value in [str(o) for o in options]:
        st.session_state[key] = next(o for o in options if str(o) == value)


def choices_from_url(parameter: str, key: str, options: list) -> None:
    """As choice_from_url, for a multiselect: the values of a repeated parameter that are options."""
    flag = f"_url_{key}"
    if st.session_state.get(flag):
        return
    st.session_state[flag] = True
    wanted = st.query_params.get_all(parameter)
    kept = [option for option in options if str(option) in wanted]
    if kept and key not in st.session_state:
        st.session_state[key] = kept


def keep_choices_in_url(parameter: str, values: list) -> None:
    """After a page draws a multiselect: its values into the URL (none: the parameter goes)."""
    _write({parameter: [str(v) for v in values]} if values else {}, keep={parameter})


def keep_in_url(parameter: str, value) -> None:
    """After a page draws a choice: its value into the URL."""
    if st.query_params.get(parameter) != str(value):
        st.query_params[parameter] = str(value)


def _write(wanted: dict, keep: set[str]) -> None:
    params = st.query_params
    for name in keep - set(wanted):
        if name in params:
            del params[name]
    for name, value in wanted.items():
        current = params.get_all(name)
        if current != (value if isinstance(value, list) else [value]):
            params[name] = value


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
