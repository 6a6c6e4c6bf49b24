/**
 * schema.org JSON-LD for the pages: people and units with their awards, announcements and rolls
 * with the issuing authority as a GovernmentOrganization.
 */
import type { Honour } from './site-data.ts';
import { absoluteUrl } from '../lib/base-path.ts';
import { siteIdentity } from '../model/site-config.ts';

export type JsonLd = Record<string, unknown>;

/** Text of a `<script type="application/ld+json">`: `<` escaped so it can never end the element. */
export function serialiseJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function governmentOrganization(name: string): JsonLd {
  return { '@type': 'GovernmentOrganization', name };
}

/** `2022年度 示例市卫生健康系统先进个人（示例市卫生健康委员会）` */
export function awardText(honour: Honour): string {
  return `${honour.year}年度${honour.category}（${honour.issuer}）`;
}

export function personJsonLd(
  person: { name: string; unit?: string | undefined; honours: Honour[] },
  url: string,
  /** The one line of the person's newest write-up (`summaryOf`). */
  description?: string,
): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    '@id': `${absoluteUrl(url)}#person`,
    name: person.name,
    url: absoluteUrl(url),
    ...(person.unit ? { worksFor: { '@type': 'Organization', name: person.unit } } : {}),
    ...(description ? { description } : {}),
    award: person.honours.map(awardText),
  };
}

export function organizationJsonLd(unit: { name: string; honours: Honour[] }, url: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': `${absoluteUrl(url)}#organization`,
    name: unit.name,
    url: absoluteUrl(url),
    ...(unit.honours.length > 0 ? { award: unit.honours.map(awardText) } : {}),
  };
}

export function documentJsonLd(options: {
  type?: string;
  title: string;
  url: string;
  issuer: string;
  date: string;
  identifier?: string | undefined;
  /** One line on what it is about: a write-up's summary. */
  description?: string | undefined;
  /** Who publishes the page: by default the site's 主办单位 (`content/site.yaml`). */
  publisher?: string;
  about?: JsonLd[];
}): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': options.type ?? 'DigitalDocument',
    name: options.title,
    url: absoluteUrl(options.url),
    inLanguage: 'zh-Hans',
    datePublished: options.date,
    ...(options.identifier ? { identifier: options.identifier } : {}),
    ...(options.description ? { description: options.description } : {}),
    // The page is published by the body that runs the site (content/site.yaml); the document is the issuer's.
    publisher: governmentOrganization(options.publisher ?? siteIdentity().publisher),
    author: governmentOrganization(options.issuer),
    ...(options.about && options.about.length > 0 ? { about: options.about } : {}),
  };
}
