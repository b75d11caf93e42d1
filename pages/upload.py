"""Import: drop exports, see what the importer understood, correct the column mapping,
read the validation report, then store. Nothing is stored before "Import"."""

import pandas as pd
import streamlit as st

from engagement.app import (
    connection,
    coordinators_only,
    current_access,
    current_user,
    figures,
    language,
    show_import_history,
    t,
    through_the_entry_script,
)
from engagement.db import data_version
from engagement.history import UndoRefused, describe_undo, import_history, undo_import
from engagement.ingest import import_file
from engagement.ingest.upload import (
    ACCEPTED_TYPES,
    column_choices,
    correction_workbook,
    mapping_overrides,
    shown_choice,
    template_file,
)
from engagement.kpis.options import filter_options
from engagement.page_texts.messages import message_in
from engagement.tables import DEFAULT_PROGRAMME

# This page's sentences go through t(). The importer's own messages (engagement.ingest: problems,
# warnings, refusals, progress steps) and undo's (engagement.history) are written in English, for
# the command line; they are shown through message_in, in Dutch for a Dutch user. The names of
# tables and columns stay as the importer writes them.


through_the_entry_script()
coordinators_only()
st.title(t("Import"))
con = connection()
st.markdown(
    t(
        "Drop meeting logs, information-request trackers, site lists, grievance registers or "
        "calendar exports here (CSV, Excel or OpenDocument). Headers may be English or Dutch. "
        "You see what was understood and what would be rejected **before** anything is stored."
    )
)
with st.expander(t("Templates")):
    st.write(t("A workbook with one sheet per table, dropdowns for the lists and an instructions sheet."))
    left, right = st.columns(2)
    for column, lang, label in ((left, "en", t("English template")), (right, "nl", t("Dutch template"))):
        name, data = template_file(lang)
        column.download_button(label, data, file_name=name, key=f"template_{lang}")

programmes = figures(filter_options, current_access().programmes)["programme"]
left, right = st.columns(2)
programme = left.selectbox(
    t("Programme"),
    programmes or [DEFAULT_PROGRAMME],
    accept_new_options=True,
    key="upload_programme",
    help=t("For rows without a programme column. Type a new name to start a programme."),
)
supplier = right.text_input(
    t("Supplier of a facility list or Teams report"),
    key="upload_supplier",
    help=t("Only for files that name no supplier: an Open Supply Hub download, a Teams attendance report."),
)
uploads = st.file_uploader(
    t("Exports to import"), type=ACCEPTED_TYPES, accept_multiple_files=True, key="upload_files"
)

overrides_by_file: dict[str, dict] = {}
reports = []
for upload in uploads or []:
    source = (upload.name, upload.getvalue())
    overrides = st.session_state.get(f"overrides_{upload.name}", {})
    # Any widget change reruns the page: check each file again only when it, the options or
    # the stored data changed, not on every click.
    preview_key = (upload.file_id, programme, supplier, repr(overrides), data_version(con))
    previews = st.session_state.setdefault("upload_previews", {})
    if preview_key not in previews:
        if len(previews) > 20:  # bounded: a long session keeps only recent checks
            previews.clear()
        previews[preview_key] = import_file(
            con,
            source,
            programme=programme,
            supplier=supplier or None,
            dry_run=True,
            column_overrides=overrides,
            allowed_programmes=current_access().programmes,
        )
    report = previews[preview_key]
    reports.append(report)
    overrides_by_file[upload.name] = overrides
    with st.container(border=True):
        st.subheader(upload.name)
        if report.fatal:
            st.error(message_in(report.fatal, language()))
            continue
        for plan in report.sheets:
            st.markdown(
                t(
                    "**Sheet {sheet}** → table **{table}**, header in row {row}",
                    sheet=repr(plan["sheet"]),
                    table=plan["table"],
                    row=plan["header_row"],
                )
            )
            mapping = pd.DataFrame(
                [
                    {"column in the file": label, "goes to": shown_choice(column)}
                    for label, column in plan["columns"].items()
                ]
            )
            edited = st.data_editor(
                mapping,
                hide_index=True,
                disabled=["column in the file"],
                column_config={  # the frame's column names are what mapping_overrides reads
                    "column in the file": st.column_config.TextColumn(t("column in the file")),
                    "goes to": st.column_config.SelectboxColumn(
                        t("goes to"), options=column_choices(plan["table"]), required=True
                    ),
                },
                key=f"mapping_{upload.name}_{plan['sheet']}",
            )
            changed = mapping_overrides(plan["columns"], edited)
            if changed != plan["columns"]:
                st.session_state[f"overrides_{upload.name}"] = {**overrides, plan["sheet"]: changed}
                st.rerun()
            if plan.get("preview"):
                st.caption(t("First rows as the importer understood them:"))
                st.dataframe(pd.DataFrame(plan["preview"]), hide_index=True, width="stretch")
            if plan["missing_required"]:
                st.warning(
                    t("Required columns not found: {columns}", columns=", ".join(plan["missing_required"]))
                )
        counts = pd.DataFrame(report.tables).T
        if not counts.empty:
            st.dataframe(
                counts,
                width="stretch",
                column_config={
                    "accepted": t("accepted"),
                    "rejected": t("rejected"),
                    "inserted": t("inserted"),
                    "updated": t("updated"),
                    "unchanged": t("unchanged"),
                },
            )
        if report.errors:
            st.markdown(
                t("**{n} problems** — these rows would be kept aside for correction:", n=len(report.errors))
            )
            problems = pd.DataFrame([e.to_json() for e in report.errors])
            st.dataframe(
                problems.assign(message=problems["message"].map(lambda m: message_in(m, language()))),
                hide_index=True,
                width="stretch",
                column_config={
                    "sheet": t("Sheet"),
                    "row": t("Row"),
                    "column": t("Column"),
                    "value": t("Value"),
                    "message": t("Problem"),
                },
            )
        for warning in report.warnings[:20]:
            st.caption(f"⚠ {message_in(warning, language())}")

