// What the stress round's fault server answers, by the request's last path segment: `echo`
// (`200 {"id": <query id>}`), `reset` (RST before any byte), `unavailable` (`503` with HTML),
// anything else silence (the client times out). Served by the shared loopback server with
// keep-alive, so that connections are reused as against LoginRadius.
import LRTestSupport

enum StressFaultReplies {
    @Sendable
    static func reply(to request: LoopbackServer.Request) -> LoopbackServer.Reply {
        switch request.path.split(separator: "/").last.map(String.init) ?? "" {
        case "echo":
            .json(#"{"id":"\#(request.query("id") ?? "")"}"#)
        case "reset":
            .reset
        case "unavailable":
            .respond(
                status: 503, contentType: "text/html", body: "<html><body>503 Service Unavailable</body></html>")
        default:
            .silent
        }
    }
}
