// The page's <head> entries, computed as VuePress computes them, except that the key that spots
// duplicates sorts attribute names by code unit. VuePress sorts them with `localeCompare`, whose
// first call builds an ICU collator: about 30 ms inside the hydration task of every first load on
// a phone, to order names like `href` and `rel` that are plain ASCII.
import type { HeadConfig, PageFrontmatter, PageHead, SiteLocaleData } from 'vuepress/client';

/** Tags VuePress manages in <head> besides the unique ones. */
const MANAGED_TAGS = new Set(['link', 'meta', 'script', 'style', 'noscript', 'template']);

/** Tags a head holds at most once. */
const UNIQUE_TAGS = new Set(['title', 'base']);

/**
 * The key under which two head entries count as the same one: the tag for a unique tag, the name
 * for a `<meta name>`, the id for a `<template id>`, else the tag, sorted attributes and content.
 *
 * @returns null for a tag VuePress does not manage (the entry is dropped)
 */
export function headIdentifier([tag, attrs, content]: HeadConfig): string | null {
  if (UNIQUE_TAGS.has(tag)) return tag;
  if (!MANAGED_TAGS.has(tag)) return null;
  if (tag === 'meta' && attrs.name) return `meta.${attrs.name}`;
  if (tag === 'template' && attrs.id) return `template.${attrs.id}`;
  const pairs = Object.entries(attrs)
    .filter(([, value]) => value !== false)
    .map(([name, value]) => [name, value === true ? '' : value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([tag, pairs, content]);
}

/** The entries in order, each kept only the first time its identifier appears. */
export function dedupeHead(head: HeadConfig[]): HeadConfig[] {
  const seen = new Set<string>();
  return head.filter((entry) => {
    const id = headIdentifier(entry);
    if (id === null || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * A drop-in for VuePress's `resolvers.resolvePageHead`: the page's own head entries, then the
 * site's, the title and the description (the page's, or the site's), without duplicates.
 */
export function resolvePageHead(
  title: string,
  frontmatter: PageFrontmatter,
  site: SiteLocaleData,
): PageHead {
  const description =
    typeof frontmatter.description === 'string' ? frontmatter.description : site.description;
  return dedupeHead([
    ...(Array.isArray(frontmatter.head) ? frontmatter.head : []),
    ...site.head,
    ['title', {}, title],
    ['meta', { name: 'description', content: description }],
  ]);
}
