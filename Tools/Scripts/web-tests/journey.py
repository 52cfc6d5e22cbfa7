"""The demo web app in headless Chromium: every step asserts what the page shows and saves a
screenshot. Run by run.sh, which starts the app and passes APP_URL, INBOX_URL, SCREENSHOT_DIR."""
import base64
import hashlib
import hmac
import os
import struct
import sys
import time
import uuid

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

APP = os.environ["APP_URL"].rstrip("/")
INBOX = os.environ["INBOX_URL"]
SHOTS = os.environ["SCREENSHOT_DIR"]

passed = 0
failed = 0


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238: HMAC-SHA1 over the 30-second counter, 6 digits."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    code = (struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def make_driver() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


driver = make_driver()
driver.implicitly_wait(5)
step_number = 0


def step(name: str, check) -> None:
    """Runs one step's check, counts it, and saves a screenshot of the page it ends on."""
    global passed, failed, step_number
    step_number += 1
    try:
        check()
        passed += 1
        print(f"✓ {name}")
    except Exception as error:  # noqa: BLE001 - report every failed step
        failed += 1
        print(f"✗ {name}: {error!r}")
    finally:
        slug = name.lower().replace(" ", "-").replace("/", "-")
        driver.save_screenshot(os.path.join(SHOTS, f"{step_number:02d}-{slug}.png"))
    if failed:
        raise SystemExit(finish())


