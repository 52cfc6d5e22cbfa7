// GET emulator/inbox — the outbox as an HTML mailbox a person can read in a browser: every
// email and SMS "sent", newest first, with its links (clickable, as in a mail client), tokens
// and OTPs. The page refreshes itself every few seconds. No API key needed. Everything taken
// from a message is HTML-escaped.
import Foundation

enum EmulatorInboxRoutes {
    static let routes = [
        Route("GET", "emulator/inbox", inbox)
    ]

    /// Seconds between automatic reloads of the page.
    static let refreshSeconds = 3

    @Sendable
    static func inbox(_: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws -> EmulatorResponse
    {
        var response = EmulatorResponse(body: .null)
        response.text = page(for: await engine.outbox.all())
        response.headers = [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]
        return response
    }

    /// The whole page for these messages (oldest first, as the outbox keeps them).
    static func page(for messages: [OutboxMessage]) -> String {
        let items = messages.reversed().map(item).joined(separator: "\n")
        let list =
            messages.isEmpty ? "<p class=\"empty\">No messages yet.</p>" : "<ol class=\"messages\">\n\(items)\n</ol>"
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="refresh" content="\(refreshSeconds)">
            <title>Emulator inbox (\(messages.count))</title>
            <style>
            body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 52rem; color: #1d2330; padding: 0 1rem; }
            h1 { font-size: 1.4rem; } .note { color: #5b6475; }
            ol.messages { list-style: none; padding: 0; }
            li.message { border: 1px solid #d7dce5; border-radius: 8px; padding: .8rem 1rem; margin: .8rem 0; }
            .meta { color: #5b6475; font-size: .85rem; } .subject { font-weight: 600; }
            code { background: #f2f4f8; padding: .1rem .3rem; border-radius: 4px; word-break: break-all; }
            a { color: #2454c5; word-break: break-all; }
            </style>
            </head>
            <body>
            <h1>LoginRadius emulator inbox</h1>
            <p class="note">Every email and SMS the emulator has sent, newest first. This page reloads every \(refreshSeconds) seconds.</p>
            \(list)
            </body>
            </html>
            """
    }

    private static func item(_ message: OutboxMessage) -> String {
        var lines = [
            "<li class=\"message\" data-purpose=\"\(escape(message.purpose.rawValue))\" data-recipient=\"\(escape(message.recipient))\">",
            "<div class=\"meta\">\(escape(message.channel.rawValue.uppercased())) to <span class=\"recipient\">\(escape(message.recipient))</span>"
                + " · \(escape(message.purpose.rawValue)) · \(escape(LoginRadiusDates.iso8601(message.createdAt)))</div>",
            "<div class=\"subject\">\(escape(message.subject ?? message.purpose.rawValue))</div>",
        ]
        if let link = message.link {
            // Only http(s) links are clickable: a `javascript:` URL stays text.
            let lowered = link.lowercased()
            if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
                lines.append("<div>Link: <a class=\"link\" href=\"\(escape(link))\">\(escape(link))</a></div>")
            } else {
                lines.append("<div>Link: <code class=\"link\">\(escape(link))</code></div>")
            }
        }
        if let token = message.token {
            lines.append("<div>Token: <code class=\"token\">\(escape(token))</code></div>")
        }
        if let otp = message.otp {
            lines.append("<div>OTP: <code class=\"otp\">\(escape(otp))</code></div>")
        }
        if let template = message.template {
            lines.append("<div class=\"meta\">Template: \(escape(template))</div>")
        }
        lines.append("</li>")
        return lines.joined(separator: "\n")
    }

    /// Escapes text for HTML element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
