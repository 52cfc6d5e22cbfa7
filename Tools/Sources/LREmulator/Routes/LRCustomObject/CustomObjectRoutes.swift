// Custom objects, by access token and by uid (`?objectname=` on every call):
// POST   identity/v2/auth/customobject                        — create (token), record
// GET    identity/v2/auth/customobject                        — {"Count", "data": [record]}
// GET    identity/v2/auth/customobject/{id}                   — record
// PUT    identity/v2/auth/customobject/{id}?updatetype=       — record
// DELETE identity/v2/auth/customobject/{id}                   — {"IsDeleted": true}
// …and the same under identity/v2/manage/account/{uid}/customobject (API secret).
// A record: {"Id", "IsActive", "DateCreated", "DateModified", "IsDeleted", "Uid", "CustomObject"}.
import Foundation

enum CustomObjectRoutes {
    static let routes = [
        Route("POST", "identity/v2/auth/customobject", create),
        Route("GET", "identity/v2/auth/customobject", list),
        Route("GET", "identity/v2/auth/customobject/{id}", read),
        Route("PUT", "identity/v2/auth/customobject/{id}", update),
        Route("DELETE", "identity/v2/auth/customobject/{id}", delete),
        Route("POST", "identity/v2/manage/account/{uid}/customobject", create),
        Route("GET", "identity/v2/manage/account/{uid}/customobject", list),
        Route("GET", "identity/v2/manage/account/{uid}/customobject/{id}", read),
        Route("PUT", "identity/v2/manage/account/{uid}/customobject/{id}", update),
        Route("DELETE", "identity/v2/manage/account/{uid}/customobject/{id}", delete),
    ]

    /// The user a call is for: the `{uid}` of a manage path (938), else the access token's
    /// (1060, 905, 906).
    private static func owner(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> Account
    {
        if parameters["uid"] != nil { return try await engine.requireAccount(uid: parameters["uid"]) }
        return try await engine.authenticatedUser(request).1
    }

    /// `objectname` (908 when missing).
    private static func objectName(_ request: EmulatorRequest) throws(LoginRadiusAPIError) -> String {
        guard let name = request.query["objectname"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            throw LoginRadiusAPIError(.parameterNotFormatted)
        }
        return name
    }

    /// The body as a JSON object (1035 otherwise, an empty body included).
    private static func payload(_ request: EmulatorRequest) throws(LoginRadiusAPIError) -> JSONObject {
        guard case .object(let object)? = JSON.parse(request.body) else {
            throw LoginRadiusAPIError(.customObjectJSONInvalid)
        }
        return object
    }

    /// Fires `CreateCustomObject`.
    @Sendable
    static func create(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await owner(request, parameters, engine)
        let name = try objectName(request)
        let record = await engine.management.store.createCustomObject(
            uid: account.uid, objectName: name, payload: try payload(request), now: engine.now)
        await engine.management.notify("CreateCustomObject", data: record.json, engine: engine)
        return EmulatorResponse(body: record.json)
    }

    /// All the user's records of the object, deleted (inactive) ones included.
    @Sendable
    static func list(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await owner(request, parameters, engine)
        let records = await engine.management.store.customObjects(uid: account.uid, objectName: try objectName(request))
        return .ok(("Count", .int(records.count)), ("data", .array(records.map(\.json))))
    }

    /// 1001 for an id the user's object does not have.
    @Sendable
    static func read(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await owner(request, parameters, engine)
        let record = try await engine.management.store.customObject(
            id: parameters["id"] ?? "", uid: account.uid, objectName: try objectName(request))
        return EmulatorResponse(body: record.json)
    }

    /// `updatetype=replace` replaces the object; otherwise (`partialreplace`, the default
    /// *(choice)*) the body's fields are merged in. 1001 for an unknown or deleted record.
    /// Fires `UpdateCustomObject`.
    @Sendable
    static func update(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await owner(request, parameters, engine)
        let replace = request.query["updatetype"]?.lowercased() == "replace"
        let record = try await engine.management.store.updateCustomObject(
            id: parameters["id"] ?? "", uid: account.uid, objectName: try objectName(request),
            payload: try payload(request), replace: replace, now: engine.now)
        await engine.management.notify("UpdateCustomObject", data: record.json, engine: engine)
        return EmulatorResponse(body: record.json)
    }

    /// Deactivates the record (`IsActive: false`, `IsDeleted: true`); 1001 for an unknown or
    /// already deleted one. Fires `DeleteCustomObject`.
    @Sendable
    static func delete(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await owner(request, parameters, engine)
        let record = try await engine.management.store.deleteCustomObject(
            id: parameters["id"] ?? "", uid: account.uid, objectName: try objectName(request), now: engine.now)
        await engine.management.notify("DeleteCustomObject", data: record.json, engine: engine)
        return .ok(("IsDeleted", .bool(true)))
    }
}