def fill(name: str, value: str) -> None:
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def click_and_wait(element) -> None:
    """Clicks and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 10).until(expected_conditions.staleness_of(page))


def submit(form_action: str) -> None:
    click_and_wait(driver.find_element(By.CSS_SELECTOR, f"form[method='post'][action='{form_action}'] button[type='submit']"))


def heading() -> str:
    return driver.find_element(By.TAG_NAME, "h1").text


def flash() -> str:
    return driver.find_element(By.CSS_SELECTOR, ".flash").text


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def finish() -> int:
    driver.quit()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


email = f"ada+{uuid.uuid4().hex[:8]}@example.com"
password, new_password = "first-pass-1", "second-pass-2"
state: dict[str, str] = {}


def register():
    driver.get(f"{APP}/register")
    fill("firstName", "Ada")
    fill("lastName", "Lovelace")
    fill("email", email)
    fill("password", password)
    submit("/register")
    expect(heading() == "Check your email", f"heading {heading()!r}")
    expect(email in driver.page_source, "the page names the email address")


def open_inbox():
    driver.get(INBOX)
    expect("LoginRadius emulator inbox" in heading(), f"heading {heading()!r}")
    message = driver.find_element(By.CSS_SELECTOR, f"li.message[data-recipient='{email}'][data-purpose='verification']")
    expect("/verify?" in message.find_element(By.CSS_SELECTOR, "a.link").get_attribute("href"), "a verification link")


def click_verification_link():
    message = driver.find_element(By.CSS_SELECTOR, f"li.message[data-recipient='{email}'][data-purpose='verification']")
    click_and_wait(message.find_element(By.CSS_SELECTOR, "a.link"))
    expect(heading() == "Email verified", f"heading {heading()!r}")


def log_in(with_password: str):
    driver.get(f"{APP}/login")
    fill("email", email)
    fill("password", with_password)
    submit("/login")


def log_in_and_see_profile():
    click_and_wait(driver.find_element(By.LINK_TEXT, "Log in"))
    log_in(password)
    expect(driver.current_url == f"{APP}/profile", f"at {driver.current_url}")
    expect(driver.find_element(By.ID, "profile-name").text == "Ada Lovelace", "the profile shows the name")
    expect(email in driver.page_source, "the profile shows the email")
    # The session cookie is HttpOnly and nothing else is stored: page scripts see no token.
    expect(driver.execute_script("return document.cookie") == "", "document.cookie is empty")


def enable_mfa():
    driver.get(f"{APP}/mfa")
    secret = driver.find_element(By.ID, "mfa-secret").text
    state["secret"] = secret
    fill("code", totp(secret))
    submit("/mfa/enable")
    expect("Authenticator app enabled." in flash(), f"flash {flash()!r}")
    expect("enabled" in driver.find_element(By.ID, "mfa-status").text, "MFA shows as enabled")


def log_out():
    click_and_wait(driver.find_element(By.ID, "logout"))
    expect(flash() == "You are logged out.", f"flash {flash()!r}")
    driver.implicitly_wait(0)
    expect(driver.find_elements(By.ID, "logout") == [], "no logout button once logged out")
    driver.implicitly_wait(5)
    # The token is revoked and dropped from the validator's cache: signed-in pages send to the login.
    driver.get(f"{APP}/profile")
    expect(driver.current_url == f"{APP}/login", f"at {driver.current_url}")


def log_in_with_mfa():
    log_in(password)
    expect(driver.current_url == f"{APP}/login/mfa", f"at {driver.current_url}")
    expect(heading() == "Authenticator code", f"heading {heading()!r}")
    fill("code", totp(state["secret"]))
    submit("/login/mfa")
    expect(driver.current_url == f"{APP}/profile", f"at {driver.current_url}")
    expect("verified with your authenticator app" in flash(), f"flash {flash()!r}")


def change_password():
    driver.get(f"{APP}/change-password")
    fill("oldPassword", password)
    fill("newPassword", new_password)
    submit("/change-password")
    expect(flash() == "Password changed.", f"flash {flash()!r}")


def custom_object():
    driver.get(f"{APP}/custom-objects?object=preferences")
    expect(driver.find_element(By.ID, "record-count").text == "0", "no records yet")
    fill("json", '{"theme": "dark", "language": "en"}')
    submit("/custom-objects")
    expect(flash() == "Record created.", f"flash {flash()!r}")
    expect(driver.find_element(By.ID, "record-count").text == "1", "one record")
    record = driver.find_element(By.CSS_SELECTOR, "#records .record-json").text
    expect('"theme":"dark"' in record and '"language":"en"' in record, f"record {record!r}")


def admin_page_needs_the_role():
    # /admin is behind LRHummingbird's role guard: refused without the role, open once assigned.
    driver.get(f"{APP}/admin")
    expect("for users with the LoginRadius role admin" in driver.page_source, "refused without the role")
    driver.get(f"{APP}/roles")
    fill("name", "admin")
    submit("/roles/create")
    expect(flash() == "Role admin created.", f"flash {flash()!r}")
    click_and_wait(driver.find_element(
        By.CSS_SELECTOR, "form[action='/roles/assign']:has(input[name='role'][value='admin']) button"))
    expect(flash() == "Role admin assigned to you.", f"flash {flash()!r}")
    click_and_wait(driver.find_element(By.ID, "admin-link"))
    expect(heading() == "Admin", f"heading {heading()!r}")
    expect("Welcome to the admin area" in driver.page_source, "the admin page opens with the role")


def new_password_works():
    log_in(new_password)
    expect(driver.current_url == f"{APP}/login/mfa", "the new password is accepted (MFA step next)")
    fill("code", totp(state["secret"]))
    submit("/login/mfa")
    expect(driver.find_element(By.ID, "profile-name").text == "Ada Lovelace", "back on the profile")


step("register", register)
step("open the inbox", open_inbox)
step("click the verification link", click_verification_link)
step("log in and see the profile", log_in_and_see_profile)
step("enable MFA with an authenticator code", enable_mfa)
step("log out", log_out)
step("log in with MFA", log_in_with_mfa)
step("change password", change_password)
step("create and list a custom object", custom_object)
step("the admin page needs the admin role", admin_page_needs_the_role)
step("log out again", log_out)
step("log in with the new password and MFA", new_password_works)
step("log out at the end", log_out)
sys.exit(finish())
