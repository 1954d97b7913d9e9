// STUB: replaced by the language server entry point.
export {};
