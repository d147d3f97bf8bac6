export declare const COMPILE_HINT: string;
export declare function addCompileHints(dir: string): number;
