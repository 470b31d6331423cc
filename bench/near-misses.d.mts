// Types for bench/near-misses.mjs (used by tests).
export declare function nearMisses(length: number): string[];
