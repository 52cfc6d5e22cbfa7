#!/usr/bin/env python3
"""Writes every ```swift block of README.md and Docs/*.md as a Swift file under Extracted/ (each marked `swift-format-ignore-file`).

A block is compiled inside an async throwing function whose parameters stand for the values
examples take as given (client, configuration, email, password, token, ...), unless it declares
extensions or protocols, which go to file scope. A block preceded by `<!-- fragment: reason -->`
is skipped; the reason must not be empty.
"""
import glob
import os
import re
import sys

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Extracted")
os.makedirs(out_dir, exist_ok=True)
for old in glob.glob(os.path.join(out_dir, "*.swift")):
    os.remove(old)

GIVEN = (
    "client: LoginRadiusClient, configuration: LoginRadiusConfiguration, env: [String: String], "
    "email: String, password: String, token: String, accessToken: String, uid: String, "
    "apiKey: String, apiSecret: String, new: String, old: String, "
    "remoteAddress: String, previousAPISecret: String, body: Data, headers: LoginRadiusHeaders, "
    "credentials: EmailAuthenticationModel"
)
FILE_SCOPE = re.compile(r"^(extension|protocol|public protocol|@main)\b", re.M)

compiled = skipped = 0
documents = [os.path.join(root, "README.md")] + sorted(glob.glob(os.path.join(root, "Docs", "*.md")))
for document in documents:
    name = os.path.relpath(document, root)
    lines = open(document, encoding="utf-8").read().split("\n")
    index = 0
    while index < len(lines):
        if lines[index].strip() != "```swift":
            index += 1
            continue
        start = index + 1
        end = start
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        previous = next((lines[i].strip() for i in range(index - 1, -1, -1) if lines[i].strip()), "")
        index = end + 1
        fragment = re.match(r"<!--\s*fragment:(.*)-->", previous)
        if fragment:
            if not fragment.group(1).strip():
                sys.exit(f"{name}:{start}: a fragment needs a reason")
            skipped += 1
            continue
        body = lines[start:end]
        imports = sorted({line.strip() for line in body if line.startswith("import ")} | {"import LoginRadius", "import Foundation"})
        code = [line for line in body if not line.startswith("import ")]
        ident = re.sub(r"[^A-Za-z0-9]", "_", name) + f"_{start}"
        text = "// swift-format-ignore-file\n" + "\n".join(imports) + f"\n\n// {name}, line {start}\n"
        if FILE_SCOPE.search("\n".join(code)):
            text += "\n".join(code) + "\n"
        else:
            text += f"@Sendable func snippet_{ident}({GIVEN}) async throws {{\n"
            text += "\n".join("    " + line if line else "" for line in code) + "\n}\n"
        with open(os.path.join(out_dir, f"{ident}.swift"), "w", encoding="utf-8") as handle:
            handle.write(text)
        compiled += 1
print(f"Extracted {compiled} Swift blocks ({skipped} marked as fragments)")
