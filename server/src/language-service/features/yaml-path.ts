// Paths into a YAML document as completion and hover read them from the text.

/** A step into a sequence's items; every other step is a mapping key. */
export const ITEMS = Symbol('items');
export type PathSegment = string | typeof ITEMS;
