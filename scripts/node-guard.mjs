// Astro 7 needs Node 22.12+. The machine's own node is 20, so the project ships Node 22 as the
// `node` devDependency; npm scripts and npx put node_modules/.bin first on PATH and use it.
export function assertNode22(tool) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    throw new Error(
      `${tool} needs Node 22.12 or newer, but this is Node ${process.versions.node}. ` +
        'Run it through npm (npm test, npm run test:unit) or npx, which use the Node 22 in node_modules/.bin.',
    );
  }
}
