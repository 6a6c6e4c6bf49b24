/**
 * Settings of the checks that are not per rule. Rules define themselves (`defineRule` in
 * `../define-rule.ts`, listed in `../rules/index.ts`); editors change a rule's severity in
 * `content/checks.yaml` (`rules: { spun-text: error, residue: off }`), the way remark-lint is configured.
 */
export const CHECK_DEFAULTS = Object.freeze({
  /** 字数 limit of a deed when neither its frontmatter nor its announcement gives one. */
  wordLimit: 1000,
});
