// GET    emulator/v1/accounts              — every account with its live sessions
// GET    emulator/v1/accounts/{uid}        — one account (404 if unknown)
// DELETE emulator/v1/accounts/{uid}        — deletes it
// POST   emulator/v1/accounts/{uid}/block  — blocks it (`IsActive: false`; logins answer 991)
// POST   emulator/v1/accounts/{uid}/unblock
// GET    emulator/accounts                 — the same as an HTML page beside the inbox, with
//                                            block/unblock/delete buttons (forms POSTing to
//                                            emulator/accounts/{uid}/{action}, which redirect back)
import Foundation

enum EmulatorAccountRoutes {
    static let routes = [
        Route("GET", "emulator/v1/accounts", list),
        Route("GET", "emulator/v1/accounts/{uid}", read),
        Route("DELETE", "emulator/v1/accounts/{uid}", delete),
        Route("POST", "emulator/v1/accounts/{uid}/block", block),
        Route("POST", "emulator/v1/accounts/{uid}/unblock", unblock),
        Route("GET", "emulator/accounts", page),
        Route("POST", "emulator/accounts/{uid}/{action}", pageAction),
    ]

    @Sendable
    static func list(_: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try ControlJSON.response(await engine.emulatorAccounts())
    }

    @Sendable
    static func read(_: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let uid = parameters["uid"] ?? ""
        guard let account = await engine.emulatorAccount(uid: uid) else {
            throw ControlError.notFound("no account with uid \(uid)")
        }
        return try ControlJSON.response(account)
    }

    @Sendable
    static func delete(_: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let uid = parameters["uid"] ?? ""
        guard await engine.deleteAccount(uid: uid) else { throw ControlError.notFound("no account with uid \(uid)") }
        return .ok(("IsDeleted", .bool(true)))
    }

    @Sendable
    static func block(_: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try await setBlocked(parameters["uid"] ?? "", true, engine)
    }

    @Sendable
    static func unblock(_: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try await setBlocked(parameters["uid"] ?? "", false, engine)
    }

    private static func setBlocked(_ uid: String, _ blocked: Bool, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        guard await engine.setBlocked(uid: uid, blocked), let account = await engine.emulatorAccount(uid: uid) else {
            throw ControlError.notFound("no account with uid \(uid)")
        }
        return try ControlJSON.response(account)
    }

    // MARK: The page

    @Sendable
    static func page(_: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        var response = EmulatorResponse(body: .null)
        response.text = EmulatorAccountsPage.html(await engine.emulatorAccounts())
        response.headers = [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]
        return response
    }

    @Sendable
    static func pageAction(_: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let uid = parameters["uid"] ?? ""
        switch parameters["action"]?.lowercased() {
        case "block": _ = await engine.setBlocked(uid: uid, true)
        case "unblock": _ = await engine.setBlocked(uid: uid, false)
        case "delete": _ = await engine.deleteAccount(uid: uid)
        default: throw ControlError.notFound("unknown action")
        }
        var response = EmulatorResponse(status: 303, body: .null)
        response.text = ""
        response.headers = [("Location", "/emulator/accounts")]
        return response
    }
}

enum EmulatorAccountsPage {
    static func html(_ accounts: [EmulatorAccount]) -> String {
        let escape = EmulatorInboxRoutes.escape
        let rows = accounts.map { account in
            let sessions = account.sessions.map { session in
                "<li><code>\(escape(session.accessToken))</code> until \(escape(LoginRadiusDates.iso8601(session.expiresAt)))</li>"
            }.joined()
            let action = account.isActive ? "block" : "unblock"
            let uid = escape(account.uid)
            return """
                <tr data-uid="\(uid)" data-active="\(account.isActive)">
                <td><code>\(uid)</code></td>
                <td>\(escape(account.emails.joined(separator: ", ")))\(account.username.map { "<br>" + escape($0) } ?? "")\(account.phoneId.map { "<br>" + escape($0) } ?? "")</td>
                <td>\(account.isActive ? "active" : "<strong>blocked</strong>")</td>
                <td><ul>\(sessions)</ul></td>
                <td><form method="post" action="/emulator/accounts/\(uid)/\(action)"><button>\(action.capitalized)</button></form>
                <form method="post" action="/emulator/accounts/\(uid)/delete"><button>Delete</button></form></td>
                </tr>
                """
        }.joined(separator: "\n")
        let table =
            accounts.isEmpty
            ? "<p class=\"empty\">No accounts yet.</p>"
            : "<table><tr><th>Uid</th><th>Identity</th><th>State</th><th>Sessions</th><th></th></tr>\n\(rows)\n</table>"
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Emulator accounts (\(accounts.count))</title>
            <style>
            body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 64rem; color: #1d2330; padding: 0 1rem; }
            table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #d7dce5; padding: .4rem; text-align: left; vertical-align: top; }
            code { background: #f2f4f8; padding: .1rem .3rem; border-radius: 4px; word-break: break-all; }
            ul { margin: 0; padding-left: 1rem; } form { display: inline; }
            </style>
            </head>
            <body>
            <h1>LoginRadius emulator accounts</h1>
            <p><a href="/emulator/inbox">Inbox</a></p>
            \(table)
            </body>
            </html>
            """
    }
}
