import Hummingbird
import HummingbirdAuth
import LRHummingbird

// Compiles only if LRHummingbird was built with Hummingbird: its types are used here.
let router = Router(context: BasicAuthRequestContext<LoginRadiusUser>.self)
router.loginRadiusWebhook("hooks", verifier: try WebhookVerifier(secret: "secret")) { _, _ in }
print("LRHummingbird: \(String(describing: OriginIPSource.self)) available")
