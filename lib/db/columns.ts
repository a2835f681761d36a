// The declared columns of a hand-written statement's rows (lib/db/sql.ts): each name with its
// PostgreSQL type, from which the row's TypeScript type is derived. queryRows checks the
// declaration against what the database actually returned (names and type oids), so a renamed
// or retyped column fails at its first use, in every test that reaches the statement, with a
// message that names it, instead of flowing on as `undefined`.

/** One column: its PostgreSQL type name as pg_type spells it, and whether it may be null. */
export type Column<T> = { readonly pgType: string; readonly nullable: boolean; readonly _value?: T };
export type Columns = Record<string, Column<unknown>>;

/** The row a declaration describes, as the drivers parse it. */
export type RowOf<C extends Columns> = { [K in keyof C]: C[K] extends Column<infer T> ? T : never };

const column = <T>(pgType: string): Column<T> => ({ pgType, nullable: false });

export const int = column<number>("int4");
export const text = column<string>("text");
export const bool = column<boolean>("bool");
export const timestamptz = column<Date>("timestamptz");
export const textArray = column<string[]>("_text");
/** json (not jsonb): what json_build_object returns, parsed by both drivers. */
export const json = column<unknown>("json");
/** A PostgreSQL enum: its type's name, and the union of its labels. */
export const enumColumn = <T extends string>(typeName: string) => column<T>(typeName);

/** The same column where a left join or the data may leave it null. */
export const nullable = <T>(of: Column<T>): Column<T | null> => ({ pgType: of.pgType, nullable: true });

/** The oids of the built-in types above; enums have oids of their own, looked up by name once. */
export const BUILT_IN_TYPE_OIDS: Record<number, string> = {
  16: "bool",
  23: "int4",
  25: "text",
  114: "json",
  1009: "_text",
  1184: "timestamptz",
};
