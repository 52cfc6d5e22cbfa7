// GET /custom-objects?object=… — the user's records of a custom object; POST /custom-objects —
// create one from JSON; POST /custom-objects/delete — delete one.
import Foundation
import Hummingbird
import LoginRadius

enum CustomObjectFeature: DemoFeature {
    static let defaultObject = "preferences"

    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.get("custom-objects") { request, context in
            guard let accessToken = context.accessToken else { return await services.loginRequired(context) }
            let object = request.uri.queryParameters["object"].map(String.init) ?? defaultObject
            return await page(object: object, accessToken: accessToken, context: context, services: services)
        }

        router.post("custom-objects") { _, context in
            guard let accessToken = context.accessToken else { return await services.loginRequired(context) }
            let object = context.form["object"]
            let json = context.form["json"]
            do {
                guard let payload = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)),
                    payload.objectValue != nil
                else {
                    throw DemoInputError("Please enter a JSON object, like {\"theme\": \"dark\"}.")
                }
                // POST identity/v2/auth/customobject?objectname=…
                _ = try await services.client(context).customObject.createCustomObjectByToken(
                    payload,
                    accessToken: accessToken, objectName: object)
                return await services.redirect(
                    context, to: "/custom-objects?object=\(query(object))", flash: "Record created.")
            } catch {
                return await page(
                    object: object, accessToken: accessToken, context: context, services: services, error: error,
                    json: json)
            }
        }

        router.post("custom-objects/delete") { _, context in
            guard let accessToken = context.accessToken else { return await services.loginRequired(context) }
            let object = context.form["object"]
            do {
                // DELETE identity/v2/auth/customobject/{recordId}?objectname=…
                _ = try await services.client(context).customObject.deleteCustomObjectByToken(
                    accessToken: accessToken, objectName: object, objectRecordID: context.form["recordId"])
                return await services.redirect(
                    context, to: "/custom-objects?object=\(query(object))", flash: "Record deleted.")
            } catch {
                return await page(
                    object: object, accessToken: accessToken, context: context, services: services, error: error)
            }
        }
    }

    static func page(
        object: String, accessToken: String, context: DemoContext, services: DemoServices, error: (any Error)? = nil,
        json: String = ""
    ) async -> Response {
        var values: [String: Any] = [
            "title": "Custom objects", "object": object, "json": json.isEmpty ? "{\"theme\": \"dark\"}" : json,
        ]
        do {
            // GET identity/v2/auth/customobject?objectname=…
            let list = try await services.client(context).customObject.getCustomObjectByToken(
                accessToken: accessToken, objectName: object)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            values["records"] = (list.data ?? []).map { record in
                [
                    "id": record.id ?? "",
                    "json": (try? encoder.encode(record.customObject ?? [:])).map {
                        String(decoding: $0, as: UTF8.self)
                    } ?? "",
                    "created": record.dateCreated?.rawValue ?? "",
                    "active": record.isActive != false,
                ] as [String: Any]
            }
            values["count"] = list.count ?? list.data?.count ?? 0
        } catch {
            return await services.failure(error, page: "custom-objects", context: context, values: values)
        }
        if let error {
            let message: String
            let status: HTTPResponse.Status
            if let input = error as? DemoInputError {
                (message, status) = (input.message, .badRequest)
            } else {
                let failure = UserFacingError(error, logger: context.logger)
                (message, status) = (failure.message, failure.status)
            }
            values["error"] = message
            return services.pages.render("custom-objects", status: status, context: context, values: values)
        }
        return services.pages.render("custom-objects", context: context, values: values)
    }

    static func query(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

/// Input the user can fix, caught before any SDK call.
struct DemoInputError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
