import LRAuth
import Testing

/// The origin-IP policy the framework plugins share: which address goes to LoginRadius.
@Suite("Origin IP source")
struct OriginIPSourceTests {
    @Test("X-Forwarded-For is read only when trusted, first address, trimmed; else the peer")
    func policy() {
        let peer = "10.0.0.9"
        let forwarded = " 203.0.113.7 , 10.0.0.1"
        #expect(OriginIPSource.none.address(peer: { peer }, forwardedFor: { forwarded }) == nil)
        #expect(OriginIPSource.peer.address(peer: { peer }, forwardedFor: { forwarded }) == peer)
        #expect(
            OriginIPSource.trustedForwardedFor.address(peer: { peer }, forwardedFor: { forwarded }) == "203.0.113.7")
        #expect(OriginIPSource.trustedForwardedFor.address(peer: { peer }, forwardedFor: { nil }) == peer)
        #expect(OriginIPSource.trustedForwardedFor.address(peer: { peer }, forwardedFor: { " ,1.2.3.4" }) == peer)
        #expect(OriginIPSource.peer.address(peer: { nil }, forwardedFor: { forwarded }) == nil)
    }
}
