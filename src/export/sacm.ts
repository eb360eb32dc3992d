/**
 * OMG SACM 2.x (Structured Assurance Case Metamodel) XMI export: the interchange format GSN tools
 * read. The mapping follows the GSN annex of SACM 2.x and is documented in docs/sacm-mapping.md:
 *
 *   goal            Claim (assertionDeclaration asserted, or needsSupport when undeveloped)
 *   strategy        ArgumentReasoning
 *   solution        ArtifactReference -> Artifact in the ArtifactPackage (+ Resource for @url)
 *   context         ArtifactReference -> Artifact in the ArtifactPackage (+ Resource for @url)
 *   assumption      Claim, assertionDeclaration assumed
 *   justification   Claim, assertionDeclaration axiomatic
 *   SupportedBy     AssertedInference (to a goal or strategy), AssertedEvidence (to a solution)
 *   InContextOf     AssertedContext
 *   uninstantiated  isAbstract="true"
 *   defeated        assertionDeclaration defeated (a Claim or a link; gsn.defeated tag otherwise)
 *   challenges      an AssertedInference or AssertedEvidence with isCounter="true" from the
 *                   counter goal or solution to what it challenges (an element or a link)
 *   many, optional, choice   tagged values gsn.multiplicity (on the link) and gsn.choice (on the parent)
 *
 * Every xmi:id is derived from element IDs (`G1`, `artifact-Sn1`, `inference-G1-S1`): GSN IDs
 * never contain `-`, so derived ids cannot collide with element IDs or with each other. The
 * output is a pure function of the model: same input, same bytes.
 */
import type { CompileResult } from '../index.js';
import type { ModelChallenge, ModelEdge, ModelElement } from '../semantics/model.js';

export const SACM_NAMESPACE = 'http://www.omg.org/spec/SACM/2.2';
export const XMI_NAMESPACE = 'http://www.omg.org/spec/XMI/20131001';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

