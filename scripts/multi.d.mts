// Types of multi.mjs for the TypeScript side (the multi-process test); keep the two in step.
export declare function findHaproxy(): string | null;
export declare function ensureHaproxy(): string;
export declare function haproxyConfig(options: { host: string; port: number; backends: number[] }): string;
export declare function startProxy(options: { host?: string; port: number; backends: number[] }): Promise<{ url: string; port: number; stop: () => void }>;
