import LRCore
import Testing

@Suite("Percent-encoding")
struct PercentEncodingTests {
    @Test(
        "reserved and non-ASCII characters are encoded; unreserved are not",
        arguments: [
            ("user+tag@example.com", "user%2Btag%40example.com"),
            ("a b&c=d#e%f/g?h", "a%20b%26c%3Dd%23e%25f%2Fg%3Fh"),
            ("josé", "jos%C3%A9"),
            ("AZaz09-._~", "AZaz09-._~"),
            ("😀", "%F0%9F%98%80"),
        ])
    func encodes(input: String, expected: String) {
        #expect(PercentEncoding.encode(input) == expected)
        #expect(PercentEncoding.decode(expected) == input)
    }

    @Test("a '+' is never decoded as a space, and malformed escapes are refused")
    func decoding() {
        #expect(PercentEncoding.decode("a+b") == "a+b")
        #expect(PercentEncoding.decode("%zz") == nil)
        #expect(PercentEncoding.decode("%4") == nil)
    }

    @Test("a request renders path segments and query items encoded")
    func requestURL() {
        let request = LoginRadiusRequest(
            method: .get, baseURL: "https://api.example.com/", pathSegments: ["identity", "a/b?c"],
            queryItems: [QueryItem(name: "email", value: "x+y@z.com"), QueryItem(name: "q", value: "a&b=c")])
        #expect(request.url == "https://api.example.com/identity/a%2Fb%3Fc?email=x%2By%40z.com&q=a%26b%3Dc")
    }

    @Test("a custom domain with a base path and no trailing slash keeps its path")
    func customDomain() {
        let request = LoginRadiusRequest(
            method: .get, baseURL: "https://id.example.com/lr", pathSegments: ["identity", "v2"])
        #expect(request.url == "https://id.example.com/lr/identity/v2")
    }
}