readable = [r for r in reports if not r.fatal]
if readable and st.button(t("Import {n} file(s)", n=len(readable)), type="primary", key="import_files"):
    progress = st.progress(0.0, text=t("Importing…"))
    to_import = [u for u in uploads if not next(r for r in reports if r.file == u.name).fatal]
    for number, upload in enumerate(to_import):

        def show(fraction: float, step: str, number=number, name=upload.name) -> None:
            step = message_in(step, language())
            progress.progress((number + fraction) / len(to_import), text=f"{name}: {step}…")

        done = import_file(
            con,
            (upload.name, upload.getvalue()),
            programme=programme,
            supplier=supplier or None,
            imported_by=current_user() or "dashboard",
            column_overrides=overrides_by_file.get(upload.name),
            on_progress=show,
            allowed_programmes=current_access().programmes,
        )
        if done.fatal:
            st.error(message_in(done.fatal, language()))
        elif done.outcome == "unchanged":
            st.info(t("{file}: already imported — nothing changed.", file=upload.name))
        else:
            stored = sum(c["inserted"] + c["updated"] for c in done.tables.values())
            rejected = sum(c["rejected"] for c in done.tables.values())
            st.success(
                t(
                    "{file}: {stored} rows stored, {rejected} rejected and kept for correction.",
                    file=upload.name,
                    stored=stored,
                    rejected=rejected,
                )
            )
    progress.progress(1.0, text=t("Done."))

st.subheader(t("Import history"))
history = import_history(con, current_access().programmes)
stored = history[history["outcome"] == "stored"] if not history.empty else history
if not stored.empty:
    left, right = st.columns([3, 1])
    to_undo = left.selectbox(
        t("Undo an import: restore the data as it was before it"),
        stored["import_id"].tolist(),
        format_func=lambda i: f"#{i} {history.set_index('import_id').loc[i, 'file_name']}",
        key="undo_import",
    )
    if right.button(t("Undo this import"), key="undo_button"):
        try:
            st.success(message_in(describe_undo(undo_import(con, int(to_undo), current_user())), language()))
        except UndoRefused as refused:
            st.error(message_in(str(refused), language()))
        history = import_history(con, current_access().programmes)  # as it is after the undo
if history.empty:
    st.info(t("Nothing has been imported yet."))
else:
    show_import_history(history)
    with_rejections = history[(history["rejected_rows"] > 0) & (history["outcome"] != "undone")]
    if not with_rejections.empty:
        chosen = st.selectbox(
            t("Download the rejected rows of an import, with an error column, to correct and re-import"),
            with_rejections["import_id"].tolist(),
            format_func=lambda i: f"#{i} {history.set_index('import_id').loc[i, 'file_name']}",
            key="corrections_import",
        )
        name, data = correction_workbook(con, int(chosen))
        st.download_button(t("Download rows to correct"), data, file_name=name, key="download_corrections")
