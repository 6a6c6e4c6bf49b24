export * from './common.ts';
export * from './announcement.ts';
export * from './roll.ts';
export * from './deed.ts';
export * from './unit.ts';
export * from './glossary.ts';
export * from './site.ts';
