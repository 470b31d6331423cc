// Types for bench/generate.mjs (used by tests).
export declare function mulberry32(seed: number): () => number;
export declare function generateCollection(dir: string, count: number, seed?: number): void;
