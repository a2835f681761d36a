// What `import "server-only"` resolves to where Next.js does not resolve it: tsx scripts and
// `node --import tsx` tests, through the `paths` entry in tsconfig.json. Those run on the server
// by definition, so the marker has nothing to refuse there. Next.js recognises the name itself
// and fails the build when a client component reaches a module that imports it. (The npm
// package's own answer, Node's `--conditions=react-server`, would have to reach every process
// the test runner starts, `next build` and `next start` included.)
export {};
