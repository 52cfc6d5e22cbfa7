// Renders the Mustache templates in Resources/templates into HTML responses. Every page gets the
// layout's values: the CSRF token for its forms, whether someone is signed in (the identity the
// authenticator validated), the flash message and the emulator inbox link. Mustache HTML-escapes every `{{value}}`.
import Foundation
import Hummingbird
import Mustache

struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// `<emulator>/emulator/inbox` when running against the emulator.
    let inboxURL: String?

    /// Loads the templates shipped as the target's resources.
    static func load(inboxURL: String?) async throws -> PageRenderer {
        guard let directory = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            throw DemoWebError("the templates directory is missing from the LRDemoWeb bundle")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory.path), inboxURL: inboxURL)
    }

    /// An HTML page from template `name` with `values` and the layout's values.
    func render(_ name: String, status: HTTPResponse.Status = .ok, context: DemoContext, values: [String: Any] = [:])
        -> Response
    {
        var all: [String: Any] = [
            "csrf": context.session.csrfToken,
            "signedIn": context.isSignedIn,
            "userEmail": context.identity?.profile.email?.first?.value ?? "",
        ]
        if let flash = context.flash { all["flash"] = flash }
        if let inboxURL { all["inboxURL"] = inboxURL }
        all.merge(values) { _, new in new }
        let html =
            library.render(all, withTemplate: name)
            ?? "<!doctype html><title>Missing template</title><p>Template \(name) is missing.</p>"
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}

/// A failure of the demo app itself (not of LoginRadius).
struct DemoWebError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
