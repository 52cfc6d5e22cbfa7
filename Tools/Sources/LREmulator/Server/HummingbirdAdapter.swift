// Bridges Hummingbird's request and response types to the emulator's.
// Only with the `Emulator` trait (the root package builds the engine without a server).
#if Emulator
    import Foundation
    import Hummingbird

    enum HummingbirdAdapter {
        /// Bodies larger than this are refused by Hummingbird.
        static let maximumBodySize = 1 << 20

        static func responder(for dispatcher: RequestDispatcher) -> CallbackResponder<BasicRequestContext> {
            CallbackResponder { request, _ in
                var request = request
                let buffer = try await request.collectBody(upTo: maximumBodySize)
                let emulatorRequest = EmulatorRequest(
                    method: request.method.rawValue,
                    target: request.head.path ?? request.uri.description,
                    host: request.head.authority,
                    headers: request.headers.map { ($0.name.rawName, $0.value) },
                    body: Data(buffer.readableBytesView))
                let response = await dispatcher.dispatch(emulatorRequest)
                return makeResponse(response)
            }
        }

        /// Ends the connection without an answer (an injected fault).
        struct DroppedConnection: Error {}

        static func makeResponse(_ response: EmulatorResponse) -> Response {
            if response.dropConnection {
                return Response(status: .internalServerError, body: ResponseBody { _ in throw DroppedConnection() })
            }
            let text = response.text ?? response.body.serialized
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            for header in response.headers {
                if let name = HTTPFields.Element.Name(header.name) { headers[name] = header.value }
            }
            return Response(
                status: HTTPResponse.Status(code: response.status),
                headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
    }
#endif
