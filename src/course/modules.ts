// Modules: a course may group its lessons into modules (lessons/modules.yaml, each lesson's
// `module` field). Pure and build-time only: the build fails naming the lesson file and the field.

export interface ModuleDef {
  id: string;
  title: string;
  summary: string;
}

export interface CourseModule extends ModuleDef {
  /** 1-based, in the order of modules.yaml. */
  number: number;
  /** The module's lessons, in path order. */
  slugs: string[];
}

export interface LessonModule {
  module: CourseModule;
  /** The lesson's place in its module, 1-based. */
  position: number;
}

interface LessonRef {
  slug: string;
  file: string;
  module?: string;
}

/**
 * Groups lessons (already in path order) into the defined modules. With no modules defined, the
 * course has none. Otherwise every lesson names a known module, a module's lessons follow one
 * another, and modules come in the order modules.yaml lists them.
 */
export function groupModules(lessons: readonly LessonRef[], defs: readonly ModuleDef[], where = 'lessons/modules.yaml'): CourseModule[] {
  if (defs.length === 0) {
    const named = lessons.find((l) => l.module);
    if (named) throw new Error(`${named.file}: module: "${named.module}" is not defined (there is no ${where})`);
    return [];
  }
  const byId = new Map(defs.map((d, i) => [d.id, { ...d, number: i + 1, slugs: [] as string[] }]));
  const problems: string[] = [];
  let last: CourseModule | undefined;
  const closed = new Set<string>();
  for (const lesson of lessons) {
    if (!lesson.module) {
      problems.push(`${lesson.file}: module: missing (the course defines modules in ${where}: ${defs.map((d) => d.id).join(', ')})`);
      continue;
    }
    const module = byId.get(lesson.module);
    if (!module) {
      problems.push(`${lesson.file}: module: "${lesson.module}" is not a module in ${where} (known: ${defs.map((d) => d.id).join(', ')})`);
      continue;
    }
    if (module !== last) {
      if (last) closed.add(last.id);
      if (closed.has(module.id)) problems.push(`${lesson.file}: module: the lessons of "${module.id}" must follow one another in the path`);
      else if (last && module.number < last.number) problems.push(`${lesson.file}: module: "${module.id}" comes before "${last.id}" in ${where}, so its lessons must too`);
      last = module;
    }
    module.slugs.push(lesson.slug);
  }
  const empty = [...byId.values()].filter((m) => m.slugs.length === 0);
  for (const m of empty) problems.push(`${where}: ${m.id}: no lesson names this module`);
  if (problems.length) throw new Error(`Modules:\n${problems.join('\n')}`);
  return [...byId.values()];
}

/** Each lesson's module and its place in it. */
export function modulesBySlug(modules: readonly CourseModule[]): Map<string, LessonModule> {
  return new Map(modules.flatMap((module) => module.slugs.map((slug, i) => [slug, { module, position: i + 1 }] as const)));
}
