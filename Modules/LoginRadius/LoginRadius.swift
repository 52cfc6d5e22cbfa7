// The umbrella module: `import LoginRadius` brings in LRCore and every API module.
// Link a single module (e.g. LRAuth) instead to compile only what you use.
@_exported public import LRAccount
@_exported public import LRAuth
@_exported public import LRConfiguration
@_exported public import LRConsent
@_exported public import LRCore
@_exported public import LRCustomObject
@_exported public import LRMFA
@_exported public import LRPIN
@_exported public import LRPhone
@_exported public import LRReAuth
@_exported public import LRSocial
@_exported public import LRWebhook
