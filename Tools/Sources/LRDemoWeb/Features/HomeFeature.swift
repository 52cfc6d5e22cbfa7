// GET / — the list of flows; signed-in users see their account's pages.
import Hummingbird

enum HomeFeature: DemoFeature {
    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.get("/") { _, context in
            services.pages.render("home", context: context, values: ["title": "LoginRadius demo"])
        }
    }
}
