// Types for the generated validator module next to this file (see src/core/validator-codegen.ts).
export declare const SOURCE_TEXTS: { posting: string; config: string };
export declare function createValidators(formats: Record<string, unknown>): { posting: unknown; config: unknown };
