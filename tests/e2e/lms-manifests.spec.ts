// The three packages' manifests as XML, against the rules of each standard that an LMS import
// depends on: well-formed XML, the namespaces and schema version, unique identifiers, every
// identifierref resolving, the launch file and every listed file present in the zip, the schema
// files referenced by xsi:schemaLocation in the zip root, and the course config's mastery score.
// Reads packages/*.zip (npm run package; test:e2e builds them first): a missing zip fails the test.
import { test, expect } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import config from '../../src/course/config';
import { courseMap } from '../../scripts/package.mjs';

const zip = (t: string) => {
  const path = `packages/${config.id}-${t}.zip`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run package`);
  return unzipSync(new Uint8Array(readFileSync(path)));
};
const text = (files: Record<string, Uint8Array>, name: string) => new TextDecoder().decode(files[name]);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'resource', 'file', 'au', 'organization'].includes(name) });

function checkScorm(t: 'scorm12' | 'scorm2004') {
  const files = zip(t);
  const xml = text(files, 'imsmanifest.xml');
  expect(XMLValidator.validate(xml)).toBe(true);
  const m = parser.parse(xml).manifest;
  // Identifiers: unique (XML ID type), and every reference resolves.
  const ids = [m['@identifier'], ...m.organizations.organization.flatMap((o: any) => [o['@identifier'], ...o.item.map((i: any) => i['@identifier'])]), ...m.resources.resource.map((r: any) => r['@identifier'])];
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[A-Za-z_][\w.-]*$/);
  expect(ids).toContain(m.organizations['@default']);
  const resources = new Map(m.resources.resource.map((r: any) => [r['@identifier'], r]));
  const org = m.organizations.organization[0];
  expect(org.item).toHaveLength(1); // one SCO for the course (scripts/package-manifests.mjs says why)
  const item = org.item[0];
  const sco: any = resources.get(item['@identifierref']);
  expect(sco, 'the item points at a resource').toBeTruthy();
  expect(sco['@href']).toBe('lms.html');
  expect(sco['@type']).toBe('webcontent');
  expect(sco[t === 'scorm12' ? '@adlcp:scormtype' : '@adlcp:scormType']).toBe('sco');
  // Every file listed is in the zip, and every file of the site is listed.
  const listed = sco.file.map((f: any) => f['@href']);
  for (const href of listed) expect(files[href], href).toBeDefined();
  for (const name of Object.keys(files).filter((n) => /\.(html|js|css|json|svg)$/.test(n))) expect(listed, name).toContain(name);
  expect(files['lms.html']).toBeDefined();
  expect(files['lms/launcher.js']).toBeDefined();
  // Schema files: every xsi:schemaLocation file is at the zip root, and what it includes too.
  const locations = m['@xsi:schemaLocation'].trim().split(/\s+/).filter((_: string, i: number) => i % 2 === 1);
  for (const xsd of locations) {
    expect(files[xsd], xsd).toBeDefined();
    const schema = text(files, xsd);
    expect(XMLValidator.validate(schema), xsd).toBe(true);
    for (const [, inc] of schema.matchAll(/<xs[d]?:(?:include|import)[^>]*schemaLocation\s*=\s*"([^"]+)"/g)) expect(files[inc], `${xsd} includes ${inc}`).toBeDefined();
  }
  return { m, item, files };
}

test.describe('LMS manifests', () => {
  test('SCORM 1.2: imsmanifest.xml, adlcp:masteryscore from the course config', () => {
    const { m, item } = checkScorm('scorm12');
    expect(m['@xmlns']).toBe('http://www.imsproject.org/xsd/imscp_rootv1p1p2');
    expect(m['@xmlns:adlcp']).toBe('http://www.adlnet.org/xsd/adlcp_rootv1p2');
    expect(m.metadata.schema).toBe('ADL SCORM');
    expect(String(m.metadata.schemaversion)).toBe('1.2');
    expect(item['adlcp:masteryscore']).toBe(Math.round(config.masteryScore * 100));
    expect(item.title).toBe(config.title);
  });

  test('SCORM 2004 4th edition: imsss primary objective satisfied by measure at the mastery score', () => {
    const { m, item } = checkScorm('scorm2004');
    expect(m['@xmlns']).toBe('http://www.imsglobal.org/xsd/imscp_v1p1');
    expect(m['@xmlns:imsss']).toBe('http://www.imsglobal.org/xsd/imsss');
    expect(m.metadata.schemaversion).toBe('2004 4th Edition');
    const objective = item['imsss:sequencing']['imsss:objectives']['imsss:primaryObjective'];
    expect(objective['@satisfiedByMeasure']).toBe('true');
    expect(objective['imsss:minNormalizedMeasure']).toBe(config.masteryScore);
    // Element order in imsss:sequencing (imsss_v1p0.xsd): objectives before deliveryControls.
    const xml = new TextDecoder().decode(zip('scorm2004')['imsmanifest.xml']);
    expect(xml.indexOf('<imsss:objectives>')).toBeLessThan(xml.indexOf('<imsss:deliveryControls'));
  });

  test('cmi5: cmi5.xml with one AU, its IRI ids, launch URL, masteryScore and moveOn', () => {
    const files = zip('cmi5');
    const xml = text(files, 'cmi5.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const s = parser.parse(xml).courseStructure;
    expect(s['@xmlns']).toBe('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
    expect(s.course['@id']).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/); // an IRI
    expect(s.course.title.langstring['#text']).toBe(config.title);
    expect(s.au).toHaveLength(1);
    const au = s.au[0];
    expect(au['@id']).not.toBe(s.course['@id']);
    expect(Number(au['@masteryScore'])).toBe(config.masteryScore);
    expect(['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable']).toContain(au['@moveOn']);
    expect(au['@moveOn']).toBe(config.moveOn);
    expect(au.url).toBe('lms.html');
    expect(files[au.url]).toBeDefined();
    expect(files['imsmanifest.xml']).toBeUndefined();
  });

  test('the course map in each package is the course', () => {
    for (const t of ['scorm12', 'scorm2004', 'cmi5']) {
      expect(JSON.parse(text(zip(t), 'lms/course.json'))).toEqual(JSON.parse(JSON.stringify(courseMap())));
    }
  });

  test("every lesson's assessment bank is in each package, where the assessment page fetches it", () => {
    // The island fetches banks/<lesson>.json relative to assessment/index.html (AssessmentIsland).
    const withBanks = courseMap().lessons.filter((l) => l.questions.length);
    expect(withBanks.length).toBeGreaterThan(0);
    for (const t of ['scorm12', 'scorm2004', 'cmi5']) {
      const files = zip(t);
      expect(files['assessment/index.html'], t).toBeDefined();
      for (const l of withBanks) {
        const bank = JSON.parse(text(files, `assessment/banks/${l.slug}.json`));
        expect(bank.lesson, `${t}: ${l.slug}`).toBe(l.slug);
        expect(bank.questions.map((q: { id: string }) => q.id)).toEqual(l.questions.map((q: { id: string }) => q.id));
      }
    }
  });

  test('each launcher carries its own adapter only', () => {
    const js = (t: string) => text(zip(t), 'lms/launcher.js');
    expect(js('scorm12')).toContain('LMSInitialize');
    expect(js('scorm12')).not.toContain('API_1484_11');
    expect(js('scorm2004')).toContain('API_1484_11');
    expect(js('scorm2004')).not.toContain('LMSInitialize');
    expect(js('cmi5')).toContain('LMS.LaunchData');
    expect(js('cmi5')).not.toMatch(/LMSInitialize|API_1484_11/);
  });

  test('the plain site (dist/) carries no LMS code: no page loads the LMS page script', () => {
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(`${dir}/${d.name}`) : d.name.endsWith('.html') ? [`${dir}/${d.name}`] : []));
    if (!existsSync('dist')) throw new Error('dist/ is missing: run npm run build (test:e2e does)');
    const pages = walk('dist');
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      expect(html, page).not.toContain('PageHead.astro_astro_type_script');
      expect(html, page).not.toContain('lms-depth');
      expect(html, page).not.toContain('lms/launcher');
    }
  });

  test('pages inside the package link relatively, with file names (no directory index in an LMS)', () => {
    const files = zip('scorm12');
    const html = text(files, 'lessons/how-ketamine-works/index.html');
    expect(html).not.toMatch(/\s(?:href|src|component-url|renderer-url)="\/(?!\/)/);
    expect(html).toContain('href="../../index.html"');
    for (const [, url] of html.matchAll(/\s(?:href|src|component-url|renderer-url)="(\.\.\/[^"#?]*)/g)) {
      const target = new URL(url, 'http://x/lessons/how-ketamine-works/index.html').pathname.slice(1);
      expect(files[target], `${url} from lesson 4`).toBeDefined();
    }
  });
});
