// STUB: replaced by the command-line check.
export {};
