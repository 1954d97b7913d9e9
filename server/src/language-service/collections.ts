// Helpers for arrays and plain-object lookups that stay safe on large or user-written input.

/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every item as an
 * argument on the stack, which throws a RangeError for arrays of about 120,000 items.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * Returns `record[key]` when `key` is an own property of `record`. Keys that come from user
 * text, such as `constructor` or `__proto__`, would otherwise find the members of
 * `Object.prototype` on a plain object literal.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
