// Puts the browser's address in the context, as LRHummingbird's OriginIPSource reads it, so that
// every LoginRadius call of the request sends it as `X-Origin-IP` (see DemoServices.client(_:)).
import Hummingbird
import LRHummingbird

struct OriginIPMiddleware: RouterMiddleware {
    typealias Context = DemoContext

    let source: OriginIPSource

    func handle(_ request: Request, context: DemoContext, next: (Request, DemoContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        context.originIP = source.address(for: request, context: context)
        return try await next(request, context)
    }
}
