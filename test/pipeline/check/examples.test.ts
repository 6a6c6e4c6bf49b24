/**
 * Every rule's documented examples (`defineRule({ examples })`), run as fixtures: each is written as an
 * entry into a project of its own, beside its `others` and with its `units`, and the whole project is
 * checked as `deeds check` and the build check it. An example with a message must give a message of
 * its rule containing it (with its severity when it names one); an example without must give none.
 */
import { describe, expect, test } from 'vitest';
import { RULE_IDS, RULES } from '../../../src/pipeline/check/rules/index.ts';
import { runExample } from '../../../tools/docs/rule-examples.ts';

describe('rule examples', () => {
  test('every rule has an id of its own, a description, a fix and an example that gives a message', () => {
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.description, rule.id).not.toBe('');
      expect(rule.fix, rule.id).not.toBe('');
      expect(
        rule.examples.some((example) => example.message),
        rule.id,
      ).toBe(true);
    }
  });

  const cases = RULES.flatMap((rule) => rule.examples.map((example, index) => ({ rule, example, index })));
  test.each(cases)('$rule.id, example $index', ({ rule, example }) => {
    const run = runExample(example);
    // An example is a valid entry: only rules speak about it, never the schema, YAML or registry readers.
    const invalid = run.all.filter((message) => !RULE_IDS.has(message.ruleId ?? ''));
    expect(invalid.map((message) => `${message.ruleId}: ${message.reason}`)).toEqual([]);
    const messages = run.messages.filter((message) => message.ruleId === rule.id);
    for (const message of messages) expect(message.source).toBe('deeds');
    if (example.message === undefined) {
      expect(messages.map((message) => message.reason)).toEqual([]);
      return;
    }
    const match = messages.find((message) => message.reason.includes(example.message!));
    expect(match, `${rule.id}: ${messages.map((m) => m.reason).join(' | ') || 'no message'}`).toBeDefined();
    if (example.severity) expect(match!.fatal ? 'error' : 'warning').toBe(example.severity);
  });
});
