// The layers of src/ (README, "Architecture"; docs/architecture.md). `npm run lint` fails on an import
// that runs the wrong way. Only the project's own modules are checked; npm packages are free to use
// except the test and benchmark harness (playwright-core) and the dev-only tools.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'lib-is-pure',
      comment: 'src/lib holds pure helpers: they import nothing of the project outside src/lib.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^(src/(?!lib/)|scripts/|tools/|test/)' },
    },
    {
      name: 'model-below-pipeline',
      comment:
        'The content model (schemas, registries, frontmatter) knows nothing of pipeline stages, the site or search; only its loader runs the project.',
      severity: 'error',
      from: { path: '^src/model/', pathNot: '^src/model/loader\\.ts$' },
      to: { path: '^src/(pipeline|project|site|search|integrations|pages|components|layouts)/' },
    },
    {
      name: 'pipeline-not-site',
      comment:
        'Pipeline stages run unchanged in the build, the deeds command and tests: they never import the site, search, the project runner or Astro code.',
      severity: 'error',
      from: { path: '^src/pipeline/' },
      to: { path: '^src/(project|site|search|integrations|pages|components|layouts)/' },
    },
    {
      name: 'stages-apart',
      comment:
        'normalise, extract and render do not import the check stage (check may use normalise; import may use every stage).',
      severity: 'error',
      from: { path: '^src/pipeline/(normalise|extract|render)/' },
      to: { path: '^src/pipeline/(check|import)/' },
    },
    {
      name: 'site-reads-not-runs',
      comment: 'The site read model reads entries; it does not run pipeline stages or the project runner.',
      severity: 'error',
      from: { path: '^src/site/' },
      to: { path: '^src/(pipeline|project|integrations|pages|components|layouts)/' },
    },
    {
      name: 'search-apart',
      comment:
        'Search (build staging and browser engine) shares its segmenter openly, and needs nothing of the pipeline or the project runner.',
      severity: 'error',
      from: { path: '^src/search/' },
      to: { path: '^src/(pipeline|project|model|integrations|pages|components|layouts)/' },
    },
    {
      name: 'src-not-harness',
      comment: 'Nothing in src/ imports the test or benchmark harness, the CLI or dev-only packages.',
      severity: 'error',
      from: { path: '^src/' },
      to: {
        path: '^(test/|tools/|scripts/)|node_modules/(playwright-core|@axe-core|vitest|fast-check|dependency-cruiser)/',
      },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be understood or moved apart.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^(src|scripts|tools)/' },
      to: { couldNotResolve: true, pathNot: '^(astro:|virtual:)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.astro$' },
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
