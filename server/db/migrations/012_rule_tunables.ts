import type { Kysely } from 'kysely';

/**
 * ruleSettings.tuned: the further numbers of a rule an admin changed besides its threshold, as a
 * JSON object by name ("{"clearSentiment":3}"); a number absent is the rule's default.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('ruleSettings')
    .addColumn('tuned', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}
