// Types of redis-throwaway.mjs for the TypeScript side; keep the two in step.
export interface ThrowawayRedis {
  url: string;
  port: number;
  dataDir: string;
  stop: () => void;
}
export declare function findRedisServer(): string | null;
export declare function ensureRedis(): string;
export declare function startThrowawayRedis(): Promise<ThrowawayRedis>;
