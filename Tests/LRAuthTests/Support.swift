import Foundation
import LRAuth
import Synchronization

/// Records requests and answers each with a canned JSON reply, without I/O.
final class CannedTransport: LoginRadiusTransport {
    private let state: Mutex<[LoginRadiusRequest]> = Mutex([])
    let status: Int
    let body: String

    init(status: Int = 200, body: String) {
        self.status = status
        self.body = body
    }

    var requests: [LoginRadiusRequest] { state.withLock { $0 } }

    func send(_ request: LoginRadiusRequest) async throws -> LoginRadiusResponse {
        state.withLock { $0.append(request) }
        return LoginRadiusResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
    }
}

func makeClient(_ transport: CannedTransport) throws -> LoginRadiusClient {
    try LoginRadiusClient(
        configuration: LoginRadiusConfiguration(
            apiKey: "00000000-aaaa-bbbb-cccc-000000000001", apiSecret: "11111111-dddd-eeee-ffff-000000000002"),
        transport: transport)
}

/// A login reply shaped like LoginRadius's, with a field no model declares.
let loginReply = """
    {
      "access_token": "c3b9e8a1-0000-4f5e-9c1d-6a2f4e1b7d10",
      "refresh_token": "r-7f3a",
      "expires_in": "2026-12-29T09:17:46.6040624Z",
      "Profile": {
        "Uid": "9f1c6e0e5d0a4a4b8c4f1d2e3f4a5b6c",
        "ID": "a1b2",
        "FirstName": "Ada",
        "LastName": "Lovelace",
        "Email": [{"Type": "Primary", "Value": "ada@example.com"}],
        "EmailVerified": true,
        "NoOfLogins": 3,
        "LastLoginDate": "2026-11-29T09:17:46.597Z",
        "CustomFields": {"plan": "pro"},
        "FavoriteColor": "teal"
      },
      "NewTopLevelField": {"nested": [1, 2]}
    }
    """
