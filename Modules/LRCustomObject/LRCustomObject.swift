// LRCustomObject: importing this module alone gives LoginRadiusClient and this module's API objects.
// LRCore is re-exported so one import is enough.
@_exported public import LRCore
