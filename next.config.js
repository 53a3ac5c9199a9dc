/** @type {import('next').NextConfig} */
const nextConfig = {
  // Node-only packages stay out of the server bundle; they are loaded from node_modules at run time.
  serverExternalPackages: ["socket.io", "@prisma/client", "@prisma/adapter-libsql", "@libsql/client", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project beside the build, so there the build skips its own check.
  typescript: { tsconfigPath: "tsconfig.build.json", ignoreBuildErrors: process.env.GA_BUILD_SKIP_TYPECHECK === "1" },
  reactStrictMode: true,
};

export default nextConfig;
