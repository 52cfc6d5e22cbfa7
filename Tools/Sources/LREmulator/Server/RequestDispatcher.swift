// Routes a request: finds the endpoint (404/405 otherwise), applies LoginRadius's API key and
// secret checks by path (`identity/...` needs the key, `identity/v2/manage/...` the secret
// too, `emulator/...` neither), runs it and turns thrown errors into LoginRadius's error body.
import Logging

struct RequestDispatcher: Sendable {
    let engine: EmulatorEngine
    let logger: Logger
    /// Every route the emulator serves.
    static let table = RouteTable(AllRoutes.all)

    func dispatch(_ request: EmulatorRequest) async -> EmulatorResponse {
        if let limited = await engine.management.rateLimitResponse(for: request, now: engine.now) {
            return limited
        }
        if let fault = await engine.faults.fault(for: request) {
            if let delay = fault.delayMilliseconds, delay > 0 { try? await Task.sleep(for: .milliseconds(delay)) }
            if let response = fault.response {
                logger.debug("\(request.method) \(request.path) -> injected fault \(fault.id ?? "")")
                return response
            }
        }
        do {
            switch Self.table.match(request) {
            case .notFound:
                throw LoginRadiusAPIError(.notFound)
            case .methodNotAllowed:
                throw LoginRadiusAPIError(.methodNotAllowed)
            case .found(let route, let parameters):
                let segments = request.pathSegments
                if segments.first == "identity" {
                    try engine.checkAPIKey(request)
                    if segments.count > 2, segments[2] == "manage" {
                        try engine.checkAPISecret(request)
                    }
                }
                let response = try await route.handler(request, parameters, engine)
                await engine.management.didHandle(request, response, engine: engine)
                return response
            }
        } catch let error as ControlError {
            return error.response
        } catch let error as LoginRadiusAPIError {
            logger.debug("\(request.method) \(request.path) -> \(error.code.code) \(error.code.message)")
            return .error(error)
        } catch {
            logger.error("\(request.method) \(request.path) failed: \(error)")
            return .error(LoginRadiusAPIError(.unknownError))
        }
    }
}
