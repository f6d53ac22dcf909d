/** Joins class names, skipping false, null and undefined (conditional classes). */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}
