// Lessons use a few tags whose components are heavy (today the synapse diagram and its stylesheet).
// Passed to <Content components={…}>, such a component is imported by the page route, and its CSS
// reaches every lesson. Imported by the lesson file itself, Astro attaches the CSS only to pages that
// render that lesson. Authors still write the tag without an import: this Vite plugin appends the
// import to any .mdx file that uses the tag and does not import it (at the end, so error line
// numbers stay right; an ES import is hoisted wherever it stands).
import { fileURLToPath } from 'node:url';

const TAGS = {
  SynapseDiagram: fileURLToPath(new URL('../mdx/SynapseDiagram.astro', import.meta.url)),
};

/** The source with an import appended for each heavy tag it uses but does not import. */
export function withLessonImports(code) {
  let out = code;
  for (const [tag, file] of Object.entries(TAGS)) {
    const used = new RegExp(`<${tag}[\\s/>]`).test(code);
    const imported = new RegExp(`^import\\s+${tag}\\b`, 'm').test(code);
    if (used && !imported) out += `\n\nimport ${tag} from ${JSON.stringify(file)};\n`;
  }
  return out;
}

/** The Astro integration; list it before mdx() so its transform runs before MDX compiles. */
export default function lessonImports() {
  return {
    name: 'course:lesson-imports',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'course:lesson-imports',
                enforce: 'pre',
                transform: { filter: { id: /\.mdx$/ }, handler: (code) => ({ code: withLessonImports(code), map: null }) },
              },
            ],
          },
        });
      },
    },
  };
}
