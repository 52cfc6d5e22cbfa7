// LRVapor: LoginRadius for Vapor 4. Compiled only with the package trait `Vapor`; without it
// this module is empty and no Vapor is resolved.
#if Vapor
    @_exported public import LRAuth
    @_exported public import LRWebhook
#endif
