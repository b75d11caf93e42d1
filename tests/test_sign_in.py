"""Sign-in through a real OpenID Connect provider (oidc-provider-mock, on loopback) in a real
browser: a signed-out browser sees the sign-in page and nothing more; a buyer of the sample
programme signs in and never sees the other programme, not in the menus, the downloads or a
link that asks for it; a coordinator sees both and the import page. Runs on Debian's chromium;
a missing browser fails the test."""

import csv
import re
import secrets

import pytest
from browser_harness import _free_port, start_dashboard
from playwright.sync_api import Page, expect
from test_access import SECRET_NAMES, add_other_programme

from engagement.db import open_database
from engagement.sample import load_sample

BUYER_EMAIL = "inkoper@havenstad.example"
COORDINATOR_EMAIL = "coordinator@monitor.example"


@pytest.fixture(scope="module")
def signed_dashboard(tmp_path_factory):
    """The dashboard with sign-in configured against a mock provider, on two programmes."""
    from oidc_provider_mock import run_server_in_thread

    folder = tmp_path_factory.mktemp("sign_in")
    database = folder / "two.duckdb"
    con = open_database(database)
    load_sample(con)
    add_other_programme(con)
    con.close()
    (folder / "access.toml").write_text(
        f'[[user]]\nemail = "{COORDINATOR_EMAIL}"\nrole = "coordinator"\nprogrammes = ["*"]\n\n'
        f'[[user]]\nemail = "{BUYER_EMAIL}"\nrole = "buyer"\nprogrammes = ["LEVP sample"]\n',
        encoding="utf-8",
    )
    port = _free_port()
    with run_server_in_thread() as provider:
        (folder / "secrets.toml").write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(16)}"\n'
            'client_id = "engagement-dashboard"\n'
            'client_secret = "test-secret"\n'
            f'server_metadata_url = "http://localhost:{provider.server_port}/.well-known/openid-configuration"\n',
            encoding="utf-8",
        )
        process, url = start_dashboard(
            database,
            folder / "streamlit.log",
            port=port,
            options=("--secrets.files", str(folder / "secrets.toml")),
            env={"ENGAGEMENT_ACCESS": str(folder / "access.toml")},
        )
        yield url
        process.terminate()
        process.wait(timeout=20)
        con = open_database(database)  # after the tests: who downloaded what is in the audit log
        exports = con.execute("select who, detail from audit_log where action = 'export'").fetchall()
        con.close()
        assert (BUYER_EMAIL, "supplier scorecard (CSV)") in exports


def sign_in(page: Page, url: str, email: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Sign in").click()
    page.locator('input[name="sub"]').fill(email)  # the provider's own form
    page.get_by_role("button", name="Authorize").click()
    expect(page.get_by_text(f"Signed in as {email}")).to_be_visible(timeout=30_000)


def page_text(page: Page) -> str:
    page.wait_for_load_state("networkidle")
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=30_000)
    return page.locator("body").inner_text()


def supplier_options(page: Page) -> str:
    """The names the sidebar's Supplier filter offers, read from its open list."""
    page_text(page)  # the run is over
    chooser = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Supplier")
    for _attempt in range(3):  # a click during a rerun can be lost
        chooser.locator("input").click()
        if page.get_by_role("listbox").count():
            break
        page.wait_for_timeout(500)
    listed = page.get_by_role("listbox").inner_text(timeout=10_000)
    page.keyboard.press("Escape")
    return listed


def test_signed_out_sees_the_sign_in_page_and_nothing_more(signed_dashboard, browser):
    context = browser.new_context()
    page = context.new_page()
    for path in ("", "/scorecard", "/upload?supplier=Voltara%20Cars"):
        page.goto(signed_dashboard + path)
        expect(page.get_by_role("button", name="Sign in")).to_be_visible(timeout=30_000)
        text = page_text(page)
        assert "Voltara" not in text and "LEVP" not in text and "Bravo" not in text, path
        expect(page.locator('[data-testid="stSidebarNav"]')).to_have_count(0)
    context.close()


def test_a_buyer_signs_in_and_sees_only_their_programme(signed_dashboard, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    sign_in(page, signed_dashboard, BUYER_EMAIL)
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Overview" in nav and "Import" not in nav and "Data" not in nav.split()
    options = supplier_options(page)
    assert "Autobuses Solvento" in options  # the list shows its first names; Bravo... would be among them
    assert not [name for name in SECRET_NAMES if name in options]

    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Supplier scorecard").click()
    expect(page.get_by_role("heading", name="Supplier scorecard", exact=True)).to_be_visible(timeout=30_000)
    text = page_text(page)
    assert not [name for name in SECRET_NAMES if name in text]
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download the scorecard (CSV)").click()
    saved = tmp_path / "scorecard.csv"
    download.value.save_as(saved)
    rows = list(csv.DictReader(saved.open(encoding="utf-8-sig")))
    assert rows and "Voltara Cars" in {row["supplier"] for row in rows}
    assert not [row for row in rows if row["supplier"] in SECRET_NAMES]

    # a coordinator's page by its address: not there for a buyer
    for path in ("/upload", "/data"):
        page.goto(signed_dashboard + path)
        text = page_text(page)
        assert not [name for name in SECRET_NAMES if name in text], path
        assert "Import history" not in text and "Drag and drop" not in text, path
    # a link that asks for the other programme and its supplier
    page.goto(signed_dashboard + "/scorecard?programme=Programme%20B&supplier=Bravo%20Secret%20Motors")
    text = page_text(page)
    assert not [name for name in SECRET_NAMES if name in text]
    assert not re.search("Bravo", supplier_options(page))
    context.close()


def test_a_coordinator_sees_every_programme_and_the_import_page(signed_dashboard, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    sign_in(page, signed_dashboard, COORDINATOR_EMAIL)
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Import" in nav
    assert "Bravo Secret Motors" in supplier_options(page)
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="End session").click()  # the provider ends its session too
    expect(page.get_by_role("button", name="Sign in")).to_be_visible(timeout=30_000)
    page.goto(signed_dashboard + "/scorecard")  # signed out: the sign-in page again
    expect(page.get_by_role("button", name="Sign in")).to_be_visible(timeout=30_000)
    text = page_text(page)
    assert "Bravo" not in text and "Voltara" not in text
    context.close()
