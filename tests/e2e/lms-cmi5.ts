// What the LRS stand-in checks in every cmi5 statement (cmi5 spec section 9), and the order.
import type { Lrs } from './lms-support';

const VERB = 'http://adlnet.gov/expapi/verbs/';
const CAT = 'https://w3id.org/xapi/cmi5/context/categories/';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const DEFINED = ['initialized', 'completed', 'passed', 'failed', 'terminated'].map((v) => VERB + v);
const DURATION = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

export function validateStatement(s: any, lrs: Lrs): string[] {
  const p: string[] = [];
  const verb = s?.verb?.id as string;
  const name = verb?.split('/').pop() ?? '';
  const ld = lrs.launchData;
  const at = `${name} #${lrs.statements.length + 1}`;
  if (!/^[0-9a-f-]{36}$/.test(s.id ?? '')) p.push(`${at}: no statement id`);
  if (JSON.stringify(s.actor) !== JSON.stringify(ld.actor)) p.push(`${at}: actor is not the launch actor`);
  if (s.context?.registration !== ld.registration) p.push(`${at}: registration missing or wrong`);
  if (s.context?.extensions?.[SESSION] !== ld.contextTemplate.extensions[SESSION]) p.push(`${at}: session id missing or wrong`);
  const grouping = s.context?.contextActivities?.grouping ?? [];
  if (!ld.contextTemplate.contextActivities.grouping.every((g: any) => grouping.some((x: any) => x.id === g.id))) p.push(`${at}: the context template's grouping is missing`);
  const categories = (s.context?.contextActivities?.category ?? []).map((c: any) => c.id);
  // Order is per AU session (initialized → … → terminated); completed and passed once per registration.
  const session = s.context?.extensions?.[SESSION];
  const prior = lrs.statements.filter((x) => x.context?.extensions?.[SESSION] === session).map((x) => x.verb.id.split('/').pop());
  const everPrior = lrs.statements.map((x) => x.verb.id.split('/').pop());
  if (DEFINED.includes(verb)) {
    if (s.object?.id !== ld.activityId) p.push(`${at}: object is not the AU's activityId`);
    if (!categories.includes(`${CAT}cmi5`)) p.push(`${at}: cmi5 category missing`);
    const moveOn = ['completed', 'passed', 'failed'].includes(name);
    if (moveOn !== categories.includes(`${CAT}moveon`)) p.push(`${at}: moveon category ${moveOn ? 'missing' : 'not allowed'}`);
    if (name === 'initialized' && prior.length) p.push(`${at}: initialized is not first`);
    if (name !== 'initialized' && prior[0] !== 'initialized') p.push(`${at}: before initialized`);
    if (prior.includes('terminated')) p.push(`${at}: after terminated`);
    if (name !== 'initialized' && !DURATION.test(s.result?.duration ?? '')) p.push(`${at}: result.duration missing or not ISO 8601`);
    if (name === 'completed' && (s.result?.completion !== true || everPrior.includes('completed'))) p.push(`${at}: completed needs completion true, once`);
    if (name === 'passed' || name === 'failed') {
      if (s.result?.success !== (name === 'passed')) p.push(`${at}: result.success wrong`);
      const scaled = s.result?.score?.scaled;
      if (typeof scaled !== 'number' || scaled < 0 || scaled > 1) p.push(`${at}: score.scaled missing`);
      if (ld.masteryScore !== undefined && s.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/masteryscore'] !== ld.masteryScore) p.push(`${at}: masteryscore extension missing`);
      if (name === 'passed' && typeof scaled === 'number' && scaled < ld.masteryScore) p.push(`${at}: passed below the mastery score`);
      if (everPrior.includes('passed')) p.push(`${at}: after passed`);
    }
  } else {
    // Allowed statements (answered): no cmi5 category, but the session and registration.
    if (categories.includes(`${CAT}cmi5`)) p.push(`${at}: cmi5 category on a non-cmi5 statement`);
    if (prior[0] !== 'initialized' || prior.includes('terminated')) p.push(`${at}: outside initialized…terminated`);
    if (verb === `${VERB}answered`) {
      const d = s.object?.definition;
      if (d?.type !== 'http://adlnet.gov/expapi/activities/cmi.interaction' || !d.interactionType || !Array.isArray(d.correctResponsesPattern)) p.push(`${at}: interaction definition incomplete`);
      if (typeof s.result?.response !== 'string' || typeof s.result?.success !== 'boolean') p.push(`${at}: response/success missing`);
    }
  }
  return p;
}
