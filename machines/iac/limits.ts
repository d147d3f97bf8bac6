/**
 * How much of a person's template the app reads: shared by the parser and by run files, which carry
 * templates too (and must not pull the YAML parser into the simulator's bundle to check them).
 */
export const MAX_TEMPLATE_BYTES = 256 * 1024;
/** CloudFormation templates nest a dozen levels; 64 leaves room without letting a parser recurse far. */
export const MAX_DEPTH = 64;
/** Aliases a template may expand (the yaml package's `maxAliasCount` is 100 too). */
export const MAX_ALIASES = 100;
/** Values in the whole expanded tree. */
export const MAX_NODES = 100_000;
