// The umbrella module: `import LoginRadius` brings in every API module.
@_exported public import LRAuth
@_exported public import LRCore
