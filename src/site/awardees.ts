/**
 * Identity and ordering of awardees. A person is keyed by name and unit, so that two people
 * who share a name stay two; their pages are found by a slug of the name's pinyin plus a short
 * hash of the key:
 *
 *   personSlug('李静', '示例市第一人民医院')  →  'li-jing-3k9x2a'
 */
import { pinyin } from 'pinyin-pro';
import { slugify } from '../lib/slug.ts';

/** Pinyin order, as readers of a Chinese index expect it (Unicode order is radical/stroke chaos). */
export const collator = new Intl.Collator('zh-CN', { numeric: true });

export const compareNames = (a: string, b: string): number => collator.compare(a, b);

/** The identity of a person: their name and unit. */
export function personKey(name: string, unit: string | undefined): string {
  return `${name.trim()}|${(unit ?? '').trim()}`;
}

/** FNV-1a, 32 bits, in base 36: short, stable across builds and machines. */
export function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36).padStart(7, '0');
}

/** The URL slug of a person's page. */
export function personSlug(name: string, unit: string | undefined): string {
  return `${slugify(name, 30)}-${stableHash(personKey(name, unit))}`;
}

/** The URL slug of a category or another name without an id of its own. */
export function nameSlug(name: string): string {
  return slugify(name, 40);
}

/** The index letter of a name: the first letter of its pinyin, `A`–`Z`, or `#`. */
export function indexLetter(name: string): string {
  const first = name.trim().charAt(0);
  if (!first) return '#';
  if (/[A-Za-z]/.test(first)) return first.toUpperCase();
  const initial = pinyin(first, { pattern: 'first', toneType: 'none' }).toUpperCase();
  return /^[A-Z]$/.test(initial) ? initial : '#';
}
