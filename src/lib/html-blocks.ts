/**
 * HTML's block-level elements: where text read from a page or a document ends one line (or one
 * field) and starts the next. Tables and `br` are left to each reader, which treats them its own way.
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  'address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol p pre section summary ul'.split(
    ' ',
  ),
);
