import { type RawBuilder, sql } from 'kysely';

/**
 * The words `q` finds in a record on PostgreSQL: runs of letters and digits, lower-cased, nothing
 * stemmed (the same words as SQLite's unicode61 tokenizer). The GIN index of migration 009 is on
 * this expression, and PostgreSQL uses an expression index only for a query that repeats it
 * exactly, so the index and the list query both build it here. An index rather than a generated
 * column keeps the table's rows free of a column no resource has.
 */
export function searchVector(fields: readonly string[]): RawBuilder<unknown> {
  const text = sql.join(
    fields.map((field) => sql`coalesce(${sql.ref(field)}, '')`),
    sql` || ' ' || `,
  );
  return sql`to_tsvector('simple'::regconfig, regexp_replace(lower(${text}), '[^[:alnum:]]+', ' ', 'g'))`;
}
