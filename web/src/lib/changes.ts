/**
 * The fields of `next` that differ from `previous`: a PATCH sends only what the user changed, so
 * two people editing different fields of one record do not overwrite each other's work more than
 * the version check already prevents.
 */
export function changedFields<T extends object>(previous: T, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(previous[key] ?? null) !== JSON.stringify(next[key] ?? null)) out[key] = next[key];
  }
  return out;
}

/** Form text -> API value: empty strings become null. */
export function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
