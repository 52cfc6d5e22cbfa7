"""The auth journey with LoginRadius's Python SDK against lr-emulator.

Each step prints one line; the last line is `python client: N passed, N failed`.
"""
import json
import os
import sys
import urllib.request
import uuid
from datetime import datetime, timedelta

from LoginRadius import LoginRadius as LR

BASE = os.environ["LR_BASE_URL"]
LR.API_KEY = os.environ["LR_API_KEY"]
LR.API_SECRET = os.environ["LR_API_SECRET"]
LR.CUSTOM_DOMAIN = BASE
client = LR()

passed = 0
failed = 0


def step(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"✓ {name}")
    else:
        failed += 1
        print(f"✗ {name}: {detail}")


def outbox_token(email, purpose):
    with urllib.request.urlopen(BASE + "emulator/v1/outbox") as reply:
        messages = json.load(reply)
    tokens = [m.get("token") for m in messages if m.get("recipient") == email and m.get("purpose") == purpose]
    return tokens[-1] if tokens else None


# The SDK's own clock formats with a 12-hour %I (a known defect), so pass a 24-hour window.
now = datetime.utcnow()
sott = client.get_sott(
    startTime=now.strftime("%Y/%m/%d %H:%M:%S"),
    endTime=(now + timedelta(minutes=10)).strftime("%Y/%m/%d %H:%M:%S"),
)
email = f"python+{uuid.uuid4().hex[:8]}@example.com"
password = "Python-pass-1"

reply = client.authentication.user_registration_by_email(
    {"Email": [{"Type": "Primary", "Value": email}], "FirstName": "Grace", "Password": password}, sott
)
step("register with a locally generated SOTT", reply.get("IsPosted") is True, reply)

token = outbox_token(email, "verification")
step("verification token in the outbox", token is not None)

reply = client.authentication.verify_email(token or "missing")
step("verify email", reply.get("IsPosted") is True, reply)

reply = client.authentication.login_by_email({"email": email, "password": password})
access_token = reply.get("access_token")
step("login by email", access_token is not None and reply.get("Profile", {}).get("FirstName") == "Grace", reply)

reply = client.authentication.get_profile_by_access_token(access_token or "missing")
step("read profile", reply.get("Email", [{}])[0].get("Value") == email, reply)

reply = client.authentication.update_profile_by_access_token(access_token or "missing", {"FirstName": "Hopper"})
step("update profile", reply.get("IsPosted") is True and reply.get("Data", {}).get("FirstName") == "Hopper", reply)

reply = client.authentication.change_password(access_token or "missing", "Python-pass-2", password)
step("change password", reply.get("IsPosted") is True, reply)

reply = client.authentication.login_by_email({"email": email, "password": "Python-pass-2"})
step("login with the new password", reply.get("access_token") is not None, reply)

reply = client.authentication.login_by_email({"email": email, "password": password})
step("the old password is refused", reply.get("ErrorCode") is not None, reply)

print(f"python client: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
