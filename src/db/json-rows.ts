/**
 * Bulk writes through one JSON parameter (json_populate_recordset / json_to_recordset): one round
 * trip per batch on both engines, no parameter-count limit, arrays and jsonb carried as they are.
 */
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Rows with camelCase keys as a JSON text with the table's snake_case column names. */
export function rowsToJson(rows: readonly Record<string, unknown>[]): string {
  return JSON.stringify(
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) out[snake(k)] = v instanceof Date ? v.toISOString() : v;
      return out;
    }),
  );
}

export const snakeCase = snake;
