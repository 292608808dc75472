// Renders the confidentiality policy rules as a Markdown page for safeguarding staff, straight from
// the rule and indicator tables the engine runs, so the page cannot drift from what the code does.
import { COMBINING, DEFAULT_CALENDAR, INDICATORS, PolicyVersion, RULES, SIGNPOSTING } from '@sg/policy';

const VERSION_NAMES: Record<PolicyVersion, string> = { legacy: 'legacy', unified: 'unified' };

const versionsText = (versions: readonly PolicyVersion[]): string =>
  versions.length === 2 ? 'both versions (legacy and unified)' : `${VERSION_NAMES[versions[0]]} only`;

// A table cell must not contain a raw "|".
const cell = (text: string): string => text.replace(/\|/g, '\\|');

export function renderPolicyDocs(): string {
  const { unifiedPolicyFrom, groupChatEmergencyFrom } = DEFAULT_CALENDAR;
  const lines: string[] = [
    '# Confidentiality policy rules',
    '',
    '<!-- Generated from libs/policy by scripts/policy-docs. Do not edit by hand: run `npm run docs:policy`. -->',
    '',
    'This page explains how the case service recommends whether to break confidentiality and which agency to tell.',
    'The recommendation is always reviewed by a person, who may approve it or override it with a reason.',
    '',
    '## Which version of the policy applies',
    '',
    'A disclosure is judged by the policy in force **when it was made**, never by a later one.',
    '',
    '| version | applies to disclosures made | setting |',
    '| --- | --- | --- |',
    `| legacy | before ${unifiedPolicyFrom} | \`UNIFIED_POLICY_FROM\` |`,
    `| unified | from ${unifiedPolicyFrom} on | \`UNIFIED_POLICY_FROM\` |`,
    '',
    `Group chat under the legacy policy did not call emergency services before ${groupChatEmergencyFrom}`,
    '(setting `GROUP_CHAT_EMERGENCY_FROM`). The dates shown are the defaults; the service may be configured with others.',
    'All times are UTC.',
    '',
    '## Rules',
    '',
    'The rules are checked in this order. Every recommendation lists the rules that applied to it, so you can see why it was made.',
    '',
  ];
  for (const rule of RULES) {
    lines.push(
      `### \`${rule.id}\``,
      '',
      `- **Applies in:** ${versionsText(rule.versions)}`,
      `- **What it does:** ${rule.summary}`,
      `- **Policy wording** (${rule.source}):`,
      '',
      `  > ${rule.wording}`,
      '',
    );
  }
  lines.push(
    '## How rules combine',
    '',
    COMBINING.summary,
    '',
    `> ${COMBINING.wording}`,
    '',
    '## Signposting given when no referral is made',
    '',
    ...SIGNPOSTING.map((s) => `- ${s.name}: ${s.contact}`),
    '',
    '## Indicators',
    '',
    '| code | meaning | class | age limit |',
    '| --- | --- | --- | --- |',
    ...INDICATORS.map(
      (d) =>
        `| \`${d.code}\` | ${cell(d.meaning)} | ${d.class} | ${'ageLimit' in d ? d.ageLimit.description : 'none'} |`,
    ),
    '',
  );
  return lines.join('\n');
}
