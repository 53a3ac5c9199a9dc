// Types of postgres-schema.mjs for the TypeScript side (the unit test); keep the two in step.
export declare const SOURCE_SCHEMA: string;
export declare const POSTGRES_SCHEMA: string;
/** The PostgreSQL copy of a schema source (throws when the source lacks what it changes). */
export declare function postgresSchema(source: string): string;
/** True when the committed copy is what the source generates. */
export declare function postgresSchemaIsCurrent(): boolean;
/** Writes the copy; returns true when it changed. */
export declare function writePostgresSchema(): boolean;
