// LRHummingbird: LoginRadius for Hummingbird 2. Compiled only with the package trait
// `Hummingbird`; without it this module is empty and no Hummingbird is resolved.
#if Hummingbird
    @_exported public import LRAuth
    @_exported public import LRWebhook
#endif