export function sacmXml(result: Pick<CompileResult, 'model' | 'layout'>, source = 'case'): string {
  const model = result.model;
  if (!model) return '';
  const plain = new Map<string, string>();
  for (const e of model.elements) plain.set(e.id, e.text);
  for (const n of result.layout?.nodes ?? []) plain.set(n.id, n.title);
  const kinds = new Map(model.elements.map((e) => [e.id, e.kind]));
  const caseName = model.module?.name ?? source;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<sacm:AssuranceCasePackage xmlns:sacm="${SACM_NAMESPACE}" xmlns:xmi="${XMI_NAMESPACE}" xmlns:xsi="${XSI_NAMESPACE}" xmi:version="2.0" xmi:id="package-case">`,
  );
  out.push(`  ${name(caseName)}`);
  if (model.module?.description) out.push(...description('package-case', model.module.description, '  '));

  out.push('  <argumentPackage xmi:id="package-arguments">');
  out.push(`    ${name(caseName)}`);
  const choices = choicesByElement(model);
  for (const element of model.elements) out.push(...argumentElement(element, plain.get(element.id) ?? '', choices.get(element.id) ?? []));
  const used = new Set<string>();
  // The xmi:id of each link and challenge, by its ends, for challenges of links.
  const relationIds = new Map<string, string>();
  for (const edge of model.edges) out.push(...relationship(edge, kinds, used, relationIds));
  for (const challenge of model.challenges ?? []) out.push(...counterRelationship(challenge, kinds, used, relationIds));
  out.push('  </argumentPackage>');

  const artifacts = model.elements.filter((e) => isArtifact(e));
  if (artifacts.length > 0) {
    out.push('  <artifactPackage xmi:id="package-artifacts">');
    out.push(`    ${name(caseName)}`);
    for (const element of artifacts) out.push(...artifact(element, plain.get(element.id) ?? ''));
    out.push('  </artifactPackage>');
  }
  out.push('</sacm:AssuranceCasePackage>');
  return `${out.join('\n')}\n`;
}

function isArtifact(element: ModelElement): boolean {
  return element.kind === 'solution' || element.kind === 'context';
}

/** A choice among an element's SupportedBy links: its alternatives and label. */
interface Choice {
  to: string[];
  label: string | null;
}

/** Pattern extension: the choices of each element (`choice` on it: all its SupportedBy links; `choice { }` groups). */
function choicesByElement(model: NonNullable<CompileResult['model']>): Map<string, Choice[]> {
  const byElement = new Map<string, Choice[]>();
  const add = (from: string, choice: Choice) => byElement.set(from, [...(byElement.get(from) ?? []), choice]);
  for (const element of model.elements) {
    if (!element.choice) continue;
    const to = model.edges.filter((e) => e.from === element.id && e.relation === 'supportedBy').map((e) => e.to);
    add(element.id, { to, label: element.choice.label });
  }
  for (const group of model.choices ?? []) add(group.from, { to: group.to, label: group.label });
  return byElement;
}

function argumentElement(element: ModelElement, text: string, choices: Choice[]): string[] {
  const id = element.id;
  const abstract = element.uninstantiated ? ' isAbstract="true"' : '';
  const body = [`      ${name(id)}`, ...description(id, text, '      ')];
  const choiceTags = choices.flatMap((c, i) => choiceTagged(id, c, i));
  switch (element.kind) {
    case 'goal':
    case 'assumption':
    case 'justification': {
      const declaration = declarationOf(element);
      return [`    <argumentElement xsi:type="sacm:Claim" xmi:id="${attr(id)}"${abstract} assertionDeclaration="${declaration}">`, ...body, ...choiceTags, '    </argumentElement>'];
    }
    case 'strategy': {
      // ArgumentReasoning is not an Assertion, so it has no assertionDeclaration: an undeveloped
      // or defeated strategy is recorded as a tagged value.
      const tagged = [...(element.undeveloped ? [tag(`undeveloped-${id}`, 'gsn.undeveloped', 'true')] : []), ...(element.defeated ? [tag(`defeated-${id}`, 'gsn.defeated', 'true')] : [])];
      return [`    <argumentElement xsi:type="sacm:ArgumentReasoning" xmi:id="${attr(id)}"${abstract}>`, ...body, ...tagged, ...choiceTags, '    </argumentElement>'];
    }
    case 'solution':
    case 'context':
      return [
        `    <argumentElement xsi:type="sacm:ArtifactReference" xmi:id="${attr(id)}"${abstract} referencedArtifactElement="${attr(`artifact-${id}`)}">`,
        ...body,
        ...(element.defeated ? [tag(`defeated-${id}`, 'gsn.defeated', 'true')] : []),
        '    </argumentElement>',
      ];
    default:
      return [];
  }
}

/** A choice as tagged values on its element: the alternatives (IDs separated by spaces) and the label. */
function choiceTagged(id: string, choice: Choice, index: number): string[] {
  const suffix = index === 0 ? '' : `-${index + 1}`;
  return [
    tag(`choice-${id}${suffix}`, 'gsn.choice', choice.to.join(' ')),
    ...(choice.label !== null ? [tag(`choice-label-${id}${suffix}`, 'gsn.choice.label', choice.label)] : []),
  ];
}

function tag(xmiId: string, key: string, value: string): string {
  return `      <taggedValue xmi:id="${attr(xmiId)}" key="${attr(key)}" value="${attr(value)}"/>`;
}

function declarationOf(element: ModelElement): string {
  if (element.defeated) return 'defeated';
  if (element.kind === 'assumption') return 'assumed';
  if (element.kind === 'justification') return 'axiomatic';
  return element.undeveloped ? 'needsSupport' : 'asserted';
}

/** One SACM relationship per GSN link; source is the supporting or contextual element. */
function relationship(edge: ModelEdge, kinds: Map<string, string>, used: Set<string>, relationIds: Map<string, string>): string[] {
  const child = kinds.get(edge.to);
  let type: string;
  let prefix: string;
  if (edge.relation === 'inContextOf') {
    type = 'AssertedContext';
    prefix = 'context';
  } else if (child === 'solution') {
    type = 'AssertedEvidence';
    prefix = 'evidence';
  } else {
    type = 'AssertedInference';
    prefix = 'inference';
  }
  const id = freshId(`${prefix}-${edge.from}-${edge.to}`, used);
  if (!relationIds.has(ends(edge.from, edge.to))) relationIds.set(ends(edge.from, edge.to), id);
  const declaration = edge.defeated ? ' assertionDeclaration="defeated"' : '';
  const tags = edge.multiplicity
    ? [tag(`multiplicity-${id}`, 'gsn.multiplicity', edge.multiplicity.kind), ...(edge.multiplicity.label !== null ? [tag(`multiplicity-label-${id}`, 'gsn.multiplicity.label', edge.multiplicity.label)] : [])]
    : [];
  const open = `    <argumentElement xsi:type="sacm:${type}" xmi:id="${attr(id)}"${declaration} source="${attr(edge.to)}" target="${attr(edge.from)}"`;
  return tags.length === 0 ? [`${open}/>`] : [`${open}>`, ...tags, '    </argumentElement>'];
}

/**
 * Dialectic extension: a challenge is a counter relationship (isCounter) from the counter goal
 * (AssertedInference) or counter solution (AssertedEvidence) to the element it challenges, or to
 * the relationship of the link (or challenge) it challenges.
 */
function counterRelationship(challenge: ModelChallenge, kinds: Map<string, string>, used: Set<string>, relationIds: Map<string, string>): string[] {
  const target = challenge.target.type === 'element' ? challenge.target.id : relationIds.get(ends(challenge.target.from, challenge.target.to));
  if (target === undefined) return [];
  const written = challenge.target.type === 'element' ? challenge.target.id : `${challenge.target.from}-${challenge.target.to}`;
  const id = freshId(`counter-${challenge.from}-${written}`, used);
  // A challenge of an element can itself be challenged, as the link `CG1 -> G2`.
  if (challenge.target.type === 'element' && !relationIds.has(ends(challenge.from, challenge.target.id))) relationIds.set(ends(challenge.from, challenge.target.id), id);
  const type = kinds.get(challenge.from) === 'solution' ? 'AssertedEvidence' : 'AssertedInference';
  const declaration = challenge.defeated ? ' assertionDeclaration="defeated"' : '';
  return [`    <argumentElement xsi:type="sacm:${type}" xmi:id="${attr(id)}" isCounter="true"${declaration} source="${attr(challenge.from)}" target="${attr(target)}"/>`];
}

function ends(from: string, to: string): string {
  return `${from}\0${to}`;
}

/** `base`, or `base-2`, `base-3`... when taken. */
function freshId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function artifact(element: ModelElement, text: string): string[] {
  const id = `artifact-${element.id}`;
  const lines = [`    <artifactElement xsi:type="sacm:Artifact" xmi:id="${attr(id)}">`, `      ${name(element.id)}`, ...description(id, text, '      '), '    </artifactElement>'];
  if (element.url !== null) {
    const resource = `resource-${element.id}`;
    lines.push(`    <artifactElement xsi:type="sacm:Resource" xmi:id="${attr(resource)}" location="${attr(element.url)}">`, `      ${name(element.id)}`, '    </artifactElement>');
  }
  return lines;
}

function name(text: string): string {
  return `<name content="${attr(text)}"/>`;
}

function description(owner: string, text: string, indent: string): string[] {
  return [
    `${indent}<description xmi:id="${attr(`description-${owner}`)}">`,
    `${indent}  <content>`,
    `${indent}    <value lang="en" content="${attr(text)}"/>`,
    `${indent}  </content>`,
    `${indent}</description>`,
  ];
}

/**
 * An attribute value: markup characters as entities, and line breaks and tabs as character
 * references so that attribute-value normalisation keeps them. XML-illegal characters were
 * already replaced by U+FFFD in the model; any left (lone surrogates) are replaced here too.
 */
export function attr(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
