/** @type {import('next').NextConfig} */
const nextConfig = {
  // Node-only packages stay out of the server bundle; they are loaded from node_modules at run time.
  serverExternalPackages: ["socket.io", "@prisma/client", "@prisma/adapter-libsql", "@libsql/client", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.build.json" },
  reactStrictMode: true,
};

export default nextConfig;
