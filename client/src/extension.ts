// STUB: replaced by the extension entry point.
export function activate(): void {}
export function deactivate(): void {}
