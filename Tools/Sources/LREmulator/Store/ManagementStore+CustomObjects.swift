// Custom object records. A user may hold several records per object name. Deleting a record
// does not remove it: LoginRadius deactivates it (`IsActive: false`, `IsDeleted: true`), and
// listings keep showing it that way; it can no longer be updated or deleted (1001).
import Foundation

struct CustomObjectRecord: Codable, Sendable, Equatable {
    /// 24 hex digits, like LoginRadius's record ids.
    let id: String
    var uid: String
    let objectName: String
    var isActive: Bool
    var isDeleted: Bool
    let dateCreated: Date
    var dateModified: Date
    var payload: JSONObject

    /// `{"Id", "IsActive", "DateCreated", "DateModified", "IsDeleted", "Uid", "CustomObject"}`
    var json: JSON {
        .object(
            JSONObject([
                ("Id", .string(id)),
                ("IsActive", .bool(isActive)),
                ("DateCreated", .string(LoginRadiusDates.iso8601(dateCreated))),
                ("DateModified", .string(LoginRadiusDates.iso8601(dateModified))),
                ("IsDeleted", .bool(isDeleted)),
                ("Uid", .string(uid)),
                ("CustomObject", .object(payload)),
            ]))
    }
}

extension ManagementStore {
    func createCustomObject(uid: String, objectName: String, payload: JSONObject, now: Date) -> CustomObjectRecord {
        let record = CustomObjectRecord(
            id: String(TokenGenerator.hex32().prefix(24)), uid: uid, objectName: objectName,
            isActive: true, isDeleted: false, dateCreated: now, dateModified: now, payload: payload)
        customObjects.append(record)
        return record
    }

    /// The user's records of an object, deactivated ones included, oldest first.
    func customObjects(uid: String, objectName: String) -> [CustomObjectRecord] {
        customObjects.filter { $0.uid == uid && $0.objectName.lowercased() == objectName.lowercased() }
    }

    /// One record of the user's object (1001 if there is none with that id).
    func customObject(id: String, uid: String, objectName: String) throws(LoginRadiusAPIError) -> CustomObjectRecord {
        try customObjects[index(of: id, uid: uid, objectName: objectName)]
    }

    /// `replace` swaps the whole payload; anything else (`partialreplace`) merges the given
    /// top-level fields into it. 1001 for an unknown or deleted record.
    func updateCustomObject(
        id: String, uid: String, objectName: String, payload: JSONObject, replace: Bool, now: Date
    ) throws(LoginRadiusAPIError) -> CustomObjectRecord {
        let index = try index(of: id, uid: uid, objectName: objectName)
        guard customObjects[index].isActive else { throw LoginRadiusAPIError(.customObjectIdInvalid) }
        if replace {
            customObjects[index].payload = payload
        } else {
            for entry in payload.entries { customObjects[index].payload[entry.key] = entry.value }
        }
        customObjects[index].dateModified = now
        return customObjects[index]
    }

    /// Deactivates a record (1001 for an unknown or already deleted one).
    func deleteCustomObject(id: String, uid: String, objectName: String, now: Date) throws(LoginRadiusAPIError)
        -> CustomObjectRecord
    {
        let index = try index(of: id, uid: uid, objectName: objectName)
        guard customObjects[index].isActive else { throw LoginRadiusAPIError(.customObjectIdInvalid) }
        customObjects[index].isActive = false
        customObjects[index].isDeleted = true
        customObjects[index].dateModified = now
        return customObjects[index]
    }

    private func index(of id: String, uid: String, objectName: String) throws(LoginRadiusAPIError) -> Int {
        guard
            let index = customObjects.firstIndex(where: {
                $0.id == id && $0.uid == uid && $0.objectName.lowercased() == objectName.lowercased()
            })
        else { throw LoginRadiusAPIError(.customObjectIdInvalid) }
        return index
    }
}
