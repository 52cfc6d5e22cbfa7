import Foundation

extension Parameter {
    /// Whether the parameter appears in the Swift signature.
    var isInSignature: Bool { self.in != "unused" }

    /// The Swift type in the signature, with its default.
    var signatureType: String {
        switch (type, self.default) {
        case ("Bool", .bool(let value)?): return "Bool = \(value)"
        case ("Int", .int(let value)?): return "Int = \(value)"
        default: return required ? type : "\(type)? = nil"
        }
    }

    /// The label and name in the signature: the body is unlabelled (`_ body`), the rest keep their label.
    var signatureLabel: String { self.in == "body" ? "_ \(Swift.identifier(swift))" : swift }

    /// Whether the Swift value is optional.
    var isOptional: Bool { !required && self.default == nil }

    /// How the parameter is described in docs: where it is sent.
    var placementDescription: String {
        let wire = self.wire ?? python
        switch self.in {
        case "path": return "Sent as a path segment (percent-encoded)."
        case "query":
            return required
                ? "Sent as query parameter `\(wire)`."
                : (type == "String"
                    ? "Sent as query parameter `\(wire)` when not blank." : "Sent as query parameter `\(wire)`.")
        case "header": return "Sent as header `\(wire)`."
        case "accessToken": return "Sent as the access token."
        case "body": return "Sent as the JSON body."
        case "bodyField": return "Sent as body member `\(wire)`."
        default: return ""
        }
    }
}

extension Operation {
    /// The parameters in the Swift signature: the body first (unlabelled), then the rest in the
    /// Python SDK's order.
    var signatureParameters: [Parameter] {
        let parameters = self.parameters.filter(\.isInSignature)
        return parameters.filter { $0.in == "body" } + parameters.filter { $0.in != "body" }
    }

    /// A Swift expression for a credential placement string (`query:NAME`, `header:NAME`, `bearer`).
    static func placement(_ value: String?) -> String {
        guard let value else { return "nil" }
        if value == "bearer" { return ".bearer" }
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return "nil" }
        return ".\(parts[0])(\(Swift.literal(parts[1])))"
    }

    /// The Swift `LoginRadiusRequest.Method` case.
    var methodCase: String { "." + method.lowercased() }

    /// Where the credentials go, for the doc comment.
    var credentialsDescription: String {
        var parts: [String] = []
        if let apiKey, apiKey.hasPrefix("query:") { parts.append("the API key as query `\(apiKey.dropFirst(6))`") }
        switch apiSecret {
        case "header:X-LoginRadius-ApiSecret"?:
            parts.append("the API secret as `X-LoginRadius-ApiSecret` (or a request signature when signing is on)")
        case let value? where value.hasPrefix("query:"):
            parts.append("the API secret as query `\(value.dropFirst(6))`")
        default: break
        }
        switch accessToken {
        case "bearer"?: parts.append("the access token as `Authorization: Bearer`")
        case let value? where value.hasPrefix("query:"):
            parts.append("the access token as query `\(value.dropFirst(6))`")
        default: break
        }
        return parts.isEmpty ? "" : " with " + parts.joined(separator: ", ")
    }
}
